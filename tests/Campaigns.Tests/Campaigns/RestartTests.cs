using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Campaigns;

/// <summary>State lives in PostgreSQL: a new host on the same database serves what the old one wrote.</summary>
public sealed class RestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Campaign_created_over_http_reads_back_unchanged_after_the_host_restarts()
    {
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        JsonNode campaign;
        JsonNode list;
        JsonNode deleted;
        List<JsonNode> audit;
        IssuedKey buyer;
        string clusterId;

        await using (var first = await TestApiHost.Start(postgres.ConnectionString))
        {
            clusterId = first.ClusterId;
            using var admin = first.Client(org.AdminKey);
            var created = await admin.CreateCampaign(new
            {
                name = "Survives restarts", description = "Persisted in PostgreSQL", kind = "influencer", budget = 123_456, currency = "EUR",
                goals = new[] { "reach", "sales" }, platforms = new[] { "instagram", "youtube" },
                // Relative dates: activation (launch) refuses a campaign whose end date has passed.
                start_date = DateTime.UtcNow.ToString("yyyy-MM-dd"), end_date = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"),
            });
            await (await admin.Patch($"/api/campaigns/{created.Id()}", new { description = "Edited before the restart" })).Expect(HttpStatusCode.OK);
            await admin.CreateCreator(); // launching an influencer campaign allocates it to a creator
            await admin.Walk(created.Id(), "schedule", "launch", "pause");
            campaign = await admin.GetCampaign(created.Id());
            deleted = await admin.CreateCampaign();
            await (await admin.Delete($"/api/campaigns/{deleted.Id()}")).Expect(HttpStatusCode.NoContent);
            list = await (await admin.Get("/api/campaigns")).ExpectJson(HttpStatusCode.OK);
            buyer = await admin.CreateUserWithKey("media_buyer");
            audit = await admin.AuditRows();
            await first.Stop();
        }

        await using var second = await TestApiHost.Start(postgres.ConnectionString, clusterId);
        using var again = second.Client(org.AdminKey);

        var reread = await again.GetCampaign(campaign.Id());
        Assert.True(JsonNode.DeepEquals(campaign, reread), $"before: {campaign.ToJsonString()}\nafter:  {reread.ToJsonString()}");
        Assert.Equal("paused", reread.Str("status"));
        Assert.Equal("Edited before the restart", reread.Str("description"));
        var relisted = await (await again.Get("/api/campaigns")).ExpectJson(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(list, relisted), $"before: {list.ToJsonString()}\nafter:  {relisted.ToJsonString()}");
        await (await again.Get($"/api/campaigns/{deleted.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        var reaudit = await again.AuditRows();
        Assert.True(JsonNode.DeepEquals(new JsonArray([.. audit.Select(a => a.DeepClone())]), new JsonArray([.. reaudit.Select(a => a.DeepClone())])));

        using var buyerClient = second.Client(buyer.Secret);
        var resumed = await (await buyerClient.Post($"/api/campaigns/{campaign.Id()}/resume")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("active", resumed.Str("status"));
        Assert.Equal(campaign.Str("started_at"), resumed.Str("started_at"));
    }
}
