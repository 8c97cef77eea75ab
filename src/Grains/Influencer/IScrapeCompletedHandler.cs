namespace Campaigns.Influencer;

/// <summary>
/// Told by the Apify job worker when a scrape job has stored its results, so allocation tracking can react (match the
/// new posts, recompute metrics). The default does nothing until the allocation work registers its own.
/// </summary>
public interface IScrapeCompletedHandler
{
    Task ScrapeCompleted(ApifyJob job, IReadOnlyList<Guid> storedPostIds, CancellationToken cancellationToken);
}

/// <summary>The handler in place until allocation tracking plugs in.</summary>
public sealed class NoScrapeCompletedHandler : IScrapeCompletedHandler
{
    public Task ScrapeCompleted(ApifyJob job, IReadOnlyList<Guid> storedPostIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
