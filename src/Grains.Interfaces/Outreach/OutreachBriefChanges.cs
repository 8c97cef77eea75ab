
namespace Campaigns.Outreach;

/// <summary>
/// A merge-patch of <see cref="OutreachBrief"/> (RFC 7396): a null member is unchanged, the Clear* flags clear, and the
/// schedule and audience merge member by member.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachBriefChanges")]
public sealed record OutreachBriefChanges
{
    [Id(0)] public OutreachScheduleChanges? Schedule { get; init; }
    [Id(1)] public bool ClearSchedule { get; init; }
    [Id(2)] public OutreachAudienceChanges? Audience { get; init; }

    /// <summary>Replaced whole (two members that only make sense together).</summary>
    [Id(3)] public LeadCreationSettings? LeadCreation { get; init; }

    [Id(4)] public bool ClearLeadCreation { get; init; }
    [Id(5)] public Guid? PipelineId { get; init; }
    [Id(6)] public bool ClearPipelineId { get; init; }
    [Id(7)] public int? JitterMinutes { get; init; }

    /// <summary>The request members this patch touches, for refusing them on other kinds of campaign.</summary>
    public IEnumerable<string> Fields()
    {
        if (Schedule is not null || ClearSchedule) yield return "schedule";
        if (Audience is not null) yield return "target_audience";
        if (LeadCreation is not null || ClearLeadCreation) yield return "lead_creation_settings";
        if (PipelineId is not null || ClearPipelineId) yield return "pipeline_id";
        if (JitterMinutes is not null) yield return "jitter_minutes";
    }

    public OutreachBrief ApplyTo(OutreachBrief brief) => new(
        ClearSchedule ? null : Schedule is { } schedule ? schedule.ApplyTo(brief.Schedule ?? OutreachScheduleChanges.Default) : brief.Schedule,
        Audience?.ApplyTo(brief.Audience) ?? brief.Audience,
        ClearLeadCreation ? null : LeadCreation ?? brief.LeadCreation,
        ClearPipelineId ? null : PipelineId ?? brief.PipelineId,
        JitterMinutes ?? brief.JitterMinutes);
}

/// <summary>A merge-patch of <see cref="OutreachSchedule"/>; a new schedule starts from <see cref="Default"/>.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachScheduleChanges")]
public sealed record OutreachScheduleChanges
{
    /// <summary>What an unspecified member of a new schedule is: UTC, all day, every day.</summary>
    public static readonly OutreachSchedule Default = new("UTC", TimeOnly.MinValue, TimeOnly.MinValue, [.. Enum.GetValues<DayOfWeek>()]);

    [Id(0)] public string? TimeZone { get; init; }
    [Id(1)] public TimeOnly? WorkStart { get; init; }
    [Id(2)] public TimeOnly? WorkEnd { get; init; }
    [Id(3)] public IReadOnlyList<DayOfWeek>? DaysOfWeek { get; init; }

    public OutreachSchedule ApplyTo(OutreachSchedule schedule) => new(
        TimeZone ?? schedule.TimeZone,
        WorkStart ?? schedule.WorkStart,
        WorkEnd ?? schedule.WorkEnd,
        DaysOfWeek is { } days ? [.. days] : schedule.DaysOfWeek);
}

/// <summary>A merge-patch of <see cref="OutreachAudience"/>: null is unchanged, the Clear* flags clear.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachAudienceChanges")]
public sealed record OutreachAudienceChanges
{
    [Id(0)] public bool? HasTelegram { get; init; }
    [Id(1)] public bool ClearHasTelegram { get; init; }
    [Id(2)] public Guid? CompanyId { get; init; }
    [Id(3)] public bool ClearCompanyId { get; init; }
    [Id(4)] public Guid? PipelineId { get; init; }
    [Id(5)] public bool ClearPipelineId { get; init; }
    [Id(6)] public int? Limit { get; init; }
    [Id(7)] public bool ClearLimit { get; init; }
    [Id(8)] public bool? OnlyNew { get; init; }
    [Id(9)] public IReadOnlyList<Guid>? ContactIds { get; init; }
    [Id(10)] public Guid? SendingAccountId { get; init; }
    [Id(11)] public bool ClearSendingAccountId { get; init; }
    [Id(12)] public int? SendDelaySeconds { get; init; }

    public OutreachAudience ApplyTo(OutreachAudience audience) => new(
        ClearHasTelegram ? null : HasTelegram ?? audience.HasTelegram,
        ClearCompanyId ? null : CompanyId ?? audience.CompanyId,
        ClearPipelineId ? null : PipelineId ?? audience.PipelineId,
        ClearLimit ? null : Limit ?? audience.Limit,
        OnlyNew ?? audience.OnlyNew,
        ContactIds is { } contactIds ? [.. contactIds] : audience.ContactIds,
        ClearSendingAccountId ? null : SendingAccountId ?? audience.SendingAccountId,
        SendDelaySeconds ?? audience.SendDelaySeconds);
}
