using System.Net;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

/// <summary>The influencer section's validation at the edge, its merge-patch, and tenant and permission rules of its endpoints.</summary>
public sealed class InfluencerApiTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private static object Influencer(object? trackingConfig = null, string? audienceSize = "micro") => new
    {
        name = "Creators", kind = "influencer", budget = 10_000, platforms = new[] { "instagram" },
        audience_size = audienceSize, target_location = "Lisbon",
        tracking_config = trackingConfig ?? new { required_hashtags = new[] { "#brand" }, required_mentions = new[] { "@brand" } },
    };

    [Fact]
    public async Task Influencer_campaign_keeps_its_section_as_typed_with_the_default_confidence()
    {
        var campaign = await api.Admin.CreateCampaign(Influencer(new
        {
            required_hashtags = new[] { "#Brand", "brand", " summer " }, optional_hashtags = new[] { "#бренд" },
            required_mentions = new[] { "brand" }, tracking_link_pattern = "brand.com/go/*",
        }, audienceSize: "Mid-Tier"));

        Assert.Equal("mid-tier", campaign.Str("audience_size"));
        Assert.Equal("Lisbon", campaign.Str("target_location"));
        var tracking = campaign["tracking_config"]!;
        Assert.Equal(["#Brand", "summer"], tracking["required_hashtags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["#бренд"], tracking["optional_hashtags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("brand.com/go/*", tracking.Str("tracking_link_pattern"));
        Assert.Equal(0.7, tracking["min_match_confidence"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("""{"name":"x","kind":"influencer","budget":1,"audience_size":"huge"}""", "audience_size")]
    [InlineData("""{"name":"x","kind":"influencer","budget":1,"tracking_config":{"tracking_link_pattern":"bit ly/x"}}""", "tracking_config.tracking_link_pattern")]
    [InlineData("""{"name":"x","kind":"influencer","budget":1,"tracking_config":{"tracking_link_pattern":"*"}}""", "tracking_config.tracking_link_pattern")]
    [InlineData("""{"name":"x","kind":"influencer","budget":1,"tracking_config":{"min_match_confidence":1.5}}""", "tracking_config.min_match_confidence")]
    [InlineData("""{"name":"x","kind":"influencer","budget":1,"tracking_config":{"min_match_confidence":0}}""", "tracking_config.min_match_confidence")]
    [InlineData("""{"name":"x","kind":"influencer","budget":1,"tracking_config":{"required_hashtags":["two words"]}}""", "tracking_config.required_hashtags")]
    [InlineData("""{"name":"x","kind":"influencer","budget":1,"tracking_config":{"required_mentions":["@"]}}""", "tracking_config.required_mentions")]
    [InlineData("""{"name":"x","kind":"marketing","budget":1,"tracking_config":{}}""", "tracking_config")]
    [InlineData("""{"name":"x","kind":"outreach","budget":1,"audience_size":"micro"}""", "audience_size")]
    public async Task Bad_influencer_fields_are_refused_naming_the_field_and_nothing_is_created(string body, string field)
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        await (await admin.SendRaw(HttpMethod.Post, "/api/campaigns", body)).ExpectValidationProblem(field);
        Assert.Empty((await (await admin.Get("/api/campaigns")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task Patch_merges_the_tracking_config_member_by_member_and_null_resets_it()
    {
        var campaign = await api.Admin.CreateCampaign(Influencer());
        var url = $"/api/campaigns/{campaign.Id()}";

        var patched = await (await api.Admin.SendRaw(HttpMethod.Patch, url,
            """{"tracking_config":{"min_match_confidence":0.9,"optional_hashtags":["#extra"]},"audience_size":null,"target_audience":"Runners"}""",
            "application/merge-patch+json")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(0.9, patched["tracking_config"]!["min_match_confidence"]!.GetValue<double>());
        Assert.Equal(["#brand"], patched["tracking_config"]!["required_hashtags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["#extra"], patched["tracking_config"]!["optional_hashtags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Null(patched["audience_size"]);
        Assert.Equal("Runners", patched.Str("target_audience"));

        var reset = await (await api.Admin.SendRaw(HttpMethod.Patch, url, """{"tracking_config":null}""")).ExpectJson(HttpStatusCode.OK);
        Assert.Empty(reset["tracking_config"]!["required_hashtags"]!.AsArray());
        Assert.Equal(0.7, reset["tracking_config"]!["min_match_confidence"]!.GetValue<double>());

        await (await api.Admin.SendRaw(HttpMethod.Patch, url, """{"tracking_config":{"tracking_link_pattern":"no spaces allowed"}}"""))
            .ExpectValidationProblem("tracking_config.tracking_link_pattern");
        var marketing = await api.Admin.CreateCampaign();
        await (await api.Admin.SendRaw(HttpMethod.Patch, $"/api/campaigns/{marketing.Id()}", """{"target_location":"Porto"}"""))
            .ExpectValidationProblem("kind");
    }

    [Fact]
    public async Task Activation_refuses_other_kinds_bad_sizes_and_other_organizations()
    {
        var marketing = await api.Admin.CreateCampaign();
        var problem = await (await api.Admin.Post($"/api/campaigns/{marketing.Id()}/activate")).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("influencer", problem.Str("detail"));

        var campaign = await api.Admin.CreateCampaign(Influencer());
        await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/activate", new { max_creators = 0 })).ExpectValidationProblem("max_creators");
        await (await api.Admin.SendRaw(HttpMethod.Post, $"/api/campaigns/{campaign.Id()}/activate", """{"max_creators":"2"}"""))
            .ExpectValidationProblem("max_creators");

        var (_, stranger) = await api.NewOrganization();
        using var _ = stranger;
        await (await stranger.Post($"/api/campaigns/{campaign.Id()}/activate")).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Get($"/api/campaigns/{campaign.Id()}/allocations")).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Get($"/api/campaigns/{campaign.Id()}/allocations/{Guid.CreateVersion7()}/metrics")).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Post($"/api/posts/{Guid.CreateVersion7()}/confirm")).ExpectProblem(HttpStatusCode.NotFound);

        var readOnly = await api.KeyFor("read_only");
        using var reader = api.Client(readOnly.Secret);
        await (await reader.Post($"/api/campaigns/{campaign.Id()}/activate")).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("draft", (await api.Admin.GetCampaign(campaign.Id())).Str("status"));
    }

    [Fact]
    public async Task Activation_refuses_an_ended_campaign_and_a_budget_too_small_to_share()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        await admin.CreateCreator();
        await admin.CreateCreator();

        var ended = await admin.CreateCampaign(new
        {
            name = "Last year", kind = "influencer", budget = 10_000, platforms = new[] { "instagram" },
            start_date = "2020-01-01", end_date = "2020-01-31",
        });
        var problem = await (await admin.Post($"/api/campaigns/{ended.Id()}/activate")).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("2020-01-31", problem.Str("detail"));

        var tiny = await admin.CreateCampaign(new { name = "Tiny", kind = "influencer", budget = 1, platforms = new[] { "instagram" } });
        problem = await (await admin.Post($"/api/campaigns/{tiny.Id()}/activate", new { max_creators = 2 })).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("budget", problem.Str("detail"));
        Assert.Equal("draft", (await admin.GetCampaign(tiny.Id())).Str("status"));
        Assert.Equal("draft", (await admin.GetCampaign(ended.Id())).Str("status"));
    }
}
