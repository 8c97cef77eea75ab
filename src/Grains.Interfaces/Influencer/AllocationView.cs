using Campaigns.Infrastructure;

namespace Campaigns.Influencer;

/// <summary>One creator's share of an influencer campaign (the seed's <c>campaign_allocations</c> row) as callers see it.</summary>
/// <param name="SocialProfileId">The profile selection matched on; its posts are the ones scraped and matched.</param>
/// <param name="CurrentBudget">What is left of <see cref="AllocatedBudget"/>; equal to it until payouts exist.</param>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationView")]
public sealed record AllocationView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] Guid CreatorId,
    [property: Id(3)] Guid SocialProfileId,
    [property: Id(4)] SocialPlatform Platform,
    [property: Id(5)] string Username,
    [property: Id(6)] long AllocatedBudget,
    [property: Id(7)] long CurrentBudget,
    [property: Id(8)] AllocationStatus Status,
    [property: Id(9)] long Reach,
    [property: Id(10)] long Engagement,
    [property: Id(11)] long Conversions,
    [property: Id(12)] double Ctr,
    [property: Id(13)] double AvgEngagementRate,
    [property: Id(14)] int PostsCount,
    [property: Id(15)] DateTimeOffset? LastCollectedAt,
    [property: Id(16)] DateTimeOffset? AcceptedAt,
    [property: Id(17)] DateTimeOffset? DeclinedAt,
    [property: Id(18)] string? DeclineReason,
    [property: Id(19)] DateTimeOffset CreatedAt,
    [property: Id(20)] DateTimeOffset UpdatedAt);

/// <summary>One page of a campaign's allocations, oldest first; <see cref="NextCursor"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationPage")]
public sealed record AllocationPage(
    [property: Id(0)] IReadOnlyList<AllocationView> Items,
    [property: Id(1)] Guid? NextCursor);

/// <summary>A page of a campaign's allocations, or why not.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationPageResult")]
public sealed record AllocationPageResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] AllocationPage? Page = null,
    [property: Id(2)] string? Message = null);
