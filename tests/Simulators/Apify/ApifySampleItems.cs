using System.Globalization;
using System.Text.Json.Nodes;

namespace Campaigns.Simulators.Apify;

/// <summary>
/// Plausible dataset items for the actors we use, with the field names those actors really emit.
/// Numbers are derived from the username so a profile looks the same on every call.
/// </summary>
public static class ApifySampleItems
{
    public const string InstagramProfileActor = "apify~instagram-profile-scraper";
    public const string InstagramPostActor = "apify~instagram-post-scraper";
    public const string TikTokActor = "clockworks~tiktok-scraper";
    public const string YouTubeActor = "streamers~youtube-scraper";

    public static readonly IReadOnlySet<string> KnownActors =
        new HashSet<string>([InstagramProfileActor, InstagramPostActor, TikTokActor, YouTubeActor], StringComparer.OrdinalIgnoreCase);

    private const int DefaultPostsPerProfile = 3;

    public static IEnumerable<JsonObject> For(string actorId, string username, int? limit, DateTimeOffset now)
    {
        var seed = StableSeed(username);
        var count = Math.Min(limit ?? DefaultPostsPerProfile, DefaultPostsPerProfile);
        return actorId.ToLowerInvariant() switch
        {
            InstagramProfileActor => [InstagramProfile(username, seed)],
            InstagramPostActor => Enumerable.Range(0, count).Select(index => InstagramPost(username, seed, index, now)),
            TikTokActor => Enumerable.Range(0, count).Select(index => TikTokVideo(username, seed, index, now)),
            YouTubeActor => Enumerable.Range(0, count).Select(index => YouTubeVideo(username, seed, index, now)),
            _ => [],
        };
    }

    public static JsonObject InstagramProfile(string username, int seed) => new()
    {
        ["id"] = (10_000_000 + seed).ToString(CultureInfo.InvariantCulture),
        ["username"] = username,
        ["fullName"] = Title(username),
        ["biography"] = $"Travel and food stories by {Title(username)}. Collabs: hello@{username}.com",
        ["externalUrl"] = $"https://{username}.com",
        ["followersCount"] = 20_000 + seed % 180_000,
        ["followsCount"] = 300 + seed % 900,
        ["postsCount"] = 150 + seed % 1_200,
        ["verified"] = seed % 3 == 0,
        ["isBusinessAccount"] = true,
        ["private"] = false,
        ["url"] = $"https://www.instagram.com/{username}/",
        ["profilePicUrl"] = $"https://scontent.cdninstagram.com/{username}.jpg",
    };

    public static JsonObject InstagramPost(string username, int seed, int index, DateTimeOffset now)
    {
        var shortCode = $"C{seed % 100_000:D5}{index}x";
        var isVideo = index % 2 == 1;
        var post = new JsonObject
        {
            ["id"] = (3_000_000_000L + seed * 10L + index).ToString(CultureInfo.InvariantCulture),
            ["type"] = isVideo ? "Video" : "Image",
            ["shortCode"] = shortCode,
            ["caption"] = $"Golden hour in Lisbon, day {index + 1} #travel #sunset with @visitportugal",
            ["hashtags"] = new JsonArray("travel", "sunset"),
            ["mentions"] = new JsonArray("visitportugal"),
            ["url"] = $"https://www.instagram.com/p/{shortCode}/",
            ["commentsCount"] = 40 + (seed + index * 7) % 300,
            ["likesCount"] = 900 + (seed + index * 13) % 9_000,
            ["timestamp"] = Iso(now.AddDays(-(index + 1))),
            ["ownerUsername"] = username,
            ["ownerId"] = (10_000_000 + seed).ToString(CultureInfo.InvariantCulture),
            ["displayUrl"] = $"https://scontent.cdninstagram.com/{shortCode}.jpg",
        };
        if (isVideo)
        {
            post["videoViewCount"] = 12_000 + (seed + index * 31) % 80_000;
            post["videoPlayCount"] = 20_000 + (seed + index * 31) % 120_000;
        }
        return post;
    }

    public static JsonObject TikTokVideo(string username, int seed, int index, DateTimeOffset now)
    {
        var id = (7_300_000_000_000_000_000L + seed * 100L + index).ToString(CultureInfo.InvariantCulture);
        var created = now.AddDays(-(index + 1));
        return new JsonObject
        {
            ["id"] = id,
            ["text"] = $"Trying the viral pasta recipe part {index + 1} #food #recipe @chefmike",
            ["createTime"] = created.ToUnixTimeSeconds(),
            ["createTimeISO"] = Iso(created),
            ["authorMeta"] = new JsonObject
            {
                ["id"] = (6_800_000_000_000_000_000L + seed).ToString(CultureInfo.InvariantCulture),
                ["name"] = username,
                ["nickName"] = Title(username),
                ["verified"] = seed % 4 == 0,
                ["fans"] = 50_000 + seed % 900_000,
                ["following"] = 100 + seed % 500,
                ["heart"] = 1_000_000 + seed % 9_000_000,
                ["video"] = 200 + seed % 600,
            },
            ["webVideoUrl"] = $"https://www.tiktok.com/@{username}/video/{id}",
            ["diggCount"] = 5_000 + (seed + index * 17) % 60_000,
            ["shareCount"] = 100 + (seed + index * 5) % 2_000,
            ["playCount"] = 80_000 + (seed + index * 97) % 900_000,
            ["commentCount"] = 150 + (seed + index * 11) % 3_000,
            ["collectCount"] = 300 + (seed + index * 3) % 4_000,
            ["hashtags"] = new JsonArray(new JsonObject { ["name"] = "food" }, new JsonObject { ["name"] = "recipe" }),
            ["mentions"] = new JsonArray("@chefmike"),
        };
    }

    public static JsonObject YouTubeVideo(string username, int seed, int index, DateTimeOffset now)
    {
        var id = $"yt{seed % 1_000_000:D6}{index}Q";
        return new JsonObject
        {
            ["id"] = id,
            ["title"] = $"I tested every budget camera of the year (part {index + 1})",
            ["url"] = $"https://www.youtube.com/watch?v={id}",
            ["text"] = $"Gear list and discount: https://go.example.com/{username}?utm_source=youtube #cameras",
            ["viewCount"] = 40_000 + (seed + index * 211) % 2_000_000,
            ["likes"] = 2_000 + (seed + index * 23) % 90_000,
            ["commentsCount"] = 100 + (seed + index * 19) % 5_000,
            ["date"] = Iso(now.AddDays(-(index + 1) * 2)),
            ["duration"] = "00:14:32",
            ["channelName"] = Title(username),
            ["channelUrl"] = $"https://www.youtube.com/@{username}",
            ["numberOfSubscribers"] = 100_000 + seed % 3_000_000,
            ["hashtags"] = new JsonArray("#cameras"),
        };
    }

    // string.GetHashCode is randomised per process; profiles must look the same across runs.
    private static int StableSeed(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var character in text)
                hash = (hash ^ character) * 16777619u;
            return (int)(hash % 1_000_000);
        }
    }

    private static string Title(string username) =>
        username.Length == 0 ? username : char.ToUpperInvariant(username[0]) + username[1..].Replace('_', ' ').Replace('.', ' ');

    private static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
