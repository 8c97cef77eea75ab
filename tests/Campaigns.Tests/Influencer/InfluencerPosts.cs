using System.Globalization;
using System.Text.Json.Nodes;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Influencer;

/// <summary>Instagram post items in the shape of <c>apify~instagram-post-scraper</c>, with the figures a test asserts on.</summary>
internal static class InfluencerPosts
{
    public const string PostActor = "apify~instagram-post-scraper";

    public static JsonObject Post(
        string username, string shortCode, string caption, long likes, long comments, long? views = null,
        string[]? hashtags = null, string[]? mentions = null, DateTimeOffset? at = null)
    {
        var post = new JsonObject
        {
            ["id"] = $"{Math.Abs(shortCode.GetHashCode(StringComparison.Ordinal))}",
            ["type"] = views is null ? "Image" : "Video",
            ["shortCode"] = shortCode,
            ["caption"] = caption,
            ["hashtags"] = new JsonArray([.. (hashtags ?? []).Select(h => (JsonNode)h)]),
            ["mentions"] = new JsonArray([.. (mentions ?? []).Select(m => (JsonNode)m)]),
            ["url"] = $"https://www.instagram.com/p/{shortCode}/",
            ["likesCount"] = likes,
            ["commentsCount"] = comments,
            ["timestamp"] = (at ?? DateTimeOffset.UtcNow.AddDays(-2)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture),
            ["ownerUsername"] = username,
        };
        if (views is { } v)
        {
            post["videoViewCount"] = v;
        }

        return post;
    }
}
