using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Simulators.Telegram;

/// <summary>
/// The Telegram Bot API on a free 127.0.0.1 port, driven through the real Telegram.Bot client: <c>getMe</c>,
/// <c>sendMessage</c>, <c>getUpdates</c> (offset, long polling), <c>setWebhook</c> / <c>deleteWebhook</c> (then new
/// updates are pushed with <c>X-Telegram-Bot-Api-Secret-Token</c>). It knows bots, users, who pressed Start, groups
/// with members; scripted failures; and records every message it accepted.
/// </summary>
/// <remarks>
/// The send path is kept lean for the 100,000-message benchmark: no logging, no per-request allocation beyond the
/// body, concurrent dictionaries and a lock only when a fault is scripted.
/// </remarks>
public sealed class TelegramSimulator : IAsyncDisposable
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly WebApplication host;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, SimulatedBot> botsByToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, TelegramUser> users = new();
    private readonly ConcurrentDictionary<long, TelegramGroup> groups = new();
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<long, byte>> groupMembers = new();
    private readonly ConcurrentQueue<SentTelegramMessage> messages = new();
    private readonly ConcurrentDictionary<long, string> privateChatJson = new();
    private readonly ConcurrentQueue<(long BotId, long UpdateId, int Status)> webhookDeliveries = new();
    private readonly ConcurrentDictionary<long, CancellationTokenSource> pushers = new();
    private readonly HttpClient webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    // Random bases: simulators of concurrent tests share one database, where a bot id may be registered only once.
    private long nextUserId = Random.Shared.NextInt64(1_000_000_000, 6_000_000_000_000);
    private long nextGroupId = Random.Shared.NextInt64(1_000_000_000, 900_000_000_000);
    private long nextMessageId;
    private long sendCount;

    private TelegramSimulator(WebApplication host, TimeProvider time)
    {
        this.host = host;
        this.time = time;
    }

    /// <summary>The base address to configure as <c>Telegram__BaseUrl</c>, e.g. <c>http://127.0.0.1:49152</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public TelegramFaults Faults { get; } = new();

    /// <summary>Every message accepted by sendMessage, in the order accepted.</summary>
    public IReadOnlyList<SentTelegramMessage> Messages => messages.ToArray();

    /// <summary>How many messages sendMessage accepted (cheap, for the benchmark).</summary>
    public long SentCount => Interlocked.Read(ref sendCount);

    /// <summary>Webhook pushes: which update went to which bot's webhook and what the receiver answered.</summary>
    public IReadOnlyList<(long BotId, long UpdateId, int Status)> WebhookDeliveries => webhookDeliveries.ToArray();

    public static async Task<TelegramSimulator> Start(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var host = builder.Build();
        var simulator = new TelegramSimulator(host, time ?? TimeProvider.System);
        host.Run(simulator.Handle);
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        simulator.BaseUrl = address.TrimEnd('/');
        return simulator;
    }

    /// <summary>A new bot; its token has Telegram's shape (<c>{bot id}:{secret}</c>).</summary>
    public SimulatedBot AddBot(string username, string? firstName = null)
    {
        var user = new TelegramUser(Interlocked.Increment(ref nextUserId), firstName ?? username, username, IsBot: true);
        var token = $"{user.Id}:AA{Guid.NewGuid():N}";
        var bot = new SimulatedBot(user, token);
        users[user.Id] = user;
        botsByToken[token] = bot;
        return bot;
    }

    public TelegramUser AddUser(string firstName, string? username = null, string? lastName = null, long? id = null)
    {
        var user = new TelegramUser(id ?? Interlocked.Increment(ref nextUserId), firstName, username, lastName);
        users[user.Id] = user;
        return user;
    }

    public TelegramGroup AddGroup(string title, string type = "supergroup")
    {
        if (type is not ("group" or "supergroup" or "channel"))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "group, supergroup or channel");
        }

        var id = type == "group" ? -Interlocked.Increment(ref nextGroupId) : -(1_000_000_000_000 + Interlocked.Increment(ref nextGroupId));
        var group = new TelegramGroup(id, title, type);
        groups[id] = group;
        return group;
    }

    /// <summary>The user opens the bot and presses Start: the bot may message them from now on; an update says /start.</summary>
    public long PressStart(SimulatedBot bot, TelegramUser user)
    {
        bot.Start(user.Id);
        return bot.Enqueue(TelegramUpdates.PrivateMessage(NextMessageId(), user, "/start", UnixNow()));
    }

    /// <summary>The user writes to the bot privately (a reply). Writing implies the private chat exists.</summary>
    public long UserWrites(SimulatedBot bot, TelegramUser user, string text)
    {
        bot.Start(user.Id);
        return bot.Enqueue(TelegramUpdates.PrivateMessage(NextMessageId(), user, text, UnixNow()));
    }

    /// <summary>Someone adds the bot to a group or channel.</summary>
    public long AddBotToChat(SimulatedBot bot, TelegramGroup group, TelegramUser addedBy)
    {
        bot.Join(group.Id);
        AddMember(group, addedBy);
        return bot.Enqueue(TelegramUpdates.MyChatMember(group, addedBy, bot.User, joined: true, UnixNow()));
    }

    public long RemoveBotFromChat(SimulatedBot bot, TelegramGroup group, TelegramUser removedBy)
    {
        bot.Leave(group.Id);
        return bot.Enqueue(TelegramUpdates.MyChatMember(group, removedBy, bot.User, joined: false, UnixNow()));
    }

    /// <summary>Users join a group the bot is in (a service message).</summary>
    public long UsersJoin(SimulatedBot bot, TelegramGroup group, TelegramUser addedBy, params TelegramUser[] joined)
    {
        foreach (var user in joined)
        {
            AddMember(group, user);
        }

        return bot.Enqueue(TelegramUpdates.NewMembers(NextMessageId(), group, addedBy, joined, UnixNow()));
    }

    /// <summary>Makes a user a member of a group without any update (set-up).</summary>
    public void AddMember(TelegramGroup group, TelegramUser user) =>
        groupMembers.GetOrAdd(group.Id, _ => new ConcurrentDictionary<long, byte>())[user.Id] = 0;

    /// <summary>The group's members the simulator knows (added, joined, or who wrote there).</summary>
    public IReadOnlyList<TelegramUser> MembersOf(TelegramGroup group) =>
        groupMembers.TryGetValue(group.Id, out var members) ? members.Keys.Select(id => users[id]).ToArray() : [];

    /// <summary>A message in a group (from <paramref name="from"/>) or a post in a channel, seen by a bot that is in it.</summary>
    public long MessageInChat(SimulatedBot bot, TelegramGroup group, TelegramUser from, string text)
    {
        if (!bot.IsMember(group.Id))
        {
            throw new InvalidOperationException("The bot is not in that chat; add it first with AddBotToChat.");
        }

        if (group.Type != "channel")
        {
            AddMember(group, from);
        }

        return bot.Enqueue(TelegramUpdates.GroupMessage(NextMessageId(), group, from, text, UnixNow()));
    }

    /// <summary>The owner revoked the token in @BotFather: every call with it answers 401 from now on.</summary>
    public void RevokeToken(SimulatedBot bot) => botsByToken.TryRemove(bot.Token, out _);

    /// <summary>Injects a raw update (its update_id is assigned here).</summary>
    public long Inject(SimulatedBot bot, JsonObject update) => bot.Enqueue(update);

    public IReadOnlyList<SentTelegramMessage> MessagesTo(long chatId) => messages.Where(m => m.ChatId == chatId).ToArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var pusher in pushers.Values)
        {
            await pusher.CancelAsync();
        }

        await host.StopAsync();
        await host.DisposeAsync();
        webhookClient.Dispose();
    }

    private async Task Handle(HttpContext context)
    {
        var reply = await Answer(context);
        if (reply == TelegramReply.Silent)
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, which is the point.
            }
        }

        if (reply.Status <= 0)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    private async Task<TelegramReply> Answer(HttpContext context)
    {
        // /bot{token}/{method}
        var path = context.Request.Path.Value ?? "";
        var slash = path.LastIndexOf('/');
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash <= 4)
        {
            return TelegramReply.NotFound;
        }

        var token = path[4..slash];
        var method = path[(slash + 1)..];
        if (!botsByToken.TryGetValue(token, out var bot))
        {
            return TelegramReply.Unauthorized;
        }

        var arguments = await TelegramArguments.Read(context.Request, context.RequestAborted);
        if (arguments.Malformed)
        {
            return TelegramReply.Error(400, "Bad Request: invalid JSON");
        }

        return method.ToLowerInvariant() switch
        {
            "getme" => TelegramReply.Ok(Me(bot)),
            "sendmessage" => Send(bot, arguments),
            "getupdates" => await GetUpdates(bot, arguments, context.RequestAborted),
            "setwebhook" => SetWebhook(bot, arguments),
            "deletewebhook" => DeleteWebhook(bot),
            _ => TelegramReply.NotFound,
        };
    }

    private static JsonObject Me(SimulatedBot bot)
    {
        var me = TelegramUpdates.User(bot.User);
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        return me;
    }

    private TelegramReply Send(SimulatedBot bot, TelegramArguments arguments)
    {
        if (arguments.Long("chat_id") is not { } chatId)
        {
            return TelegramReply.Error(400, "Bad Request: chat_id is empty");
        }

        var text = arguments.Text("text");
        if (string.IsNullOrEmpty(text))
        {
            return TelegramReply.Error(400, "Bad Request: message text is empty");
        }

        var fault = Faults.TakeFor(chatId);
        switch (fault?.Fault)
        {
            case TelegramFault.TooManyRequests:
                return TelegramReply.TooManyRequests(fault.RetryAfterSeconds);
            case TelegramFault.Forbidden:
                return TelegramReply.Blocked;
            case TelegramFault.DropConnection:
                return TelegramReply.Dropped;
            case TelegramFault.ServerError:
                return TelegramReply.ServerError;
        }

        var delivered = Deliver(bot, chatId, text);
        return fault?.Fault switch
        {
            TelegramFault.ServerErrorAfterDelivery when delivered.Status == 200 => TelegramReply.ServerError,
            TelegramFault.BadGatewayAfterDelivery when delivered.Status == 200 => TelegramReply.BadGatewayPage,
            TelegramFault.NoAnswerAfterDelivery when delivered.Status == 200 => TelegramReply.Silent,
            _ => delivered,
        };
    }

    /// <summary>The message as Telegram would take it: recorded for the chat, or refused.</summary>
    private TelegramReply Deliver(SimulatedBot bot, long chatId, string text)
    {
        string chatJson;
        if (chatId > 0)
        {
            if (!bot.AnyoneMayBeMessaged && !bot.HasStarted(chatId))
            {
                return TelegramReply.CannotInitiate;
            }

            chatJson = privateChatJson.GetOrAdd(chatId, id => users.TryGetValue(id, out var user)
                ? TelegramUpdates.PrivateChat(user).ToJsonString()
                : $"{{\"id\":{id},\"type\":\"private\",\"first_name\":\"User\"}}");
        }
        else
        {
            if (!groups.TryGetValue(chatId, out var group))
            {
                return TelegramReply.ChatNotFound;
            }

            if (!bot.IsMember(chatId))
            {
                return TelegramReply.Error(403, "Forbidden: bot is not a member of the group chat");
            }

            chatJson = TelegramUpdates.GroupChat(group).ToJsonString();
        }

        var messageId = NextMessageId();
        var now = time.GetUtcNow();
        messages.Enqueue(new SentTelegramMessage(bot.Id, chatId, text, messageId, now));
        Interlocked.Increment(ref sendCount);
        return TelegramReply.OkRaw(
            $"{{\"message_id\":{messageId},\"from\":{bot.UserJson},\"chat\":{chatJson},"
            + $"\"date\":{now.ToUnixTimeSeconds()},\"text\":{JsonSerializer.Serialize(text)}}}");
    }

    private static async Task<TelegramReply> GetUpdates(SimulatedBot bot, TelegramArguments arguments, CancellationToken cancellationToken)
    {
        if (bot.WebhookUrl is not null)
        {
            return TelegramReply.WebhookActive;
        }

        var offset = arguments.Long("offset") ?? 0;
        var limit = (int)Math.Clamp(arguments.Long("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(arguments.Long("timeout") ?? 0, 0, 50));
        try
        {
            return TelegramReply.OkRaw(await bot.Take(offset, limit, timeout, cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // The client went away; nobody reads this answer.
            return TelegramReply.OkRaw("[]");
        }
    }

    private TelegramReply SetWebhook(SimulatedBot bot, TelegramArguments arguments)
    {
        var url = arguments.Text("url");
        if (string.IsNullOrEmpty(url))
        {
            return DeleteWebhook(bot);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return TelegramReply.Error(400, "Bad Request: bad webhook: invalid URL");
        }

        bot.SetWebhook(url, arguments.Text("secret_token"));
        var stop = new CancellationTokenSource();
        if (pushers.TryRemove(bot.Id, out var previous))
        {
            previous.Cancel();
        }

        pushers[bot.Id] = stop;
        _ = Task.Run(() => Push(bot, stop.Token));
        return TelegramReply.Ok(true);
    }

    private TelegramReply DeleteWebhook(SimulatedBot bot)
    {
        bot.SetWebhook(null, null);
        if (pushers.TryRemove(bot.Id, out var pusher))
        {
            pusher.Cancel();
        }

        return TelegramReply.Ok(true);
    }

    /// <summary>Delivers a webhook bot's updates one at a time, in order, retrying a refused one as Telegram does.</summary>
    private async Task Push(SimulatedBot bot, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await bot.NextArrival().WaitAsync(stop);
                foreach (var (id, json) in bot.Pending())
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, bot.WebhookUrl)
                    {
                        Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
                    };
                    if (bot.WebhookSecret is { } secret)
                    {
                        request.Headers.Add(SecretHeader, secret);
                    }

                    using var response = await webhookClient.SendAsync(request, stop);
                    webhookDeliveries.Enqueue((bot.Id, id, (int)response.StatusCode));
                    if (!response.IsSuccessStatusCode)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200), stop);
                        break;
                    }

                    bot.Delivered(id);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // The receiver is down or slow: Telegram keeps the update and tries again.
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
        }
    }

    private long NextMessageId() => Interlocked.Increment(ref nextMessageId);

    private long UnixNow() => time.GetUtcNow().ToUnixTimeSeconds();
}
