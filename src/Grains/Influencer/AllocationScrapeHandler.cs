
namespace Campaigns.Influencer;

/// <summary>Hands a finished posts scrape to the allocation it was queued for, which matches the posts and recomputes its metrics.</summary>
public sealed class AllocationScrapeHandler(IGrainFactory grains) : IScrapeCompletedHandler
{
    public Task ScrapeCompleted(ApifyJob job, IReadOnlyList<StoredPost> storedPosts, CancellationToken cancellationToken)
    {
        if (job.AllocationId is not { } allocationId)
        {
            return Task.CompletedTask;
        }

        // Matching reads no raw item; leaving it out keeps the message small when the allocation lives on another silo.
        var posts = storedPosts.Select(stored => stored with { Post = stored.Post with { RawJson = "" } }).ToList();
        return grains.GetGrain<IAllocationGrain>(allocationId).ScrapeCompleted(job.OrganizationId, job.Id, posts);
    }
}
