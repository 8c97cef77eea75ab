using System.Text.Json;

namespace Campaigns.Influencer;

/// <summary>
/// Items of <c>clockworks~tiktok-scraper</c>: one video each, with its author's profile in <c>authorMeta</c>, so a
/// profile scrape is a scrape of the profile's videos.
/// </summary>
/// <remarks>Likes are <c>diggCount</c>; the followers at scrape time are <c>authorMeta.fans</c>.</remarks>
internal static class TiktokItems
{
    public static ScrapedPost? Post(JsonElement item, long? knownFollowers)
    {
        var id = item.Text("id");
        if (id is null)
        {
            return null;
        }

        var author = item.Child("authorMeta");
        var text = item.Text("text");
        var post = new ScrapedPost(
            Platform: SocialPlatform.Tiktok,
            PlatformPostId: id,
            Url: item.Text("webVideoUrl"),
            AuthorUsername: author?.Text("name"),
            Title: null,
            Text: text,
            Hashtags: CaptionTokens.Merge(item.Strings("hashtags", "name"), CaptionTokens.Hashtags(text)),
            Mentions: CaptionTokens.Merge(item.Strings("mentions"), CaptionTokens.Mentions(text)),
            Links: [],
            ContentType: item.Flag("isSlideshow") == true ? "slideshow" : "video",
            MediaUrls: item.Strings("mediaUrls")
                .Concat(new[] { item.Child("videoMeta")?.Text("coverUrl") }.OfType<string>())
                .Distinct(StringComparer.Ordinal).ToList(),
            Likes: item.Count("diggCount"),
            Comments: item.Count("commentCount"),
            Shares: item.Count("shareCount"),
            Views: item.Count("playCount"),
            EngagementRate: null,
            Reach: null,
            Impressions: null,
            PostedAt: item.Instant("createTimeISO") ?? item.Instant("createTime"),
            FollowersAtScrape: author?.Count("fans") ?? knownFollowers,
            RawJson: item.GetRawText());
        return ApifyItemMapping.WithDerivedNumbers(post, item);
    }

    public static ScrapedProfile? Profile(IReadOnlyList<JsonElement> items)
    {
        var author = items.Select(item => item.Child("authorMeta")).FirstOrDefault(meta => meta?.Text("name") is not null);
        if (author is not { } meta)
        {
            return null;
        }

        return new ScrapedProfile(
            Platform: SocialPlatform.Tiktok,
            Username: meta.Text("name")!,
            FullName: meta.Text("nickName"),
            FollowersCount: meta.Count("fans"),
            FollowsCount: meta.Count("following"),
            PostsCount: meta.Count("video"),
            Biography: meta.Text("signature"),
            Verified: meta.Flag("verified"),
            EngagementRate: ApifyItemMapping.MeanRate(items.Select(item => Post(item, null)).OfType<ScrapedPost>()),
            ProfileUrl: meta.Text("profileUrl"));
    }
}
