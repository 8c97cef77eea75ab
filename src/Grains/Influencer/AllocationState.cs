using Campaigns.Infrastructure;

namespace Campaigns.Influencer;

/// <summary>What an allocation grain persists through the ADO.NET grain storage.</summary>
[GenerateSerializer, Alias("campaigns.AllocationState")]
public sealed class AllocationState
{
    [Id(0)] public Guid OrganizationId { get; set; }
    [Id(1)] public Guid CampaignId { get; set; }
    [Id(2)] public CreatorCandidate Creator { get; set; } = null!;
    [Id(3)] public long AllocatedBudget { get; set; }
    [Id(4)] public long CurrentBudget { get; set; }
    [Id(5)] public AllocationStatus Status { get; set; }
    [Id(6)] public AllocationMetrics Metrics { get; set; } = AllocationMetrics.None;
    [Id(7)] public CampaignSnapshot Campaign { get; set; } = null!;
    [Id(8)] public DateTimeOffset? AcceptedAt { get; set; }
    [Id(9)] public DateTimeOffset? DeclinedAt { get; set; }
    [Id(10)] public string? DeclineReason { get; set; }
    [Id(11)] public DateTimeOffset CreatedAt { get; set; }
    [Id(12)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped on every change; guards the projection against stale writes.</summary>
    [Id(13)] public long Version { get; set; }

    /// <summary>The allocation's place in its campaign's list.</summary>
    [Id(14)] public int Position { get; set; }

    public SocialPlatform Platform => DbNames.From<SocialPlatform>(Creator.Platform);

    public AllocationView ToView(Guid id) => new(
        id, CampaignId, Creator.CreatorId, Creator.SocialProfileId, Platform, Creator.Username, AllocatedBudget,
        CurrentBudget, Status, Metrics.Reach, Metrics.Engagement, Metrics.Conversions, Metrics.Ctr,
        Metrics.AvgEngagementRate, Metrics.PostsCount, Metrics.LastCollectedAt, AcceptedAt, DeclinedAt, DeclineReason,
        CreatedAt, UpdatedAt);

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
