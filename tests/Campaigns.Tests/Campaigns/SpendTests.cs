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

/// <summary>The budget guard: a spend ledger, idempotent per key, that pauses an active campaign at its budget.</summary>
public sealed class SpendTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private async Task<JsonNode> Spend(Guid id, long amount, string key, string currency = "USD", HttpStatusCode status = HttpStatusCode.Created) =>
        await (await api.Admin.Post($"/api/campaigns/{id}/spend", new { amount, currency, idempotency_key = key })).ExpectJson(status);

    [Fact]
    public async Task Spend_accumulates_pauses_at_the_budget_and_resumes_only_after_a_raise()
    {
        var campaign = await api.Admin.CreateCampaign(new { name = "Guarded", kind = "marketing", budget = 1_000 });
        var id = campaign.Id();
        await api.Admin.Walk(id, "launch");

        var first = await Spend(id, 400, "day-1");
        Assert.Equal(400, first["spent"]!.GetValue<long>());
        Assert.Equal("active", first.Str("status"));
        var repeat = await Spend(id, 400, "day-1");
        Assert.Equal(first.Str("id"), repeat.Str("id"));
        Assert.Equal(400, (await api.Admin.GetCampaign(id))["spent"]!.GetValue<long>());
        await (await api.Admin.Post($"/api/campaigns/{id}/spend", new { amount = 401, currency = "USD", idempotency_key = "day-1" }))
            .ExpectProblem(HttpStatusCode.Conflict);

        var over = await Spend(id, 600, "day-2");
        Assert.Equal("paused", over.Str("status"));
        Assert.Equal("budget_exceeded", over.Str("pause_reason"));
        var paused = await api.Admin.GetCampaign(id);
        Assert.Equal(1_000, paused["spent"]!.GetValue<long>());
        Assert.Equal("budget_exceeded", paused.Str("pause_reason"));
        Assert.Contains(await api.Admin.AuditRows($"resource_id={id}"), row => row!.Str("action") == "campaign.auto_pause");

        await (await api.Admin.Post($"/api/campaigns/{id}/resume")).ExpectProblem(HttpStatusCode.Conflict);
        await (await api.Admin.Patch($"/api/campaigns/{id}", new { budget = 2_000 })).ExpectJson(HttpStatusCode.OK);
        var resumed = await (await api.Admin.Post($"/api/campaigns/{id}/resume")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("active", resumed.Str("status"));
        Assert.Null(resumed["pause_reason"]);

        var page = await (await api.Admin.Get($"/api/campaigns/{id}/spend?limit=1")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal([first.Str("id")], page.Ids());
        var next = await (await api.Admin.Get($"/api/campaigns/{id}/spend?limit=1&cursor={page.Str("next_cursor")}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal([over.Str("id")], next.Ids());
        Assert.Null(next["next_cursor"]);
    }

    [Fact]
    public async Task Zero_budget_campaign_that_spent_nothing_still_resumes()
    {
        var campaign = await api.Admin.CreateCampaign(new { name = "Free", kind = "marketing", budget = 0 });
        var resumed = await api.Admin.Walk(campaign.Id(), "launch", "pause", "resume");
        Assert.Equal("active", resumed.Str("status"));
    }

    [Fact]
    public async Task Invalid_spend_is_refused_naming_each_field()
    {
        var campaign = await api.Admin.CreateCampaign();
        await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/spend", new { amount = 0 }))
            .ExpectValidationProblem("amount", "currency", "idempotency_key");
        await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/spend", new { amount = 5, currency = "EUR", idempotency_key = "k" }))
            .ExpectValidationProblem("currency");
        await (await api.Admin.Get($"/api/campaigns/{campaign.Id()}/spend?limit=0")).ExpectValidationProblem("limit");
    }

    [Fact]
    public async Task Another_organizations_campaign_is_not_found()
    {
        var campaign = await api.Admin.CreateCampaign();
        var (_, stranger) = await api.NewOrganization();
        await (await stranger.Post($"/api/campaigns/{campaign.Id()}/spend", new { amount = 5, currency = "USD", idempotency_key = "k" }))
            .ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Get($"/api/campaigns/{campaign.Id()}/spend")).ExpectProblem(HttpStatusCode.NotFound);
    }
}
