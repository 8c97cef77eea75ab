using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Integrations.Apify;

namespace Campaigns.Influencer;

/// <summary>
/// The input each platform's actor expects for a queued job: whose profile (the job's target) and, for posts, how far
/// back (the job input's <c>since</c>) and how many (its <c>limit</c>).
/// </summary>
public static class ApifyActorInput
{
    public const int DefaultPostsLimit = 50;

    // A profile scrape of TikTok or YouTube reads the author's counters from a few recent videos; more costs more.
    private const int ProfileSampleVideos = 10;

    public static ScrapeKind KindOf(ApifyJobType jobType) => jobType switch
    {
        ApifyJobType.ProfileScrape => ScrapeKind.Profile,
        ApifyJobType.PostsScrape => ScrapeKind.Posts,
        _ => throw new ArgumentOutOfRangeException(nameof(jobType), jobType, "Not a scrape job."),
    };

    public static string For(ApifyJob job)
    {
        var username = job.Target.Trim().TrimStart('@');
        var (since, limit) = ReadJobInput(job.Input);
        JsonObject input = (job.Platform, KindOf(job.JobType)) switch
        {
            (SocialPlatform.Instagram, ScrapeKind.Profile) => new() { ["usernames"] = new JsonArray(username) },
            (SocialPlatform.Instagram, ScrapeKind.Posts) => new()
            {
                ["username"] = new JsonArray(username),
                ["resultsLimit"] = limit,
                ["onlyPostsNewerThan"] = since,
            },
            (SocialPlatform.Tiktok, var kind) => new()
            {
                ["profiles"] = new JsonArray(username),
                ["resultsPerPage"] = kind == ScrapeKind.Posts ? limit : ProfileSampleVideos,
                ["oldestPostDateUnified"] = kind == ScrapeKind.Posts ? since : null,
            },
            (SocialPlatform.Youtube, var kind) => new()
            {
                // The handle is a path segment: escaped, so no character of it can reach another part of the URL.
                ["startUrls"] = new JsonArray(new JsonObject { ["url"] = $"https://www.youtube.com/@{Uri.EscapeDataString(username)}" }),
                ["maxResults"] = kind == ScrapeKind.Posts ? limit : ProfileSampleVideos,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(job), job.Platform, "Not a scrapable platform."),
        };

        // Absent settings are left out rather than sent as null, which some actors reject as invalid input.
        foreach (var key in input.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            input.Remove(key);
        }

        return input.ToJsonString();
    }

    /// <summary>The job's own settings: <c>since</c> as a date (yyyy-MM-dd) and <c>limit</c>; anything else is ignored.</summary>
    private static (string? Since, int Limit) ReadJobInput(string jobInput)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(jobInput) ? "{}" : jobInput);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, DefaultPostsLimit);
        }

        string? since = null;
        if (root.TryGetProperty("since", out var sinceValue) && sinceValue.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(sinceValue.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sinceInstant))
        {
            since = sinceInstant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var limit = root.TryGetProperty("limit", out var limitValue) && limitValue.TryGetInt32(out var parsed) && parsed > 0
            ? parsed
            : DefaultPostsLimit;
        return (since, limit);
    }
}
