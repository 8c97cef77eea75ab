using Campaigns.Influencer;
using Orleans.Concurrency;

namespace Campaigns.Campaigns;

/// <summary>
/// The one interface the campaign core calls its kind through (an outreach or influencer grain keyed by the campaign
/// id). See docs/ARCHITECTURE.md, "Where a new campaign kind plugs in".
/// </summary>
/// <remarks>
/// Every hook is <see cref="AlwaysInterleaveAttribute"/>: a kind grain may be awaiting its campaign (completing it at
/// the end date, launching it for <c>/activate</c>) while the campaign calls a hook, and neither grain is reentrant, so
/// a queued hook would wait for the 30 s response timeout. Hooks never call the campaign grain back (they get its facts
/// as an argument), so the only cycles are kind turn → campaign → interleaved hook, which cannot wait. A hook that
/// must complete the campaign only schedules that work (a reminder on the kind grain), whose tick then calls
/// <see cref="ICampaignGrain.CompleteByKind"/> from a turn of its own, never from inside the campaign's turn.
/// </remarks>
[Alias("campaigns.ICampaignKindGrain")]
public interface ICampaignKindGrain : IGrainWithGuidKey
{
    /// <summary>Before the campaign becomes active: the kind's refusal (the campaign stays as it is), or null to go on.</summary>
    [AlwaysInterleave, Alias("OnLaunch")]
    Task<CampaignResult?> OnLaunch(CampaignFacts facts, int maxCreators);

    /// <summary>After every saved change (pause, resume, complete, cancel, edits, the launch itself): the kind follows it.</summary>
    [AlwaysInterleave, Alias("OnChanged")]
    Task OnChanged(CampaignFacts facts, CampaignSnapshot before);

    /// <summary>Before delete: the kind's reason to keep the campaign, or null.</summary>
    [AlwaysInterleave, Alias("OnDelete")]
    Task<string?> OnDelete(CampaignFacts facts);

    /// <summary>Checks the kind's section of a campaign being created or changed: errors by field, or null.</summary>
    [AlwaysInterleave, Alias("Check")]
    Task<IReadOnlyDictionary<string, string[]>?> Check(CampaignFacts proposed);

    /// <summary>The view with the kind's own details added (e.g. an outreach campaign's templates and steps).</summary>
    [AlwaysInterleave, Alias("Describe")]
    Task<CampaignView> Describe(CampaignFacts facts, CampaignView view);

    /// <summary>A copy of <paramref name="sourceId"/> was just created: the kind copies what it keeps outside the campaign.</summary>
    [AlwaysInterleave, Alias("OnCopied")]
    Task OnCopied(CampaignFacts facts, Guid sourceId);

    /// <summary>
    /// A reminder the campaign grain registered before the kinds moved out of it fired: the kind takes it over
    /// (registers its own) and the campaign unregisters the legacy one. Only schedules work, never completes.
    /// </summary>
    [AlwaysInterleave, Alias("AdoptReminder")]
    Task AdoptReminder(CampaignFacts facts, string reminderName);
}

/// <summary>What a kind grain knows of its campaign; <see cref="LegacyAllocations"/> and <see cref="LegacyEndReminderFor"/> are pre-move state it adopts once.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignFacts")]
public sealed record CampaignFacts(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] CampaignKind Kind,
    [property: Id(3)] CampaignStatus Status,
    [property: Id(4)] long Budget,
    [property: Id(5)] string Currency,
    [property: Id(6)] IReadOnlyList<string> Platforms,
    [property: Id(7)] DateOnly? StartDate,
    [property: Id(8)] DateOnly? EndDate,
    [property: Id(9)] InfluencerBrief? Influencer,
    [property: Id(10)] Outreach.OutreachBrief? Outreach,
    [property: Id(11)] CampaignSnapshot Snapshot,
    [property: Id(12)] IReadOnlyList<AllocationSlot> LegacyAllocations,
    [property: Id(13)] DateOnly? LegacyEndReminderFor);
