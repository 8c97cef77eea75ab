using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Campaigns.Simulators.Telegram;

/// <summary>
/// One bot on the simulated Bot API: its token and user, who started it, the chats it is in, and its update queue
/// (read by getUpdates with offset and long polling, or pushed to a webhook).
/// </summary>
public sealed class SimulatedBot
{
    private readonly Lock gate = new();
    private readonly List<(long Id, string Json)> updates = [];
    private readonly ConcurrentDictionary<long, byte> startedBy = new();
    private readonly ConcurrentDictionary<long, byte> chats = new();
    private TaskCompletionSource arrived = NewSignal();
    private long nextUpdateId = 1;
    private long confirmedBelow;

    internal SimulatedBot(TelegramUser user, string token)
    {
        User = user;
        Token = token;
    }

    public TelegramUser User { get; }

    public string Token { get; }

    public long Id => User.Id;

    /// <summary>
    /// When true (the benchmark's setting), any positive chat id may be messaged, as if every user had pressed Start.
    /// </summary>
    public bool AnyoneMayBeMessaged { get; set; }

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    public bool HasStarted(long userId) => startedBy.ContainsKey(userId);

    /// <summary>Marks users as having pressed Start without producing updates (bulk set-up).</summary>
    public void MarkStarted(IEnumerable<long> userIds)
    {
        foreach (var id in userIds)
        {
            startedBy[id] = 0;
        }
    }

    /// <summary>The user blocked the bot: sends to them answer 403 from now on.</summary>
    public void MarkBlocked(long userId) => startedBy.TryRemove(userId, out _);

    /// <summary>Updates not yet confirmed by a getUpdates offset (nor delivered to a webhook).</summary>
    public int PendingUpdates
    {
        get
        {
            lock (gate)
            {
                return updates.Count;
            }
        }
    }

    internal bool IsMember(long chatId) => chats.ContainsKey(chatId);

    internal void Join(long chatId) => chats[chatId] = 0;

    internal void Leave(long chatId) => chats.TryRemove(chatId, out _);

    internal void Start(long userId) => startedBy[userId] = 0;

    internal long Enqueue(JsonObject update)
    {
        TaskCompletionSource signal;
        long id;
        lock (gate)
        {
            id = nextUpdateId++;
            update["update_id"] = id;
            updates.Add((id, update.ToJsonString()));
            signal = arrived;
            arrived = NewSignal();
        }

        signal.TrySetResult();
        return id;
    }

    /// <summary>getUpdates: confirms everything below <paramref name="offset"/>, then answers what is left, waiting up to the timeout for something.</summary>
    internal async Task<string> Take(long offset, int limit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task waitFor;
        lock (gate)
        {
            var batch = Confirm(offset, limit);
            if (batch.Count > 0 || timeout <= TimeSpan.Zero)
            {
                return Serialize(batch);
            }

            waitFor = arrived.Task;
        }

        try
        {
            await waitFor.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
        }

        lock (gate)
        {
            return Serialize(Confirm(offset, limit));
        }
    }

    /// <summary>Pending updates for the webhook pusher, oldest first.</summary>
    internal IReadOnlyList<(long Id, string Json)> Pending()
    {
        lock (gate)
        {
            return updates.ToArray();
        }
    }

    internal void Delivered(long updateId)
    {
        lock (gate)
        {
            updates.RemoveAll(u => u.Id <= updateId);
            confirmedBelow = Math.Max(confirmedBelow, updateId + 1);
        }
    }

    internal Task NextArrival()
    {
        lock (gate)
        {
            return updates.Count > 0 ? Task.CompletedTask : arrived.Task;
        }
    }

    internal void SetWebhook(string? url, string? secret)
    {
        WebhookUrl = url;
        WebhookSecret = secret;
    }

    private List<(long Id, string Json)> Confirm(long offset, int limit)
    {
        if (offset > confirmedBelow)
        {
            updates.RemoveAll(u => u.Id < offset);
            confirmedBelow = offset;
        }

        return updates.Take(limit).ToList();
    }

    private static string Serialize(List<(long Id, string Json)> batch) => "[" + string.Join(",", batch.Select(u => u.Json)) + "]";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
