using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using static Campaigns.Tests.Influencer.TestPosts;

namespace Campaigns.Tests.Influencer;

public sealed class AllocationMetricsCalculatorTests
{
    private static readonly DateTimeOffset CollectedAt = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_campaign_posts_give_zero_metrics_stamped_with_the_collection_time()
    {
        var metrics = AllocationMetricsCalculator.Compute([], CollectedAt);

        Assert.Equal(new AllocationMetrics(0, 0, 0, 0, 0, 0, CollectedAt, ConversionsTracked: false), metrics);
    }

    [Fact]
    public void Reach_engagement_rate_and_count_follow_the_seed_with_unknown_counts_as_zero()
    {
        ScrapedPost[] posts =
        [
            Post(id: "a") with { Likes = 100, Comments = 10, Shares = 5, Reach = 1000, EngagementRate = 0.02 },
            Post(id: "b") with { Likes = 50, Comments = null, Shares = null, Reach = null, EngagementRate = null },
            Post(id: "c") with { Likes = null, Comments = 7, Shares = 3, Reach = 400, EngagementRate = 0 },
            Post(id: "d") with { Likes = 20, Comments = 2, Shares = null, Reach = 600, EngagementRate = 0.04 },
        ];

        var metrics = AllocationMetricsCalculator.Compute(posts, CollectedAt);

        Assert.Equal(2000, metrics.Reach);
        Assert.Equal(115 + 50 + 10 + 22, metrics.Engagement);
        Assert.Equal(0.03, metrics.AvgEngagementRate, 10);
        Assert.Equal(4, metrics.PostsCount);
        Assert.Equal(CollectedAt, metrics.LastCollectedAt);
    }

    [Fact]
    public void Conversions_and_ctr_are_zero_and_flagged_as_not_tracked()
    {
        var metrics = AllocationMetricsCalculator.Compute([Post() with { Likes = 10, Reach = 10 }], CollectedAt);

        Assert.Equal(0, metrics.Conversions);
        Assert.Equal(0, metrics.Ctr);
        Assert.False(metrics.ConversionsTracked);
    }

    [Fact]
    public void A_post_seen_in_two_scrapes_counts_once_with_its_latest_figures()
    {
        var first = Post(id: "same") with { Likes = 10, Reach = 100, EngagementRate = 0.01 };
        var later = first with { Likes = 30, Reach = 250, EngagementRate = 0.03 };
        var sameIdOtherPlatform = first with { Platform = SocialPlatform.Tiktok };

        var metrics = AllocationMetricsCalculator.Compute([first, later, sameIdOtherPlatform], CollectedAt);

        Assert.Equal(2, metrics.PostsCount);
        Assert.Equal(250 + 100, metrics.Reach);
        Assert.Equal(30 + 10, metrics.Engagement);
        Assert.Equal(0.02, metrics.AvgEngagementRate, 10);
    }

    [Fact]
    public void No_positive_rate_gives_an_average_of_zero()
    {
        var metrics = AllocationMetricsCalculator.Compute([Post() with { EngagementRate = null }, Post(id: "b") with { EngagementRate = 0 }], CollectedAt);

        Assert.Equal(0, metrics.AvgEngagementRate);
    }
}
