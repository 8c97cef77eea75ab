
namespace Campaigns.Outreach;

/// <summary>The outreach section of an <c>outreach</c> campaign (seed 001: schedule, target_audience, lead_creation_settings, pipeline_id).</summary>
/// <param name="Schedule">When sends may happen; null sends at any time (UTC, every day).</param>
/// <param name="Audience">Who the campaign writes to and from which sending account.</param>
/// <param name="LeadCreation">When a CRM lead is created for a contact; null creates none.</param>
/// <param name="PipelineId">The pipeline leads are created in.</param>
/// <param name="JitterMinutes">The seed's "optimal time" placeholder: a deterministic per-participant offset of up to this many minutes, kept inside the window.</param>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachBrief")]
public sealed record OutreachBrief(
    [property: Id(0)] OutreachSchedule? Schedule,
    [property: Id(1)] OutreachAudience Audience,
    [property: Id(2)] LeadCreationSettings? LeadCreation,
    [property: Id(3)] Guid? PipelineId,
    [property: Id(4)] int JitterMinutes)
{
    public static readonly OutreachBrief Empty = new(null, OutreachAudience.Everyone, null, null, 0);
}

/// <summary>The campaign's sending window: <paramref name="WorkStart"/>–<paramref name="WorkEnd"/> local time on <paramref name="DaysOfWeek"/>.</summary>
/// <param name="TimeZone">An IANA time zone id, e.g. <c>Europe/Moscow</c>.</param>
/// <param name="WorkEnd">Exclusive; earlier than <paramref name="WorkStart"/> means an overnight window.</param>
/// <param name="DaysOfWeek">The days the window opens on (the day its start falls on), as .NET <see cref="DayOfWeek"/>.</param>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachSchedule")]
public sealed record OutreachSchedule(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] TimeOnly WorkStart,
    [property: Id(2)] TimeOnly WorkEnd,
    [property: Id(3)] List<DayOfWeek> DaysOfWeek);

/// <summary>The seed's target_audience: a CRM filter or picked contacts, the sending account and the spacing between sends.</summary>
/// <param name="ContactIds">When not empty, exactly these contacts (the filters are ignored).</param>
/// <param name="OnlyNew">Only contacts that were never a participant of any campaign of the organization.</param>
/// <param name="SendingAccountId">The seed's bd_account_id; null means the organization's first active account at start.</param>
/// <param name="SendDelaySeconds">The pause between two sends of the account to different participants.</param>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachAudience")]
public sealed record OutreachAudience(
    [property: Id(0)] bool? HasTelegram,
    [property: Id(1)] Guid? CompanyId,
    [property: Id(2)] Guid? PipelineId,
    [property: Id(3)] int? Limit,
    [property: Id(4)] bool OnlyNew,
    [property: Id(5)] List<Guid> ContactIds,
    [property: Id(6)] Guid? SendingAccountId,
    [property: Id(7)] int SendDelaySeconds)
{
    /// <summary>How many contacts a campaign's audience may pick, however they were added (PATCH or CSV imports).</summary>
    public const int MaxContactIds = 100_000;

    /// <remarks>Shared: its contact list, like every list in these records, is never changed in place (docs/ARCHITECTURE.md, rule 1).</remarks>
    public static readonly OutreachAudience Everyone = new(null, null, null, null, false, [], null, 0);
}

[GenerateSerializer, Alias("campaigns.LeadTrigger")]
public enum LeadTrigger
{
    OnFirstSend = 0,
    OnReply = 1,
}

[GenerateSerializer, Immutable, Alias("campaigns.LeadCreationSettings")]
public sealed record LeadCreationSettings(
    [property: Id(0)] LeadTrigger Trigger,
    [property: Id(1)] Guid? DefaultStageId);
