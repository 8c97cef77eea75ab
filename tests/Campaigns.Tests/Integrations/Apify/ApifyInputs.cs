
namespace Campaigns.Tests.Integrations.Apify;

/// <summary>Actor inputs as the scrape jobs will send them, and the run budget used by the tests.</summary>
internal static class ApifyInputs
{
    public static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);

    public static string InstagramPosts(string username, int limit = 50) =>
        $$"""{ "username": ["{{username}}"], "resultsLimit": {{limit}}, "onlyPostsNewerThan": "2026-01-01" }""";

    public static string InstagramProfile(string username) => $$"""{ "usernames": ["{{username}}"] }""";

    public static string TikTok(string username) => $$"""{ "profiles": ["{{username}}"], "resultsPerPage": 20 }""";

    public static string YouTube(string handle) =>
        $$"""{ "startUrls": [{ "url": "https://www.youtube.com/@{{handle}}" }], "maxResults": 20 }""";
}
