using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Influencer;

/// <summary>
/// One creator's allocation in an influencer campaign: its budget, the creator's answer, its 12-hour monitoring
/// reminder, and its metrics. Calls flow from the campaign to its allocations only, never back, so the two cannot
/// wait on each other.
/// </summary>
[Alias("campaigns.IAllocationGrain")]
public interface IAllocationGrain : IGrainWithGuidKey
{
    /// <summary>Idempotent: a repeated create for the same campaign answers the allocation as it is.</summary>
    [Alias("Create")]
    Task<AllocationResult> Create(Guid organizationId, AllocationDraft draft);

    [Alias("Get")]
    Task<AllocationResult> Get(Guid organizationId, Guid campaignId);

    [Alias("Accept")]
    Task<AllocationResult> Accept(Guid organizationId, Guid campaignId);

    /// <summary>Called by the campaign, which then offers the freed budget to the next creator.</summary>
    [Alias("Decline")]
    Task<AllocationResult> Decline(Guid organizationId, Guid campaignId, string? reason);

    /// <summary>Queues a posts scrape now (or answers the one already waiting).</summary>
    [Alias("Refresh")]
    Task<RefreshResult> Refresh(Guid organizationId, Guid campaignId);

    [Alias("GetMetrics")]
    Task<AllocationMetricsResult> GetMetrics(Guid organizationId, Guid campaignId, int postLimit);

    [Alias("ListPosts")]
    Task<AllocationPostsResult> ListPosts(Guid organizationId, Guid campaignId, Guid? after, int limit);

    /// <summary>The campaign changed (status, dates, tracking); the allocation follows it.</summary>
    [Alias("CampaignChanged")]
    Task CampaignChanged(Guid organizationId, Guid campaignId, CampaignSnapshot campaign);

    /// <summary>A posts scrape for this allocation stored these posts: match them and recompute the metrics.</summary>
    [Alias("ScrapeCompleted")]
    Task ScrapeCompleted(Guid organizationId, Guid jobId, IReadOnlyList<StoredPost> posts);

    /// <summary>A person confirmed or rejected one of this allocation's posts; the metrics follow.</summary>
    [Alias("Decide")]
    Task<AllocationPostResult> Decide(Guid organizationId, Guid campaignPostId, PostDecision decision, Guid userId);
}

/// <summary>The metrics endpoint's answer (the seed's stage-6 shape).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationMetricsResult")]
public sealed record AllocationMetricsResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] AllocationView? Allocation = null,
    [property: Id(2)] AllocationPostPage? Posts = null,
    [property: Id(3)] string? Message = null);

/// <summary>A page of an allocation's posts, or why not.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationPostsResult")]
public sealed record AllocationPostsResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] AllocationPostPage? Page = null,
    [property: Id(2)] string? Message = null);

/// <summary>One post after a decision, or why not.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationPostResult")]
public sealed record AllocationPostResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] AllocationPost? Post = null,
    [property: Id(2)] string? Message = null);

/// <summary>Finds which allocation a post detection belongs to, so a decision reaches that allocation's grain.</summary>
[Alias("campaigns.IPostReviewGrain")]
public interface IPostReviewGrain : IGrainWithIntegerKey
{
    [Alias("Decide")]
    Task<AllocationPostResult> Decide(Guid organizationId, Guid campaignPostId, PostDecision decision, Guid userId);
}
