
namespace Campaigns.Influencer;

/// <summary>
/// Recomputes an allocation's metrics from its campaign posts after a scrape (docs/domain/influencer.md#allocation-metrics).
/// </summary>
public static class AllocationMetricsCalculator
{
    /// <param name="campaignPosts">
    /// The posts counted as campaign content, automatically or by hand; the caller decides which. A post listed twice
    /// (the same platform id from two scrapes) counts once, with its last figures.
    /// </param>
    /// <param name="collectedAt">When the scrape that triggered this recomputation finished.</param>
    public static AllocationMetrics Compute(IEnumerable<ScrapedPost> campaignPosts, DateTimeOffset collectedAt)
    {
        var posts = campaignPosts
            .GroupBy(post => (post.Platform, post.PlatformPostId))
            .Select(copies => copies.Last())
            .ToList();
        var positiveRates = posts.Select(post => post.EngagementRate).OfType<double>().Where(rate => rate > 0).ToList();

        return new AllocationMetrics(
            Reach: posts.Sum(post => post.Reach ?? 0),
            Engagement: posts.Sum(post => (post.Likes ?? 0) + (post.Comments ?? 0) + (post.Shares ?? 0)),
            // Conversions and CTR come from tracking events, which the product does not record yet.
            Conversions: 0,
            Ctr: 0,
            // Only rates above 0 (docs/domain/influencer.md#allocation-metrics): a 0 there far more often means "not measured" than "nobody engaged".
            AvgEngagementRate: positiveRates.Count == 0 ? 0 : positiveRates.Average(),
            PostsCount: posts.Count,
            LastCollectedAt: collectedAt,
            ConversionsTracked: false);
    }
}
