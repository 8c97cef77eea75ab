using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

/// <summary>Builds posts for matching tests: only what a test cares about, the rest empty.</summary>
internal static class TestPosts
{
    public static readonly DateTimeOffset DuringCampaign = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    public static ScrapedPost Post(
        string? text = null,
        IReadOnlyList<string>? hashtags = null,
        IReadOnlyList<string>? mentions = null,
        IReadOnlyList<string>? links = null,
        DateTimeOffset? postedAt = null,
        string? title = null,
        string id = "post-1") =>
        new(
            Platform: SocialPlatform.Instagram,
            PlatformPostId: id,
            Url: null,
            AuthorUsername: "anna.cooks",
            Title: title,
            Text: text,
            Hashtags: hashtags ?? [],
            Mentions: mentions ?? [],
            Links: links ?? [],
            ContentType: null,
            MediaUrls: [],
            Likes: null,
            Comments: null,
            Shares: null,
            Views: null,
            EngagementRate: null,
            Reach: null,
            Impressions: null,
            PostedAt: postedAt ?? DuringCampaign,
            FollowersAtScrape: null,
            RawJson: "{}");

    public static TrackingConfig Config(
        string[]? required = null,
        string[]? optional = null,
        string[]? mentions = null,
        string? link = null,
        double minimum = TrackingConfig.DefaultMinMatchConfidence) =>
        new([.. required ?? []], [.. optional ?? []], [.. mentions ?? []], link, minimum);

    public static readonly CampaignPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    public static MatchResult Match(TrackingConfig config, ScrapedPost post) =>
        new PostMatcher(config, November).Match(post);
}
