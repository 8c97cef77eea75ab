using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Simulators.Apify;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Influencer;

/// <summary>
/// The whole influencer system for one test: a database of its own (the Apify worker serves every organization), the
/// real API host co-hosting a silo with the worker on, Apify replaced by the loopback simulator, and an organization
/// with an admin key. Reminder periods are seconds instead of hours.
/// </summary>
internal sealed class InfluencerSystem : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    public static readonly TimeSpan MonitorPeriod = TimeSpan.FromSeconds(2);

    private InfluencerSystem(IsolatedDatabase database, ApifySimulator apify, TestApiHost host, TestOrganization org)
    {
        Database = database;
        Apify = apify;
        Host = host;
        Org = org;
        Admin = host.Client(org.AdminKey);
    }

    public IsolatedDatabase Database { get; }

    public ApifySimulator Apify { get; }

    public TestApiHost Host { get; }

    public TestOrganization Org { get; }

    public HttpClient Admin { get; }

    /// <param name="clock">The clock grains and the queue read; the real one by default.</param>
    /// <param name="monitorPeriod">The allocations' re-scrape period; a long one keeps ticks out of a test's way.</param>
    public static async Task<InfluencerSystem> Start(string serverConnectionString, TimeProvider? clock = null, TimeSpan? monitorPeriod = null)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var database = await IsolatedDatabase.Create(serverConnectionString, cancellation);
        var apify = await ApifySimulator.Start(time: clock);
        var host = await TestApiHost.Start(database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Apify:WorkerEnabled"] = "true",
            ["Apify:BaseUrl"] = apify.BaseUrl,
            ["Apify:Token"] = apify.Token,
            ["Apify:Workers"] = "2",
            ["Apify:IdlePollInterval"] = "00:00:00.050",
            ["Apify:RetryBaseDelay"] = "00:00:00.010",
            ["Apify:PollInterval"] = "00:00:00.010",
            ["Influencer:MonitorPeriod"] = (monitorPeriod ?? MonitorPeriod).ToString("c", CultureInfo.InvariantCulture),
            ["Influencer:EndCheckPeriod"] = "00:00:01",
        }, services: services =>
        {
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
        var org = await TestOrganizations.Create(database.ConnectionString);
        return new InfluencerSystem(database, apify, host, org);
    }

    /// <summary>A creator with one Instagram profile; returns the creator's and the profile's ids.</summary>
    public async Task<(Guid CreatorId, Guid ProfileId)> Creator(string username, long followers, decimal engagementRate, string location = "Berlin, Germany")
    {
        var creator = await Admin.CreateCreator(new
        {
            name = username,
            profiles = new[] { CreatorApi.Profile("instagram", username, followers, engagementRate, ["fashion"], location) },
        });
        return (creator.Id(), creator.OnlyProfile().Id());
    }

    public async Task<JsonNode> InfluencerCampaign(object? overrides = null, long budget = 100_000)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var body = new JsonObject
        {
            ["name"] = "Spring drop",
            ["kind"] = "influencer",
            ["budget"] = budget,
            ["goals"] = new JsonArray("reach", "engagement"),
            ["platforms"] = new JsonArray("instagram"),
            ["audience_size"] = "mid-tier",
            ["target_location"] = "berlin",
            ["target_audience"] = "Women 20-35 into streetwear",
            ["start_date"] = today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["end_date"] = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["tracking_config"] = new JsonObject
            {
                ["required_hashtags"] = new JsonArray("#brandx"),
                ["required_mentions"] = new JsonArray("brandx"),
            },
        };
        foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(overrides ?? new { }, Json.Options))!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        return await Admin.CreateCampaign(body);
    }

    public async Task<JsonNode> Activate(Guid campaignId, int? maxCreators = null) =>
        await (await Admin.Post($"/api/campaigns/{campaignId}/activate", maxCreators is { } n ? new { max_creators = n } : null))
            .ExpectJson(HttpStatusCode.OK);

    public async Task<JsonNode> Metrics(Guid campaignId, Guid allocationId) =>
        await (await Admin.Get($"/api/campaigns/{campaignId}/allocations/{allocationId}/metrics")).ExpectJson(HttpStatusCode.OK);

    public async Task<List<JsonNode>> Jobs(Guid allocationId) =>
        [.. (await (await Admin.Get($"/api/apify/jobs?allocation_id={allocationId}&limit=200")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray().Select(j => j!)];

    /// <summary>Polls until <paramref name="reached"/> holds, failing with <paramref name="what"/> after <see cref="Deadline"/>.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> reached, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var value = await read();
            if (reached(value))
            {
                return value;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Timed out after {Deadline} waiting for {what}; last seen: {value}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
        await Apify.DisposeAsync();
        await Database.DisposeAsync();
    }
}
