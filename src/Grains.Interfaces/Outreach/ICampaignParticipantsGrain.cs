using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Orleans.Concurrency;

namespace Campaigns.Outreach;

/// <summary>
/// An outreach campaign's participants as a whole: the runtime facts participants read, listing, statistics and the
/// operator's retry/skip. Implemented by the campaign grain itself (one consistency boundary with its lifecycle).
/// </summary>
[Alias("campaigns.ICampaignParticipantsGrain")]
public interface ICampaignParticipantsGrain : IGrainWithGuidKey
{
    /// <summary>
    /// What a participant needs to know before it sends. Interleaved: the campaign awaits participants while it
    /// dispatches, and they call this back, so it must never wait behind the dispatch (it reads state only).
    /// </summary>
    [AlwaysInterleave, Alias("OutreachRuntime")] Task<OutreachRuntime?> OutreachRuntime();

    [AlwaysInterleave, Alias("ListParticipants")]
    Task<ParticipantsAnswer<ParticipantPage>> ListParticipants(Guid organizationId, ParticipantStatus? status, Guid? after, int limit);

    [AlwaysInterleave, Alias("Stats")] Task<ParticipantsAnswer<OutreachStats>> Stats(Guid organizationId);

    [Alias("RetryParticipant")] Task<ParticipantsAnswer<ParticipantView>> RetryParticipant(Guid organizationId, Guid contactId);

    [Alias("SkipParticipant")] Task<ParticipantsAnswer<ParticipantView>> SkipParticipant(Guid organizationId, Guid contactId);
}

/// <summary>The campaign facts a participant reads on every wake.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachRuntime")]
public sealed record OutreachRuntime(
    [property: Id(0)] Guid OrganizationId,
    [property: Id(1)] CampaignStatus Status,
    [property: Id(2)] OutreachBrief Brief);

[GenerateSerializer, Immutable, Alias("campaigns.ParticipantPage")]
public sealed record ParticipantPage(
    [property: Id(0)] IReadOnlyList<ParticipantView> Items,
    [property: Id(1)] Guid? NextCursor);

/// <summary>
/// An outreach campaign's numbers. Participant counts are by current status (<see cref="Replied"/> counts everyone who
/// replied, whatever came after); <see cref="MessagesSent"/> counts messages Telegram accepted.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachStats")]
public sealed record OutreachStats(
    [property: Id(0)] int Total,
    [property: Id(1)] int Pending,
    [property: Id(2)] int Sent,
    [property: Id(3)] int Delivered,
    [property: Id(4)] int Replied,
    [property: Id(5)] int Bounced,
    [property: Id(6)] int Stopped,
    [property: Id(7)] int Failed,
    [property: Id(8)] int Completed,
    [property: Id(9)] int MessagesSent,
    [property: Id(10)] int Held,
    [property: Id(11)] IReadOnlyList<StepFunnel> Steps);

/// <param name="RepliedAfter">Participants whose last message before their reply was this step.</param>
[GenerateSerializer, Immutable, Alias("campaigns.StepFunnel")]
public sealed record StepFunnel(
    [property: Id(0)] int OrderIndex,
    [property: Id(1)] int Sent,
    [property: Id(2)] int Skipped,
    [property: Id(3)] int Failed,
    [property: Id(4)] int Bounced,
    [property: Id(5)] int Unknown,
    [property: Id(6)] int RepliedAfter);

/// <summary>The answer to a participants call: the value on success, otherwise why not.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ParticipantsAnswer`1")]
public sealed record ParticipantsAnswer<T>(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] T? Value = default,
    [property: Id(2)] string? Message = null)
{
    public static ParticipantsAnswer<T> Ok(T value) => new(CommandOutcome.Ok, value);
    public static ParticipantsAnswer<T> NotFound(string message = "No such campaign.") => new(CommandOutcome.NotFound, Message: message);
    public static ParticipantsAnswer<T> Conflict(string message) => new(CommandOutcome.Conflict, Message: message);
}
