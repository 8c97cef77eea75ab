
namespace Campaigns.Influencer;

/// <summary>
/// One creator post as an Apify actor reported it, in the shape of the seed's <c>posts</c> columns. Counts the actor
/// did not report are null, never 0: "no shares reported" and "zero shares" must stay distinguishable.
/// </summary>
/// <param name="PlatformPostId">With <see cref="Platform"/>, the post's identity (the table is unique on the pair).</param>
/// <param name="Title">The video title on YouTube (the <c>content</c> column); null where posts have no title.</param>
/// <param name="Text">The caption or description (the <c>text</c> column).</param>
/// <param name="Hashtags">Hashtags without <c>#</c>: the actor's array plus those written in the caption.</param>
/// <param name="Mentions">Accounts without <c>@</c>: the actor's mentions and tagged accounts.</param>
/// <param name="Links">Links the actor reports apart from the caption (YouTube description links).</param>
/// <param name="EngagementRate">A ratio (0.034 = 3.4 %), the actor's own or computed; see <c>PostEngagement</c>.</param>
/// <param name="Reach">The platform's reach, else views, else null; see <c>PostEngagement</c>.</param>
/// <param name="FollowersAtScrape">The author's followers when the item was scraped, when the item says.</param>
/// <param name="RawJson">The actor's item as received, for the <c>raw_data</c> column.</param>
[GenerateSerializer, Immutable, Alias("campaigns.ScrapedPost")]
public sealed record ScrapedPost(
    [property: Id(0)] SocialPlatform Platform,
    [property: Id(1)] string PlatformPostId,
    [property: Id(2)] string? Url,
    [property: Id(3)] string? AuthorUsername,
    [property: Id(4)] string? Title,
    [property: Id(5)] string? Text,
    [property: Id(6)] IReadOnlyList<string> Hashtags,
    [property: Id(7)] IReadOnlyList<string> Mentions,
    [property: Id(8)] IReadOnlyList<string> Links,
    [property: Id(9)] string? ContentType,
    [property: Id(10)] IReadOnlyList<string> MediaUrls,
    [property: Id(11)] long? Likes,
    [property: Id(12)] long? Comments,
    [property: Id(13)] long? Shares,
    [property: Id(14)] long? Views,
    [property: Id(15)] double? EngagementRate,
    [property: Id(16)] long? Reach,
    [property: Id(17)] long? Impressions,
    [property: Id(18)] DateTimeOffset? PostedAt,
    [property: Id(19)] long? FollowersAtScrape,
    [property: Id(20)] string RawJson);
