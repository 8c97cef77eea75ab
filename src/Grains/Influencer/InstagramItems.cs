using System.Text.Json;
using System.Text.RegularExpressions;

namespace Campaigns.Influencer;

/// <summary>
/// Items of <c>apify~instagram-post-scraper</c> (posts) and <c>apify~instagram-profile-scraper</c> (a profile with its
/// <c>latestPosts</c>).
/// </summary>
/// <remarks>
/// The post id is the <c>shortCode</c> (the code in the post's address): both actors always send it, where the numeric
/// <c>id</c> is sometimes missing from nested posts, and one post must keep one id across scrapes. Views prefer
/// <c>videoViewCount</c>, closer to unique viewers, over <c>videoPlayCount</c>, which counts replays. Instagram
/// publishes no share count, and sends <c>likesCount: -1</c> when the creator hides likes; both stay null.
/// </remarks>
internal static partial class InstagramItems
{
    public static ScrapedPost? Post(JsonElement item, long? knownFollowers)
    {
        var url = item.Text("url");
        var shortCode = item.Text("shortCode") ?? (url is null ? null : ShortCodeInUrl().Match(url).Groups["code"].Value);
        if (string.IsNullOrEmpty(shortCode))
        {
            return null;
        }

        var caption = item.Text("caption");
        var post = new ScrapedPost(
            Platform: SocialPlatform.Instagram,
            PlatformPostId: shortCode,
            Url: url ?? $"https://www.instagram.com/p/{shortCode}/",
            AuthorUsername: item.Text("ownerUsername"),
            Title: null,
            Text: caption,
            Hashtags: CaptionTokens.Merge(item.Strings("hashtags"), CaptionTokens.Hashtags(caption)),
            Mentions: CaptionTokens.Merge(
                item.Strings("mentions"), item.Strings("taggedUsers", "username"), CaptionTokens.Mentions(caption)),
            Links: [],
            ContentType: ContentType(item),
            MediaUrls: new[] { item.Text("displayUrl"), item.Text("videoUrl") }.OfType<string>()
                .Concat(item.Strings("images")).Distinct(StringComparer.Ordinal).ToList(),
            Likes: item.Count("likesCount"),
            Comments: item.Count("commentsCount"),
            Shares: null,
            Views: item.Count("videoViewCount") ?? item.Count("videoPlayCount"),
            EngagementRate: null,
            Reach: null,
            Impressions: null,
            PostedAt: item.Instant("timestamp"),
            FollowersAtScrape: knownFollowers,
            RawJson: item.GetRawText());
        return ApifyItemMapping.WithDerivedNumbers(post, item);
    }

    public static ScrapedProfile? Profile(IReadOnlyList<JsonElement> items)
    {
        var item = items.FirstOrDefault(candidate => candidate.Text("username") is not null);
        if (item.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        var followers = item.Count("followersCount");
        var recentPosts = item.Objects("latestPosts").Select(post => Post(post, followers)).OfType<ScrapedPost>();
        return new ScrapedProfile(
            Platform: SocialPlatform.Instagram,
            Username: item.Text("username")!,
            FullName: item.Text("fullName"),
            FollowersCount: followers,
            FollowsCount: item.Count("followsCount"),
            PostsCount: item.Count("postsCount"),
            Biography: item.Text("biography"),
            Verified: item.Flag("verified"),
            EngagementRate: ApifyItemMapping.MeanRate(recentPosts),
            ProfileUrl: item.Text("url"));
    }

    /// <summary>Reels are told apart by <c>productType: clips</c>; a <c>Sidecar</c> is what users call a carousel.</summary>
    private static string? ContentType(JsonElement item) =>
        item.Text("productType") == "clips" ? "reel"
        : item.Text("type")?.ToLowerInvariant() switch
        {
            "sidecar" => "carousel",
            var other => other,
        };

    [GeneratedRegex("/(?:p|reels?|tv)/(?<code>[A-Za-z0-9_-]+)")]
    private static partial Regex ShortCodeInUrl();
}
