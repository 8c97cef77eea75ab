using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

/// <summary>HTTP helpers for the creator registry's tests.</summary>
public static class CreatorApi
{
    /// <summary>A handle no other test uses.</summary>
    public static string Handle(string prefix = "creator") => $"{prefix}_{Guid.NewGuid():N}"[..30];

    /// <summary>A valid profile body; <paramref name="username"/> defaults to a fresh handle.</summary>
    public static object Profile(string platform = "instagram", string? username = null, long? followers = 25_000, decimal? rate = 0.031m,
        string[]? niches = null, string? location = "Berlin, Germany") =>
        new { platform, username = username ?? Handle(), followers_declared = followers, engagement_rate_declared = rate, niches = niches ?? ["fashion"], location };

    public static async Task<JsonNode> CreateCreator(this HttpClient client, object? body = null) =>
        await (await client.Post("/api/creators", body ?? new { name = $"Creator {Guid.NewGuid():N}", profiles = new[] { Profile() } }))
            .ExpectJson(HttpStatusCode.Created);

    public static async Task<JsonNode> GetCreator(this HttpClient client, Guid id) =>
        await (await client.Get($"/api/creators/{id}")).ExpectJson(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> ImportCsv(this HttpClient client, string csv, string contentType = "text/csv") =>
        client.SendRaw(HttpMethod.Post, "/api/creators/import", csv, contentType);

    /// <summary>Every creator of the caller's organization, walking all pages.</summary>
    public static async Task<List<JsonNode>> AllCreators(this HttpClient client, string query = "")
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await (await client.Get($"/api/creators?limit=200{query}{(cursor is null ? "" : "&cursor=" + cursor)}")).ExpectJson(HttpStatusCode.OK);
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return items;
    }

    public static JsonNode OnlyProfile(this JsonNode creator) => Assert.Single(creator["profiles"]!.AsArray())!;
}
