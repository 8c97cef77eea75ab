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

/// <summary>Duplicating copies a campaign's configuration into a new draft, not its history.</summary>
public sealed class DuplicateTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Duplicate_is_a_draft_with_the_configuration_and_none_of_the_history()
    {
        var source = await api.Admin.CreateCampaign(new
        {
            name = "Spring PPV", description = "Original", kind = "marketing", budget = 5_000, currency = "EUR",
            goals = new[] { "revenue" }, platforms = new[] { "telegram" }, start_date = "2030-03-01", end_date = "2030-03-31",
            type = "ppv", media_urls = new[] { "https://cdn.example.com/a.jpg" }, content = new { telegram = new { text = "Hi" } },
        });
        await api.Admin.Walk(source.Id(), "launch");
        await (await api.Admin.Post($"/api/campaigns/{source.Id()}/spend", new { amount = 100, currency = "EUR", idempotency_key = "k1" }))
            .Expect(HttpStatusCode.Created);

        var copy = await (await api.Admin.Post($"/api/campaigns/{source.Id()}/duplicate", new { })).ExpectJson(HttpStatusCode.Created);

        Assert.NotEqual(source.Id(), copy.Id());
        Assert.Equal("Spring PPV (copy)", copy.Str("name"));
        Assert.Equal("draft", copy.Str("status"));
        Assert.Equal(source.Id().ToString(), copy.Str("duplicated_from"));
        Assert.Equal(0, copy["spent"]!.GetValue<long>());
        Assert.Null(copy["started_at"]);
        foreach (var field in new[] { "description", "kind", "budget", "currency", "goals", "platforms", "start_date", "end_date", "type", "media_urls", "content" })
        {
            Assert.True(JsonNode.DeepEquals(source[field], copy[field]), field);
        }

        Assert.True(JsonNode.DeepEquals(copy, await api.Admin.GetCampaign(copy.Id())));
        Assert.Contains(await api.Admin.AuditRows($"resource_id={copy.Id()}"), row => row!.Str("action") == "campaign.duplicate");
    }

    [Fact]
    public async Task Modifications_merge_over_the_copy()
    {
        var source = await api.Admin.CreateCampaign(new { name = "Base", kind = "marketing", budget = 1_000, type = "promotion" });
        var copy = await (await api.Admin.Post($"/api/campaigns/{source.Id()}/duplicate", new
        {
            modifications = new JsonObject { ["name"] = "Variant B", ["budget"] = 2_000, ["type"] = null },
        })).ExpectJson(HttpStatusCode.Created);
        Assert.Equal("Variant B", copy.Str("name"));
        Assert.Equal(2_000, copy["budget"]!.GetValue<long>());
        Assert.Null(copy["type"]);
    }

    [Fact]
    public async Task Invalid_modifications_are_refused_naming_each_field()
    {
        var source = await api.Admin.CreateCampaign();
        await (await api.Admin.Post($"/api/campaigns/{source.Id()}/duplicate", new { modifications = new { budget = -1, status = "active", color = "red" } }))
            .ExpectValidationProblem("modifications.budget", "modifications.status", "modifications.color");
        await (await api.Admin.Post($"/api/campaigns/{source.Id()}/duplicate", new { extra = 1 })).ExpectValidationProblem("extra");

        var influencer = await api.Admin.CreateCampaign(new { name = "Inf", kind = "influencer", budget = 100 });
        await (await api.Admin.Post($"/api/campaigns/{influencer.Id()}/duplicate", new { modifications = new { type = "ppv" } }))
            .ExpectValidationProblem("modifications.type");
    }

    [Fact]
    public async Task Another_organizations_campaign_is_not_found()
    {
        var source = await api.Admin.CreateCampaign();
        var (_, stranger) = await api.NewOrganization();
        await (await stranger.Post($"/api/campaigns/{source.Id()}/duplicate", new { })).ExpectProblem(HttpStatusCode.NotFound);
    }
}
