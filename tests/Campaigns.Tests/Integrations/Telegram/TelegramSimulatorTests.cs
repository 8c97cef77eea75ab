using System.Diagnostics;
using System.Text.Json.Nodes;
using Campaigns.Simulators.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Campaigns.Tests.Integrations.Telegram;

/// <summary>The Bot API simulator on its own: the request shapes it accepts, getUpdates semantics, and sends under load.</summary>
public sealed class TelegramSimulatorTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TelegramSimulator simulator = null!;
    private readonly HttpClient http = new();

    public async ValueTask InitializeAsync() => simulator = await TelegramSimulator.Start();

    [Fact]
    public async Task Form_bodies_and_query_strings_are_accepted_as_the_Bot_API_accepts_them()
    {
        var bot = simulator.AddBot("form_bot");
        var user = simulator.AddUser("Form");
        bot.MarkStarted([user.Id]);

        var me = await Answer(await http.GetAsync($"{simulator.BaseUrl}/bot{bot.Token}/getMe", Ct));
        var sent = await Answer(await http.PostAsync($"{simulator.BaseUrl}/bot{bot.Token}/sendMessage",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = user.Id.ToString(), ["text"] = "from a form" }), Ct));
        var byQuery = await Answer(await http.GetAsync($"{simulator.BaseUrl}/bot{bot.Token}/sendMessage?chat_id={user.Id}&text=by%20query", Ct));

        Assert.Equal(bot.Id, me["result"]!["id"]!.GetValue<long>());
        Assert.Equal("from a form", sent["result"]!["text"]!.GetValue<string>());
        Assert.Equal("by query", byQuery["result"]!["text"]!.GetValue<string>());
        Assert.Equal(["from a form", "by query"], simulator.MessagesTo(user.Id).Select(m => m.Text));
    }

    [Fact]
    public async Task An_unknown_token_is_401_as_Telegram_answers_it()
    {
        var response = await http.GetAsync($"{simulator.BaseUrl}/bot1:AAnotatokenatallnotatokenatall/getMe", Ct);

        Assert.Equal(401, (int)response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal("Unauthorized", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetUpdates_long_polls_returns_as_soon_as_an_update_arrives_and_honours_the_offset()
    {
        var bot = simulator.AddBot("poll_bot");
        var client = new TelegramBotClient(new TelegramBotClientOptions(bot.Token, simulator.BaseUrl), http);
        var user = simulator.AddUser("Late");

        var waiting = client.GetUpdates(timeout: 30, cancellationToken: Ct);
        var stopwatch = Stopwatch.StartNew();
        simulator.UserWrites(bot, user, "now");
        var first = await waiting;
        stopwatch.Stop();

        var update = Assert.Single(first);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"answered after {stopwatch.Elapsed}");
        Assert.Equal(UpdateType.Message, update.Type);
        Assert.Equal("now", update.Message!.Text);
        Assert.Equal(user.Id, update.Message.From!.Id);
        Assert.Single(await client.GetUpdates(offset: 0, timeout: 0, cancellationToken: Ct));
        Assert.Empty(await client.GetUpdates(offset: update.Id + 1, timeout: 0, cancellationToken: Ct));
        Assert.Equal(0, bot.PendingUpdates);
    }

    [Fact]
    public async Task Group_and_membership_updates_deserialize_with_Telegram_Bot()
    {
        var bot = simulator.AddBot("group_bot");
        var client = new TelegramBotClient(new TelegramBotClientOptions(bot.Token, simulator.BaseUrl), http);
        var owner = simulator.AddUser("Owner", "owner_name");
        var group = simulator.AddGroup("Club");
        var channel = simulator.AddGroup("News", "channel");

        simulator.AddBotToChat(bot, group, owner);
        simulator.UsersJoin(bot, group, owner, simulator.AddUser("Joiner"));
        simulator.MessageInChat(bot, group, owner, "hello group");
        simulator.AddBotToChat(bot, channel, owner);
        simulator.MessageInChat(bot, channel, owner, "a post");
        simulator.RemoveBotFromChat(bot, group, owner);

        var updates = await client.GetUpdates(timeout: 0, cancellationToken: Ct);

        Assert.Equal(
            [UpdateType.MyChatMember, UpdateType.Message, UpdateType.Message, UpdateType.MyChatMember, UpdateType.ChannelPost, UpdateType.MyChatMember],
            updates.Select(u => u.Type));
        Assert.True(updates[0].MyChatMember!.NewChatMember.IsInChat);
        Assert.Equal(ChatType.Supergroup, updates[0].MyChatMember!.Chat.Type);
        Assert.Equal("Joiner", Assert.Single(updates[1].Message!.NewChatMembers!).FirstName);
        Assert.Equal(ChatType.Channel, updates[4].ChannelPost!.Chat.Type);
        Assert.False(updates[5].MyChatMember!.NewChatMember.IsInChat);
    }

    [Fact]
    public async Task Concurrent_sends_are_each_recorded_once_with_their_own_message_id()
    {
        var bot = simulator.AddBot("busy_bot");
        bot.AnyoneMayBeMessaged = true;
        var client = new TelegramBotClient(new TelegramBotClientOptions(bot.Token, simulator.BaseUrl), http);
        const int count = 2_000;

        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = Ct },
            async (i, ct) => await client.SendMessage(i, $"message {i}", cancellationToken: ct));
        stopwatch.Stop();

        Assert.Equal(count, simulator.SentCount);
        var messages = simulator.Messages;
        Assert.Equal(count, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), messages.Select(m => m.ChatId).Order());
        TestContext.Current.TestOutputHelper?.WriteLine($"{count} sends in {stopwatch.ElapsedMilliseconds} ms ({count / stopwatch.Elapsed.TotalSeconds:0}/s)");
    }

    private static async Task<JsonNode> Answer(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await simulator.DisposeAsync();
    }
}
