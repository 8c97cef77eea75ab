using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;
using Npgsql;

namespace Campaigns.Tests.Influencer;

/// <summary>
/// GET /api/apify/jobs, POST /api/apify/jobs/{id}/retry, GET/PUT /api/apify/limits. Jobs are queued straight through the
/// repository, on a far-future clock and taken only per organization, so no other test or worker takes them.
/// </summary>
public sealed class ApifyJobTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>, IAsyncDisposable
{
    private readonly ManualClock clock = new(new DateTimeOffset(2100, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(api.ConnectionString);

    private ApifyJobRepository Jobs => new(source, clock, ApifyRetryBackoff.Default);

    public ValueTask DisposeAsync() => source.DisposeAsync();

    [Fact]
    public async Task Jobs_list_newest_first_with_filters_and_keyset_pages()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        var allocation = Guid.NewGuid();
        var posts = await Enqueue(org.Id, ApifyJobType.PostsScrape);
        var profile = await Enqueue(org.Id, ApifyJobType.ProfileScrape, allocation);
        var morePosts = await Enqueue(org.Id, ApifyJobType.PostsScrape, allocation);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.Get($"/api/apify/jobs?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ExpectJson(HttpStatusCode.OK);
            seen.AddRange(page.Ids());
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal([morePosts.Id.ToString(), profile.Id.ToString(), posts.Id.ToString()], seen);
        Assert.Equal([profile.Id.ToString()], await Ids(admin, $"job_type=profile_scrape&allocation_id={allocation}"));
        Assert.Equal([morePosts.Id.ToString(), profile.Id.ToString()], await Ids(admin, $"allocation_id={allocation}&status=pending"));
        Assert.Empty(await Ids(admin, "status=failed"));

        var item = (await (await admin.Get("/api/apify/jobs?limit=1")).ExpectJson(HttpStatusCode.OK))["items"]![0]!;
        Assert.Equal(("posts_scrape", "instagram", "pending", 70), (item.Str("job_type"), item.Str("platform"), item.Str("status"), item["priority"]!.GetValue<int>()));
        Assert.Equal(50, item["input"]!["limit"]!.GetValue<int>());
        Assert.False(item.AsObject().ContainsKey("result_data"), "Lists leave the scraped result out.");
    }

    [Fact]
    public async Task Job_filters_are_validated()
    {
        await (await api.Admin.Get("/api/apify/jobs?status=done&job_type=scrape&allocation_id=nope&limit=0&cursor=x"))
            .ExpectValidationProblem("status", "job_type", "allocation_id", "limit", "cursor");
    }

    [Fact]
    public async Task A_failed_job_is_retried_once_and_the_retry_is_audited()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        var job = await Enqueue(org.Id, ApifyJobType.ProfileScrape, maxRetries: 0);
        Assert.Equal(job.Id, (await Jobs.TakeNext(org.Id))?.Id);
        await Jobs.Fail(job.Id, "Apify: Actor run FAILED");

        var failed = await (await admin.Get($"/api/apify/jobs/{job.Id}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(("failed", "Apify: Actor run FAILED", 1), (failed.Str("status"), failed.Str("error_message"), failed["retry_count"]!.GetValue<int>()));

        var retried = await (await admin.Post($"/api/apify/jobs/{job.Id}/retry")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(("pending", 0), (retried.Str("status"), retried["retry_count"]!.GetValue<int>()));
        var again = await (await admin.Post($"/api/apify/jobs/{job.Id}/retry")).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("pending", again["detail"]!.GetValue<string>());

        var audit = await admin.AuditRows("resource_type=apify_job");
        Assert.Equal([409, 200], audit.Select(r => r["status_code"]!.GetValue<int>()));
        Assert.All(audit, r => Assert.Equal(job.Id.ToString(), r.Str("resource_id")));
    }

    [Fact]
    public async Task Another_organizations_job_is_not_found()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        var job = await Enqueue(org.Id, ApifyJobType.PostsScrape);
        var (_, stranger) = await api.NewOrganization();
        using var __ = stranger;

        await (await stranger.Get($"/api/apify/jobs/{job.Id}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Post($"/api/apify/jobs/{job.Id}/retry")).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Empty(await Ids(stranger, ""));
        await (await admin.Post($"/api/apify/jobs/{Guid.NewGuid()}/retry")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Limits_are_read_replaced_and_audited()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        var initial = await (await admin.Get("/api/apify/limits")).ExpectJson(HttpStatusCode.OK);
        Assert.Null(initial["calls_per_day"]);
        Assert.Null(initial["usd_per_month"]);
        Assert.Equal(0, initial["calls_today"]!.GetValue<int>());
        Assert.Null(initial["refusal"]);

        var put = await (await admin.SendRaw(HttpMethod.Put, "/api/apify/limits", """{"calls_per_day": 500, "usd_per_month": 49.99}""")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal((500, 49.99m), (put["calls_per_day"]!.GetValue<int>(), put["usd_per_month"]!.GetValue<decimal>()));
        var read = await (await admin.Get("/api/apify/limits")).ExpectJson(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(put, read), $"{put.ToJsonString()} vs {read.ToJsonString()}");

        var cleared = await (await admin.SendRaw(HttpMethod.Put, "/api/apify/limits", """{"calls_per_day": null, "usd_per_month": 10}""")).ExpectJson(HttpStatusCode.OK);
        Assert.Null(cleared["calls_per_day"]);

        var audit = await admin.AuditRows("resource_type=apify_limits");
        Assert.Equal([200, 200], audit.Select(r => r["status_code"]!.GetValue<int>()));
        Assert.All(audit, r => Assert.Equal(("apify_limits.update", org.Id.ToString()), (r.Str("action"), r.Str("resource_id"))));
    }

    [Theory]
    [InlineData("""{"calls_per_day": -1, "usd_per_month": 1.234, "tokens": 5}""", new[] { "calls_per_day", "usd_per_month", "tokens" })]
    [InlineData("""{"calls_per_day": 1.5, "usd_per_month": "ten"}""", new[] { "calls_per_day", "usd_per_month" })]
    [InlineData("""{"calls_per_day": 2000000}""", new[] { "calls_per_day", "usd_per_month" })]
    [InlineData("""{}""", new[] { "calls_per_day", "usd_per_month" })]
    [InlineData("""[]""", new[] { "body" })]
    public async Task Limits_are_validated_field_by_field(string body, string[] fields)
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        await (await admin.SendRaw(HttpMethod.Put, "/api/apify/limits", body)).ExpectValidationProblem(fields);
        Assert.Null((await (await admin.Get("/api/apify/limits")).ExpectJson(HttpStatusCode.OK))["usd_per_month"]);
    }

    [Fact]
    public async Task A_job_held_by_a_limit_shows_why_and_raising_the_limit_releases_it()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        await (await admin.SendRaw(HttpMethod.Put, "/api/apify/limits", """{"calls_per_day": 0, "usd_per_month": null}""")).ExpectJson(HttpStatusCode.OK);
        var job = await Enqueue(org.Id, ApifyJobType.PostsScrape);
        Assert.Null(await Jobs.TakeNext(org.Id));

        var held = (await (await admin.Get("/api/apify/jobs?status=held")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(job.Id.ToString(), Assert.Single(held)!.Str("id"));
        Assert.StartsWith("Daily Apify call limit reached", held[0]!.Str("held_reason"));
        // The API's clock is the real one; the counters it reports are of today, the refusal holds any day.
        Assert.Equal(1, (await (await admin.Get("/api/apify/limits")).ExpectJson(HttpStatusCode.OK))["held_jobs"]!.GetValue<int>());

        var raised = await (await admin.SendRaw(HttpMethod.Put, "/api/apify/limits", """{"calls_per_day": 10, "usd_per_month": null}""")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(0, raised["held_jobs"]!.GetValue<int>());
        var released = await (await admin.Get($"/api/apify/jobs/{job.Id}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("pending", released.Str("status"));
        Assert.Null(released["held_reason"]);
    }

    [Fact]
    public async Task Read_only_keys_read_jobs_and_limits_but_change_neither()
    {
        using var client = api.Client((await api.KeyFor("read_only")).Secret);
        await (await client.Get("/api/apify/jobs")).ExpectJson(HttpStatusCode.OK);
        await (await client.Get("/api/apify/limits")).ExpectJson(HttpStatusCode.OK);
        await (await client.SendRaw(HttpMethod.Put, "/api/apify/limits", """{"calls_per_day": 1, "usd_per_month": 1}""")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Post($"/api/apify/jobs/{Guid.NewGuid()}/retry")).ExpectProblem(HttpStatusCode.Forbidden);
    }

    private async Task<ApifyJob> Enqueue(Guid organizationId, ApifyJobType type, Guid? allocation = null, int maxRetries = 3) =>
        (await Jobs.Enqueue(organizationId, Guid.CreateVersion7(),
            new ApifyJobDraft(type, SocialPlatform.Instagram, "masha_travels", """{"limit": 50}""", type == ApifyJobType.ProfileScrape ? 80 : 70,
                allocation, MaxRetries: maxRetries))).Job;

    private static async Task<List<string>> Ids(HttpClient client, string query) =>
        (await (await client.Get($"/api/apify/jobs?{query}")).ExpectJson(HttpStatusCode.OK)).Ids();
}
