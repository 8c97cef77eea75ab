
namespace Campaigns.Integrations.Apify;

/// <summary>Which Apify actor scrapes each platform, per kind of scrape job.</summary>
public sealed class ApifyActors
{
    public string InstagramProfile { get; set; } = "apify~instagram-profile-scraper";
    public string InstagramPosts { get; set; } = "apify~instagram-post-scraper";

    // One TikTok actor returns both the posts and the author's counters (authorMeta), so it serves both jobs.
    public string TikTokProfile { get; set; } = "clockworks~tiktok-scraper";
    public string TikTokPosts { get; set; } = "clockworks~tiktok-scraper";

    // Likewise the YouTube actor reports the channel's numberOfSubscribers beside each video.
    public string YouTubeProfile { get; set; } = "streamers~youtube-scraper";
    public string YouTubePosts { get; set; } = "streamers~youtube-scraper";

    /// <summary>The actor for a platform (as named in campaigns: <c>instagram</c>, <c>tiktok</c>, <c>youtube</c>), or null when none scrapes it.</summary>
    public string? For(string platform, ScrapeKind kind) => (platform.ToLowerInvariant(), kind) switch
    {
        ("instagram", ScrapeKind.Profile) => InstagramProfile,
        ("instagram", ScrapeKind.Posts) => InstagramPosts,
        ("tiktok", ScrapeKind.Profile) => TikTokProfile,
        ("tiktok", ScrapeKind.Posts) => TikTokPosts,
        ("youtube", ScrapeKind.Profile) => YouTubeProfile,
        ("youtube", ScrapeKind.Posts) => YouTubePosts,
        _ => null,
    };
}
