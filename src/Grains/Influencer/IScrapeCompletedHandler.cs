
namespace Campaigns.Influencer;

/// <summary>
/// Told by the Apify job worker when a posts scrape has stored its results, so allocation tracking can react (match
/// the new posts, recompute metrics).
/// </summary>
public interface IScrapeCompletedHandler
{
    Task ScrapeCompleted(ApifyJob job, IReadOnlyList<StoredPost> storedPosts, CancellationToken cancellationToken);
}
