
namespace Campaigns.Outreach;

/// <summary>
/// One per sending account (a Telegram bot), cluster-wide: the only place its pacing is decided, so the daily cap and
/// the spacing between sends hold whichever silo a participant runs on.
/// </summary>
/// <remarks>It hands out send slots and never calls Telegram itself, so one account never becomes a queue of HTTP calls.</remarks>
[Alias("campaigns.ISendingAccountGrain")]
public interface ISendingAccountGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Reserves the account's next send slot at or after <paramref name="earliest"/> for a message of
    /// <paramref name="sendDelaySeconds"/> spacing. A slot at or before now means "send now"; the caller sends, then
    /// reports the outcome with <see cref="Complete"/>.
    /// </summary>
    [Alias("Reserve")]
    Task<SendSlot> Reserve(Guid organizationId, DateTimeOffset earliest, int sendDelaySeconds);

    /// <summary>Reports what became of a reserved slot: a slot that was not sent returns to the daily cap.</summary>
    [Alias("Complete")]
    Task Complete(SendSlotOutcome outcome);

    /// <summary>Telegram answered 429: no slot is handed out before <paramref name="until"/>.</summary>
    [Alias("HoldUntil")]
    Task HoldUntil(DateTimeOffset until);

    /// <summary>The account was edited (daily cap, status): re-read it now rather than at the next periodic refresh.</summary>
    [Alias("Refresh")]
    Task Refresh();
}

[GenerateSerializer, Alias("campaigns.SendSlotKind")]
public enum SendSlotKind
{
    /// <summary>Send at <see cref="SendSlot.At"/> (now or later).</summary>
    Granted = 0,

    /// <summary>The daily cap is used up; try again at <see cref="SendSlot.At"/> (the next day's start).</summary>
    DailyCapReached = 1,

    /// <summary>The account is unknown to the organization, disabled or its token was refused; <see cref="SendSlot.Reason"/> says which.</summary>
    Unavailable = 2,
}

[GenerateSerializer, Immutable, Alias("campaigns.SendSlot")]
public sealed record SendSlot(
    [property: Id(0)] SendSlotKind Kind,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Reason = null);

[GenerateSerializer, Alias("campaigns.SendSlotOutcome")]
public enum SendSlotOutcome
{
    Sent = 0,

    /// <summary>Nothing reached Telegram (skipped, bounced before sending, rescheduled): the slot does not count.</summary>
    NotSent = 1,
}
