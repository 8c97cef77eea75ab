using System.Text.Json;

namespace Campaigns.Influencer;

/// <summary>
/// Items of <c>streamers~youtube-scraper</c>: one video each, with its channel's figures beside it, so a profile scrape
/// is a scrape of the channel's videos.
/// </summary>
/// <remarks>
/// The title is kept apart from the description (<c>text</c>, or <c>description</c> in older runs) because it is the
/// <c>content</c> column; matching reads both. Subscribers stand in for followers. YouTube publishes no share count.
/// </remarks>
internal static class YoutubeItems
{
    public static ScrapedPost? Post(JsonElement item, long? knownFollowers)
    {
        var id = item.Text("id");
        if (id is null)
        {
            return null;
        }

        var title = item.Text("title");
        var description = item.Text("text") ?? item.Text("description");
        var url = item.Text("url");
        var post = new ScrapedPost(
            Platform: SocialPlatform.Youtube,
            PlatformPostId: id,
            Url: url,
            AuthorUsername: item.Text("channelUsername") ?? item.Text("channelName"),
            Title: title,
            Text: description,
            Hashtags: CaptionTokens.Merge(
                item.Strings("hashtags"), CaptionTokens.Hashtags(title), CaptionTokens.Hashtags(description)),
            Mentions: CaptionTokens.Merge(CaptionTokens.Mentions(title), CaptionTokens.Mentions(description)),
            Links: item.Strings("descriptionLinks", "url").Distinct(StringComparer.Ordinal).ToList(),
            ContentType: item.Text("type")?.ToLowerInvariant()
                ?? (url?.Contains("/shorts/", StringComparison.Ordinal) == true ? "shorts" : "video"),
            MediaUrls: new[] { item.Text("thumbnailUrl") }.OfType<string>().ToList(),
            Likes: item.Count("likes"),
            Comments: item.Count("commentsCount"),
            Shares: null,
            Views: item.Count("viewCount"),
            EngagementRate: null,
            Reach: null,
            Impressions: null,
            PostedAt: item.Instant("date"),
            FollowersAtScrape: item.Count("numberOfSubscribers") ?? knownFollowers,
            RawJson: item.GetRawText());
        return ApifyItemMapping.WithDerivedNumbers(post, item);
    }

    public static ScrapedProfile? Profile(IReadOnlyList<JsonElement> items)
    {
        var channel = items.FirstOrDefault(item => (item.Text("channelUsername") ?? item.Text("channelName")) is not null);
        if (channel.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        return new ScrapedProfile(
            Platform: SocialPlatform.Youtube,
            Username: channel.Text("channelUsername") ?? channel.Text("channelName")!,
            FullName: channel.Text("channelName"),
            FollowersCount: channel.Count("numberOfSubscribers"),
            FollowsCount: null,
            PostsCount: channel.Count("channelTotalVideos"),
            Biography: channel.Text("channelDescription"),
            Verified: channel.Flag("isChannelVerified"),
            EngagementRate: ApifyItemMapping.MeanRate(items.Select(item => Post(item, null)).OfType<ScrapedPost>()),
            ProfileUrl: channel.Text("channelUrl"));
    }
}
