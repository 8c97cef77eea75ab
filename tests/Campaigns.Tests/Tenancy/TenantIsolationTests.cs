using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;

namespace Campaigns.Tests.Tenancy;

/// <summary>Another organization's resources answer 404 (never 403, which would confirm they exist) and never show up in lists.</summary>
public sealed class TenantIsolationTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private async Task<(JsonNode Campaign, HttpClient Intruder)> CampaignOfAnotherOrganization()
    {
        var campaign = await api.Admin.CreateCampaign(new
        {
            name = $"Secret {Guid.NewGuid():N}", kind = "influencer", budget = 777, description = "owner only",
        });
        var (_, intruder) = await api.NewOrganization();
        return (campaign, intruder);
    }

    [Fact]
    public async Task Reading_another_organizations_campaign_answers_404()
    {
        var (campaign, intruder) = await CampaignOfAnotherOrganization();
        using var _ = intruder;

        var problem = await (await intruder.Get($"/api/campaigns/{campaign.Id()}")).ExpectProblem(HttpStatusCode.NotFound);

        Assert.DoesNotContain(campaign.Str("name"), problem.ToJsonString());
    }

    [Fact]
    public async Task Another_organizations_campaign_answers_404_to_every_mutation_and_stays_unchanged()
    {
        var (campaign, intruder) = await CampaignOfAnotherOrganization();
        using var _ = intruder;
        var id = campaign.Id();

        await (await intruder.Patch($"/api/campaigns/{id}", new { name = "Taken over" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await intruder.Post($"/api/campaigns/{id}/schedule", new { scheduled_for = DateTimeOffset.UtcNow.AddDays(1) }))
            .ExpectProblem(HttpStatusCode.NotFound);
        foreach (var transition in new[] { "launch", "pause", "resume", "complete", "cancel" })
        {
            await (await intruder.Post($"/api/campaigns/{id}/{transition}")).ExpectProblem(HttpStatusCode.NotFound);
        }

        await (await intruder.Delete($"/api/campaigns/{id}")).ExpectProblem(HttpStatusCode.NotFound);

        var after = await api.Admin.GetCampaign(id);
        Assert.True(JsonNode.DeepEquals(campaign, after), $"{campaign.ToJsonString()} vs {after.ToJsonString()}");
    }

    [Fact]
    public async Task Another_organizations_campaigns_never_appear_in_lists()
    {
        var (campaign, intruder) = await CampaignOfAnotherOrganization();
        using var _ = intruder;
        var own = await intruder.CreateCampaign(new { name = "Intruder's own", kind = "influencer", budget = 1 });

        foreach (var query in new[] { "", "?status=draft", "?kind=influencer", $"?q={campaign.Str("name")}", "?q=owner", "?limit=1" })
        {
            var page = await (await intruder.Get($"/api/campaigns{query}")).ExpectJson(HttpStatusCode.OK);
            Assert.DoesNotContain(campaign.Str("id"), page.Ids());
        }

        var all = await (await intruder.Get("/api/campaigns")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(new[] { own.Str("id") }, all.Ids());
    }

    [Fact]
    public async Task A_cursor_from_another_organization_reveals_nothing()
    {
        var (campaign, intruder) = await CampaignOfAnotherOrganization();
        using var _ = intruder;
        var page = await (await intruder.Get($"/api/campaigns?cursor={campaign.Id():N}")).ExpectJson(HttpStatusCode.OK);

        Assert.Empty(page["items"]!.AsArray());
    }

    [Fact]
    public async Task Audit_log_shows_only_the_callers_organization()
    {
        var (campaign, intruder) = await CampaignOfAnotherOrganization();
        using var _ = intruder;
        await (await intruder.Patch($"/api/campaigns/{campaign.Id()}", new { name = "Probe" })).ExpectProblem(HttpStatusCode.NotFound);

        var intruderRows = await intruder.AuditRows();
        var ownerRows = await api.Admin.AuditRows($"resource_id={campaign.Id()}");

        Assert.DoesNotContain(intruderRows, r => r.Str("organization_id") == api.Org.Id.ToString());
        Assert.Contains(intruderRows, r => r.Str("action") == "campaign.update" && r.Str("outcome") == "not_found");
        Assert.All(ownerRows, r => Assert.Equal(api.Org.Id.ToString(), r.Str("organization_id")));
        Assert.DoesNotContain(ownerRows, r => r.Str("action") == "campaign.update");
        var filtered = await intruder.AuditRows($"resource_id={campaign.Id()}&action=campaign.create");
        Assert.Empty(filtered);
    }

    [Fact]
    public async Task Users_and_keys_of_another_organization_are_invisible_and_untouchable()
    {
        var victim = await api.Admin.CreateUserWithKey("media_buyer");
        var (intruderOrg, intruder) = await api.NewOrganization();
        using var _ = intruder;

        var users = await (await intruder.Get("/api/users")).ExpectJson(HttpStatusCode.OK);
        var keys = await (await intruder.Get("/api/api-keys")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(new[] { intruderOrg.AdminUserId.ToString() }, users.Ids());
        Assert.DoesNotContain(victim.KeyId.ToString(), keys.Ids());
        Assert.DoesNotContain(api.Org.AdminUserId.ToString(), keys["items"]!.AsArray().Select(k => k!.Str("user_id")));

        await (await intruder.Delete($"/api/api-keys/{victim.KeyId}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await intruder.Post("/api/api-keys", new { name = "Foreign", user_id = victim.UserId })).ExpectValidationProblem("user_id");

        using var victimClient = api.Client(victim.Secret);
        await (await victimClient.Get("/api/campaigns")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Same_email_may_exist_in_two_organizations()
    {
        var email = $"shared-{Guid.NewGuid():N}@example.test";
        var (_, other) = await api.NewOrganization();
        using var _ = other;

        await (await api.Admin.Post("/api/users", new { email, role = "finance" })).Expect(HttpStatusCode.Created);
        await (await other.Post("/api/users", new { email, role = "finance" })).Expect(HttpStatusCode.Created);
    }
}
