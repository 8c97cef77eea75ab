using System.Net;
using Campaigns.Infrastructure;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Templates;

/// <summary>Niche templates: built-ins from the seed plus an organization's own; a campaign made from one; one saved from a campaign.</summary>
public sealed class TemplateTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private const string WorkoutChallenge = "00000000-0000-7000-8000-000000000101";

    [Fact]
    public async Task Built_in_templates_cover_the_seed_niches_and_filter_by_niche_and_type()
    {
        var all = await (await api.Admin.Get("/api/campaign-templates?limit=200")).ExpectJson(HttpStatusCode.OK);
        var niches = all["items"]!.AsArray().Select(t => t!.Str("niche")).ToHashSet();
        Assert.Superset(new HashSet<string> { "fitness", "gaming", "adult", "general" }, niches);

        var fitnessPpv = await (await api.Admin.Get("/api/campaign-templates?niche=fitness&type=ppv")).ExpectJson(HttpStatusCode.OK);
        var template = Assert.Single(fitnessPpv["items"]!.AsArray())!;
        Assert.Equal("30-Day Workout Challenge", template.Str("name"));
        Assert.True(template["built_in"]!.GetValue<bool>());
        Assert.Equal(4999, template["settings"]!["content"]!["instagram"]!["price"]!.GetValue<int>());

        var first = await (await api.Admin.Get("/api/campaign-templates?limit=1")).ExpectJson(HttpStatusCode.OK);
        var second = await (await api.Admin.Get($"/api/campaign-templates?limit=1&cursor={first.Str("next_cursor")}")).ExpectJson(HttpStatusCode.OK);
        Assert.NotEqual(first.Ids(), second.Ids());
    }

    [Fact]
    public async Task Instantiating_makes_a_draft_with_the_customization_and_counts_the_use()
    {
        var before = await UsageCount(WorkoutChallenge);
        var campaign = await (await api.Admin.Post($"/api/campaign-templates/{WorkoutChallenge}/instantiate", new
        {
            customization = new { name = "My challenge", budget = 12_345, content = new { instagram = new { price = 3999 } } },
        })).ExpectJson(HttpStatusCode.Created);

        Assert.Equal("draft", campaign.Str("status"));
        Assert.Equal("marketing", campaign.Str("kind"));
        Assert.Equal("ppv", campaign.Str("type"));
        Assert.Equal("My challenge", campaign.Str("name"));
        Assert.Equal(12_345, campaign["budget"]!.GetValue<long>());
        Assert.Equal(3999, campaign["content"]!["instagram"]!["price"]!.GetValue<int>());
        Assert.Equal("Start Your Transformation", campaign["content"]!["instagram"]!["cta"]!.GetValue<string>());
        Assert.True(await UsageCount(WorkoutChallenge) > before);
        Assert.Contains(await api.Admin.AuditRows($"resource_id={campaign.Id()}"), row => row!.Str("action") == "campaign_template.instantiate");
    }

    [Fact]
    public async Task Saved_template_is_the_organizations_own()
    {
        var source = await api.Admin.CreateCampaign(new
        {
            name = "Retention flow", kind = "marketing", budget = 700, type = "retention", platforms = new[] { "email" },
            content = new { email = new { subject = "Hello again" } },
        });
        var template = await (await api.Admin.Post($"/api/campaigns/{source.Id()}/save-as-template", new { name = "Our win-back", niche = "fashion" }))
            .ExpectJson(HttpStatusCode.Created);
        Assert.Equal("fashion", template.Str("niche"));
        Assert.Equal("retention", template.Str("type"));
        Assert.False(template["built_in"]!.GetValue<bool>());

        var fashion = await (await api.Admin.Get("/api/campaign-templates?niche=fashion")).ExpectJson(HttpStatusCode.OK);
        Assert.Contains(template.Str("id"), fashion.Ids());

        var made = await (await api.Admin.Post($"/api/campaign-templates/{template.Id()}/instantiate", new { })).ExpectJson(HttpStatusCode.Created);
        Assert.Equal("Our win-back", made.Str("name"));
        Assert.Equal(700, made["budget"]!.GetValue<long>());
        Assert.Equal("Hello again", made["content"]!["email"]!["subject"]!.GetValue<string>());

        var (_, stranger) = await api.NewOrganization();
        var theirs = await (await stranger.Get("/api/campaign-templates?niche=fashion")).ExpectJson(HttpStatusCode.OK);
        Assert.DoesNotContain(template.Str("id"), theirs.Ids());
        await (await stranger.Post($"/api/campaign-templates/{template.Id()}/instantiate", new { })).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Post($"/api/campaigns/{source.Id()}/save-as-template", new { name = "Stolen", niche = "general" }))
            .ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_requests_are_refused_naming_each_field()
    {
        await (await api.Admin.Get("/api/campaign-templates?niche=cooking&type=spam")).ExpectValidationProblem("niche", "type");
        await (await api.Admin.Post($"/api/campaign-templates/{WorkoutChallenge}/instantiate", new { customization = new { budget = -5, type = "spam" } }))
            .ExpectValidationProblem("customization.budget", "customization.type");
        var source = await api.Admin.CreateCampaign();
        await (await api.Admin.Post($"/api/campaigns/{source.Id()}/save-as-template", new { name = "", niche = "cooking" }))
            .ExpectValidationProblem("name", "niche");
    }

    [Fact]
    public async Task Own_templates_can_be_renamed_and_deleted_built_ins_cannot()
    {
        var source = await api.Admin.CreateCampaign();
        var template = await (await api.Admin.Post($"/api/campaigns/{source.Id()}/save-as-template", new { name = "Draft idea", niche = "general" }))
            .ExpectJson(HttpStatusCode.Created);

        var renamed = await (await api.Admin.Patch($"/api/campaign-templates/{template.Id()}", new { name = "Spring launch", niche = "fashion", description = (string?)null }))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Spring launch", renamed.Str("name"));
        Assert.Equal("fashion", renamed.Str("niche"));
        Assert.Null(renamed["description"]);
        var read = await (await api.Admin.Get($"/api/campaign-templates/{template.Id()}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Spring launch", read.Str("name"));

        await (await api.Admin.Patch($"/api/campaign-templates/{template.Id()}", new { name = "", niche = "cooking", settings = new { } }))
            .ExpectValidationProblem("name", "niche", "settings");
        await (await api.Admin.Patch($"/api/campaign-templates/{WorkoutChallenge}", new { name = "Mine now" })).ExpectProblem(HttpStatusCode.Conflict);
        await (await api.Admin.Delete($"/api/campaign-templates/{WorkoutChallenge}")).ExpectProblem(HttpStatusCode.Conflict);

        var (_, stranger) = await api.NewOrganization();
        await (await stranger.Get($"/api/campaign-templates/{template.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Patch($"/api/campaign-templates/{template.Id()}", new { name = "Stolen" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Delete($"/api/campaign-templates/{template.Id()}")).ExpectProblem(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.Delete($"/api/campaign-templates/{template.Id()}")).StatusCode);
        await (await api.Admin.Get($"/api/campaign-templates/{template.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        var audit = await api.Admin.AuditRows($"resource_id={template.Id()}");
        Assert.Contains(audit, row => row!.Str("action") == "campaign_template.update");
        Assert.Contains(audit, row => row!.Str("action") == "campaign_template.delete");
    }

    private async Task<int> UsageCount(string id)
    {
        var page = await (await api.Admin.Get("/api/campaign-templates?limit=200")).ExpectJson(HttpStatusCode.OK);
        return page["items"]!.AsArray().Single(t => t!.Str("id") == id)!["usage_count"]!.GetValue<int>();
    }
}
