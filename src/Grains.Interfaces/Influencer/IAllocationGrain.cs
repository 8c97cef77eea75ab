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
    Task<CommandResult<AllocationView>> Create(Guid organizationId, AllocationDraft draft);

    [Alias("Get")]
    Task<CommandResult<AllocationView>> Get(Guid organizationId, Guid campaignId);

    [Alias("Accept")]
    Task<CommandResult<AllocationView>> Accept(Guid organizationId, Guid campaignId);

    /// <summary>Called by the campaign, which then offers the freed budget to the next creator.</summary>
    [Alias("Decline")]
    Task<CommandResult<AllocationView>> Decline(Guid organizationId, Guid campaignId, string? reason);

    /// <summary>Queues a posts scrape now (or answers the one already waiting).</summary>
    [Alias("Refresh")]
    Task<CommandResult<EnqueuedJob>> Refresh(Guid organizationId, Guid campaignId);

    [Alias("GetMetrics")]
    Task<CommandResult<AllocationReport>> GetMetrics(Guid organizationId, Guid campaignId, int postLimit);

    [Alias("ListPosts")]
    Task<CommandResult<Page<AllocationPost>>> ListPosts(Guid organizationId, Guid campaignId, Guid? after, int limit);

    /// <summary>The campaign changed (status, dates, tracking); the allocation follows it.</summary>
    [Alias("CampaignChanged")]
    Task CampaignChanged(Guid organizationId, Guid campaignId, CampaignSnapshot campaign);

    /// <summary>A posts scrape for this allocation stored these posts: match them and recompute the metrics.</summary>
    [Alias("ScrapeCompleted")]
    Task ScrapeCompleted(Guid organizationId, Guid jobId, IReadOnlyList<StoredPost> posts);

    /// <summary>A person confirmed or rejected one of this allocation's posts; the metrics follow.</summary>
    [Alias("Decide")]
    Task<CommandResult<AllocationPost>> Decide(Guid organizationId, Guid campaignPostId, PostDecision decision, Guid userId);
}

/// <summary>What the metrics endpoint shows (the stage-6 shape): the allocation and the first page of its posts.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationReport")]
public sealed record AllocationReport(
    [property: Id(0)] AllocationView Allocation,
    [property: Id(1)] Page<AllocationPost> Posts);

/// <summary>The job an enqueue left in the queue: the new one, or the outstanding one it found (<see cref="Created"/> false).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.EnqueuedJob")]
public sealed record EnqueuedJob(
    [property: Id(0)] ApifyJob Job,
    [property: Id(1)] bool Created);

/// <summary>Finds which allocation a post detection belongs to, so a decision reaches that allocation's grain.</summary>
[Alias("campaigns.IPostReviewGrain")]
public interface IPostReviewGrain : IGrainWithIntegerKey
{
    [Alias("Decide")]
    Task<CommandResult<AllocationPost>> Decide(Guid organizationId, Guid campaignPostId, PostDecision decision, Guid userId);
}
