using Campaigns.Influencer;

namespace Campaigns.Campaigns;

/// <summary>What a campaign grain persists through the ADO.NET grain storage.</summary>
[GenerateSerializer, Alias("campaigns.CampaignState")]
public sealed class CampaignState
{
    [Id(0)] public Guid OrganizationId { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string? Description { get; set; }
    [Id(3)] public CampaignKind Kind { get; set; }
    [Id(4)] public CampaignStatus Status { get; set; }
    [Id(5)] public long Budget { get; set; }
    [Id(6)] public long CurrentBudget { get; set; }
    [Id(7)] public string Currency { get; set; } = "USD";
    [Id(8)] public List<string> Goals { get; set; } = [];
    [Id(9)] public List<string> Platforms { get; set; } = [];
    [Id(10)] public DateOnly? StartDate { get; set; }
    [Id(11)] public DateOnly? EndDate { get; set; }
    [Id(12)] public DateTimeOffset? ScheduledFor { get; set; }
    [Id(13)] public DateTimeOffset? StartedAt { get; set; }
    [Id(14)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(15)] public DateTimeOffset CreatedAt { get; set; }
    [Id(16)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped on every change; guards the projection against stale writes.</summary>
    [Id(17)] public long Version { get; set; }

    /// <summary>The influencer section; null for other kinds.</summary>
    [Id(18)] public InfluencerBrief? Influencer { get; set; }

    /// <summary>
    /// Legacy (written before the influencer kind moved to <c>InfluencerCampaignGrain</c>): every allocation this
    /// campaign made. Never written now; the influencer grain adopts it once (docs/ARCHITECTURE.md, "Crash windows").
    /// </summary>
    [Id(19)] public List<AllocationSlot> Allocations { get; set; } = [];

    /// <summary>Legacy: the end date the campaign grain's completion reminder was registered for; adopted like <see cref="Allocations"/>.</summary>
    [Id(20)] public DateOnly? EndReminderFor { get; set; }

    /// <summary>The marketing content (a JSON object, per platform) as text; null until some is applied.</summary>
    [Id(21)] public string? ContentJson { get; set; }

    /// <summary>What set <see cref="ContentJson"/>, e.g. <c>ab_test:{id}</c>.</summary>
    [Id(22)] public string? ContentSource { get; set; }

    /// <summary>The instant the launch reminder is registered for; null when none is.</summary>
    [Id(23)] public DateTimeOffset? LaunchReminderFor { get; set; }

    /// <summary>The marketing section; null for other kinds and for marketing campaigns that never set one.</summary>
    [Id(24)] public MarketingBrief? Marketing { get; set; }

    /// <summary>The campaign this one was duplicated from, if any.</summary>
    [Id(25)] public Guid? DuplicatedFrom { get; set; }

    /// <summary>Why the campaign paused itself (e.g. <c>budget_exceeded</c>); null when it did not.</summary>
    [Id(26)] public string? PauseReason { get; set; }

    /// <summary>The outreach section; null for other kinds.</summary>
    [Id(27)] public Outreach.OutreachBrief? Outreach { get; set; }

    public CampaignView ToView(Guid id) => new(
        id, Name, Description, Kind, Status, Budget, CurrentBudget, Currency, Goals, Platforms,
        StartDate, EndDate, ScheduledFor, StartedAt, CompletedAt, CreatedAt, UpdatedAt,
        Influencer?.AudienceSize is { } size ? AudienceSizes.Name(size) : null,
        Influencer?.TargetLocation,
        Influencer?.TargetAudience,
        Influencer?.TrackingConfig,
        ContentJson,
        Marketing?.Type,
        Marketing is { MediaUrls.Count: > 0 } withMedia ? withMedia.MediaUrls : null,
        Marketing is { SegmentIds.Count: > 0 } withSegments ? withSegments.SegmentIds : null,
        DuplicatedFrom,
        PauseReason);

    public CampaignSnapshot Snapshot() =>
        new(Status, StartDate, EndDate, Influencer?.TrackingConfig ?? TrackingConfig.Empty);

    /// <summary>What the campaign's kind grain needs to know of it, pushed at every lifecycle point.</summary>
    public CampaignFacts Facts(Guid id) => new(
        id, OrganizationId, Kind, Status, Budget, Currency, Platforms, StartDate, EndDate, Influencer, Outreach, Snapshot(),
        Allocations, EndReminderFor);
}
