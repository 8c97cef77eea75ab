
namespace Campaigns.Outreach;

/// <summary>How a sending account's bot receives updates.</summary>
[GenerateSerializer, Alias("campaigns.UpdatesMode")]
public enum UpdatesMode
{
    /// <summary>One getUpdates long-polling loop per account, cluster-wide (the default).</summary>
    Polling = 0,

    /// <summary>Telegram pushes updates to <c>POST /api/telegram/webhook/{accountId}</c>.</summary>
    Webhook = 1,
}

[GenerateSerializer, Alias("campaigns.SendingAccountStatus")]
public enum SendingAccountStatus
{
    Active = 0,
    Disabled = 1,

    /// <summary>Telegram answered 401 to the bot's token (revoked in @BotFather): no sends until a new token is set.</summary>
    TokenRefused = 2,
}

/// <summary>A sending account (seed "BD account") as callers see it: never its token.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.SendingAccountView")]
public sealed record SendingAccountView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long BotUserId,
    [property: Id(3)] string? BotUsername,
    [property: Id(4)] UpdatesMode Updates,
    [property: Id(5)] int DailyCap,
    [property: Id(6)] SendingAccountStatus Status,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt);

/// <summary>A new sending account; <see cref="DailyCap"/> null takes <c>Telegram:DailyCap</c>.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.SendingAccountDraft")]
public sealed record SendingAccountDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string BotToken,
    [property: Id(2)] int? DailyCap,
    [property: Id(3)] UpdatesMode Updates)
{
    // A record prints every member; this one carries a secret.
    public override string ToString() => $"SendingAccountDraft {{ Name = {Name}, DailyCap = {DailyCap}, Updates = {Updates} }}";
}

/// <summary>A PATCH of a sending account: null members are unchanged (none of them can be cleared).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.SendingAccountChanges")]
public sealed record SendingAccountChanges(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? BotToken = null,
    [property: Id(2)] int? DailyCap = null,
    [property: Id(3)] SendingAccountStatus? Status = null,
    [property: Id(4)] UpdatesMode? Updates = null)
{
    public override string ToString() =>
        $"SendingAccountChanges {{ Name = {Name}, BotToken = {(BotToken is null ? "unchanged" : "new")}, DailyCap = {DailyCap}, Status = {Status}, Updates = {Updates} }}";
}

/// <summary>The seed's <c>GET /api/campaigns/agents</c> row: an account with what it sent today (UTC).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.SendingAgent")]
public sealed record SendingAgent(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? BotUsername,
    [property: Id(3)] SendingAccountStatus Status,
    [property: Id(4)] int DailyCap,
    [property: Id(5)] int SentToday);

/// <summary>A group, supergroup or channel a sending account's bot is in, with how many users it has seen there.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.GroupSource")]
public sealed record GroupSource(
    [property: Id(0)] Guid SendingAccountId,
    [property: Id(1)] long ChatId,
    [property: Id(2)] string? Title,
    [property: Id(3)] string Type,
    [property: Id(4)] int MembersSeen);

/// <summary>The users seen in a group as CRM contacts: <see cref="Created"/> new ones, <see cref="Matched"/> existing.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.GroupContacts")]
public sealed record GroupContacts(
    [property: Id(0)] IReadOnlyList<Guid> ContactIds,
    [property: Id(1)] int Created,
    [property: Id(2)] int Matched);
