using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Audit;

/// <summary>Every authenticated mutating request writes one audit row; admins read them at GET /api/audit.</summary>
public sealed class AuditTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private static string Sha256(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    private static JsonNode Only(List<JsonNode> rows, string action) => Assert.Single(rows, r => r.Str("action") == action);

    private static void AssertRow(
        JsonNode row, Guid organizationId, Guid userId, string action, string resourceType, string? resourceId, int status, string outcome)
    {
        Assert.Equal(organizationId.ToString(), row.Str("organization_id"));
        Assert.Equal(userId.ToString(), row.Str("user_id"));
        Assert.Equal(action, row.Str("action"));
        Assert.Equal(resourceType, row.Str("resource_type"));
        Assert.Equal(resourceId, row["resource_id"]?.GetValue<string>());
        Assert.Equal(status, row["status_code"]!.GetValue<int>());
        Assert.Equal(outcome, row.Str("outcome"));
        Assert.InRange(DateTimeOffset.Parse(row.Str("occurred_at")), DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Successful_creation_is_recorded_with_who_what_digest_and_outcome()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        const string body = """{"name":"Audited","kind":"ads","budget":42}""";
        var keys = await (await admin.Get("/api/api-keys")).ExpectJson(HttpStatusCode.OK);

        var campaign = await (await admin.SendRaw(HttpMethod.Post, "/api/campaigns", body)).ExpectJson(HttpStatusCode.Created);

        var row = Only(await admin.AuditRows(), "campaign.create");
        AssertRow(row, org.Id, org.AdminUserId, "campaign.create", "campaign", campaign.Str("id"), 201, "succeeded");
        Assert.Equal(keys["items"]![0]!.Str("id"), row.Str("api_key_id"));
        Assert.Equal(Sha256(body), row.Str("payload_sha256"));
        Assert.Equal(7, row.Id().Version);
    }

    [Fact]
    public async Task Reads_are_not_audited()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var campaign = await admin.CreateCampaign();

        await admin.GetCampaign(campaign.Id());
        await (await admin.Get("/api/campaigns")).Expect(HttpStatusCode.OK);
        await (await admin.Get("/api/users")).Expect(HttpStatusCode.OK);
        await (await admin.Get("/api/api-keys")).Expect(HttpStatusCode.OK);

        var rows = await admin.AuditRows();
        Assert.Equal(new[] { "campaign.create" }, rows.Select(r => r.Str("action")));
    }

    [Fact]
    public async Task Every_campaign_mutation_is_recorded_with_its_action_and_resource()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        var id = (await admin.CreateCampaign()).Str("id");
        const string patch = """{"name":"Renamed"}""";
        await (await admin.SendRaw(HttpMethod.Patch, $"/api/campaigns/{id}", patch)).Expect(HttpStatusCode.OK);
        await admin.Walk(Guid.Parse(id), "schedule", "launch", "pause", "resume", "complete");
        await (await admin.Delete($"/api/campaigns/{id}")).Expect(HttpStatusCode.NoContent);

        var rows = await admin.AuditRows($"resource_id={id}");

        Assert.Equal(
            new[] { "campaign.delete", "campaign.complete", "campaign.resume", "campaign.pause", "campaign.launch", "campaign.schedule", "campaign.update", "campaign.create" },
            rows.Select(r => r.Str("action")));
        Assert.All(rows, r => Assert.Equal("succeeded", r.Str("outcome")));
        Assert.All(rows, r => Assert.Equal("campaign", r.Str("resource_type")));
        Assert.Equal(Sha256(patch), Only(rows, "campaign.update").Str("payload_sha256"));
        Assert.Null(Only(rows, "campaign.delete")["payload_sha256"]);
        Assert.Null(Only(rows, "campaign.launch")["payload_sha256"]);
        Assert.NotNull(Only(rows, "campaign.schedule")["payload_sha256"]);
        AssertRow(Only(rows, "campaign.delete"), org.Id, org.AdminUserId, "campaign.delete", "campaign", id, 204, "succeeded");
    }

    [Fact]
    public async Task Back_to_back_requests_list_in_the_order_they_were_sent()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var id = (await admin.CreateCampaign()).Str("id");

        // Refusals at the edge are the quickest requests, so many share a millisecond; each body's digest
        // tells the rows apart.
        var sent = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var body = $$"""{"name":"","budget":{{i}}}""";
            await (await admin.SendRaw(HttpMethod.Patch, $"/api/campaigns/{id}", body)).ExpectValidationProblem("name");
            sent.Add(Sha256(body));
        }

        var rows = await admin.AuditRows($"resource_id={id}&action=campaign.update");
        Assert.Equal(Enumerable.Reverse(sent), rows.Select(r => r.Str("payload_sha256")));
    }

    [Fact]
    public async Task Refusals_are_recorded_with_their_outcome()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        var id = (await admin.CreateCampaign()).Str("id");
        var missing = Guid.CreateVersion7().ToString();

        await (await admin.Post("/api/campaigns", new { name = "", kind = "ads", budget = 1 })).ExpectValidationProblem("name");
        await (await admin.Patch($"/api/campaigns/{missing}", new { name = "Ghost" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await admin.Post($"/api/campaigns/{id}/pause")).ExpectProblem(HttpStatusCode.Conflict);

        var rows = await admin.AuditRows();
        var rejected = Assert.Single(rows, r => r.Str("action") == "campaign.create" && r.Str("outcome") == "rejected");
        AssertRow(rejected, org.Id, org.AdminUserId, "campaign.create", "campaign", null, 400, "rejected");
        AssertRow(Only(rows, "campaign.update"), org.Id, org.AdminUserId, "campaign.update", "campaign", missing, 404, "not_found");
        AssertRow(Only(rows, "campaign.pause"), org.Id, org.AdminUserId, "campaign.pause", "campaign", id, 409, "conflict");
    }

    [Fact]
    public async Task Forbidden_attempts_are_recorded_against_the_caller()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        var readOnly = await admin.CreateUserWithKey("read_only");
        using var client = api.Client(readOnly.Secret);
        var id = (await admin.CreateCampaign()).Str("id");

        await (await client.Post($"/api/campaigns/{id}/launch")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Post("/api/users", new { email = $"x-{Guid.NewGuid():N}@example.test", role = "admin" })).ExpectProblem(HttpStatusCode.Forbidden);

        var rows = await admin.AuditRows($"user_id={readOnly.UserId}");
        Assert.Equal(2, rows.Count);
        AssertRow(Only(rows, "campaign.launch"), org.Id, readOnly.UserId, "campaign.launch", "campaign", id, 403, "forbidden");
        AssertRow(Only(rows, "user.create"), org.Id, readOnly.UserId, "user.create", "user", null, 403, "forbidden");
        Assert.All(rows, r => Assert.Equal(readOnly.KeyId.ToString(), r.Str("api_key_id")));
    }

    [Fact]
    public async Task Malformed_json_is_recorded_as_rejected()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        const string body = """{"name":"broken",""";

        await (await admin.SendRaw(HttpMethod.Post, "/api/campaigns", body)).ExpectValidationProblem("body");

        var row = Only(await admin.AuditRows(), "campaign.create");
        AssertRow(row, org.Id, org.AdminUserId, "campaign.create", "campaign", null, 400, "rejected");
        Assert.Equal(Sha256(body), row.Str("payload_sha256"));
    }

    [Fact]
    public async Task Wrongly_typed_patch_is_recorded_as_rejected()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;
        var id = (await admin.CreateCampaign()).Str("id");

        await (await admin.SendRaw(HttpMethod.Patch, $"/api/campaigns/{id}", "[1,2")).ExpectValidationProblem("body");

        AssertRow(Only(await admin.AuditRows(), "campaign.update"), org.Id, org.AdminUserId, "campaign.update", "campaign", id, 400, "rejected");
    }

    [Fact]
    public async Task Oversized_body_is_recorded_as_rejected_without_a_digest()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;

        await (await admin.SendRaw(HttpMethod.Post, "/api/campaigns", $$"""{"name":"{{new string('z', 1_100_000)}}"}"""))
            .ExpectProblem(HttpStatusCode.RequestEntityTooLarge);

        var row = Only(await admin.AuditRows(), "campaign.create");
        AssertRow(row, org.Id, org.AdminUserId, "campaign.create", "campaign", null, 413, "rejected");
        Assert.Null(row["payload_sha256"]);
    }

    [Fact]
    public async Task User_and_key_administration_is_recorded_without_secrets()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;

        var issued = await admin.CreateUserWithKey("finance");
        await (await admin.Delete($"/api/api-keys/{issued.KeyId}")).Expect(HttpStatusCode.OK);

        var rows = await admin.AuditRows();
        AssertRow(Only(rows, "user.create"), org.Id, org.AdminUserId, "user.create", "user", issued.UserId.ToString(), 201, "succeeded");
        AssertRow(Only(rows, "api_key.create"), org.Id, org.AdminUserId, "api_key.create", "api_key", issued.KeyId.ToString(), 201, "succeeded");
        AssertRow(Only(rows, "api_key.revoke"), org.Id, org.AdminUserId, "api_key.revoke", "api_key", issued.KeyId.ToString(), 200, "succeeded");
        var raw = (await (await admin.Get("/api/audit")).ExpectJson(HttpStatusCode.OK)).ToJsonString();
        Assert.DoesNotContain(issued.Secret, raw);
    }

    [Fact]
    public async Task Audit_log_filters_by_action_resource_user_outcome_and_time()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var buyer = await admin.CreateUserWithKey("media_buyer");
        using var buyerClient = api.Client(buyer.Secret);
        var first = (await admin.CreateCampaign()).Str("id");
        var second = (await buyerClient.CreateCampaign()).Str("id");
        await (await buyerClient.Post($"/api/campaigns/{second}/launch")).Expect(HttpStatusCode.OK);
        await (await buyerClient.Post($"/api/campaigns/{second}/resume")).ExpectProblem(HttpStatusCode.Conflict);
        var all = await admin.AuditRows();
        Assert.Equal(6, all.Count); // user.create, api_key.create, 2 × campaign.create, launch, resume

        Assert.Equal(2, (await admin.AuditRows("action=campaign.create")).Count);
        Assert.Equal(4, (await admin.AuditRows("resource_type=campaign")).Count);
        Assert.Equal(3, (await admin.AuditRows($"resource_id={second}")).Count);
        Assert.Equal(new[] { first }, (await admin.AuditRows($"resource_id={first}")).Select(r => r.Str("resource_id")));
        Assert.Equal(3, (await admin.AuditRows($"user_id={buyer.UserId}")).Count);
        Assert.Equal("campaign.resume", Assert.Single(await admin.AuditRows("outcome=conflict")).Str("action"));
        Assert.Equal(2, (await admin.AuditRows($"user_id={buyer.UserId}&outcome=succeeded")).Count);

        var times = all.Select(r => DateTimeOffset.Parse(r.Str("occurred_at"))).ToList();
        var oldest = times.Min();
        var newest = times.Max();
        string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("O"));
        Assert.Equal(all.Count, (await admin.AuditRows($"from={Iso(oldest)}")).Count);
        Assert.Empty(await admin.AuditRows($"from={Iso(newest.AddSeconds(1))}"));
        Assert.Empty(await admin.AuditRows($"to={Iso(oldest)}"));
        Assert.Equal(all.Count, (await admin.AuditRows($"from={Iso(oldest)}&to={Iso(newest.AddTicks(10))}")).Count);
    }

    [Theory]
    [InlineData("succeeded")]
    [InlineData("forbidden")]
    [InlineData("not_found")]
    [InlineData("conflict")]
    [InlineData("rejected")]
    [InlineData("failed")]
    public async Task Every_recorded_outcome_is_a_valid_filter(string outcome)
    {
        var rows = await api.Admin.AuditRows($"outcome={outcome}");

        Assert.All(rows, r => Assert.Equal(outcome, r.Str("outcome")));
    }

    [Fact]
    public async Task Audit_log_pages_newest_first_without_gaps_or_repeats()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        for (var i = 0; i < 5; i++)
        {
            await admin.CreateCampaign();
        }

        var ids = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await admin.Get($"/api/audit?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ExpectJson(HttpStatusCode.OK);
            Assert.InRange(page["items"]!.AsArray().Count, 1, 2);
            ids.AddRange(page.Ids());
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal).Reverse(), ids);
    }

    [Theory]
    [InlineData("user_id=someone", "user_id")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("cursor=xyz", "cursor")]
    [InlineData("outcome=success", "outcome")]
    public async Task Invalid_audit_query_answers_400_naming_the_parameter(string query, string field)
    {
        await (await api.Admin.Get($"/api/audit?{query}")).ExpectValidationProblem(field);
    }
}
