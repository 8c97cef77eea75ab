using System.Net;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.AbTesting;

/// <summary>Refusals at the edge name the field; another organization's campaign or test is a 404.</summary>
public sealed class AbTestValidationTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private static object Variant(string name, bool control, double weight = 1, object? content = null) =>
        new { name, is_control = control, content = content ?? new { instagram = name }, weight };

    [Fact]
    public async Task Invalid_tests_are_refused_naming_each_field()
    {
        var campaignId = (await api.Admin.CreateCampaign()).Id();
        var url = $"/api/campaigns/{campaignId}/ab-test";

        await (await api.Admin.Post(url, new { name = "x", variants = new[] { Variant("a", true) } })).ExpectValidationProblem("variants");
        await (await api.Admin.Post(url, new { name = "x", variants = new[] { Variant("a", false), Variant("b", false) } })).ExpectValidationProblem("variants");
        await (await api.Admin.Post(url, new { name = "x", variants = new[] { Variant("a", true), Variant("A", false) } })).ExpectValidationProblem("variants[1].name");
        await (await api.Admin.Post(url, new { name = "x", variants = new[] { Variant("a", true), Variant("b", false, weight: 0) } })).ExpectValidationProblem("variants[1].weight");
        await (await api.Admin.Post(url, new { name = "x", variants = new object[] { Variant("a", true), new { name = "b", content = "text" } } })).ExpectValidationProblem("variants[1].content");
        await (await api.Admin.Post(url, new { name = " ", variants = new[] { Variant("a", true), Variant("b", false) }, confidence_level = 1.0, primary_metric = "revenue", min_sample_size = 0 }))
            .ExpectValidationProblem("name", "confidence_level", "primary_metric", "min_sample_size");
        await (await api.Admin.Post(url, new { name = "x", variants = new[] { Variant("a", true), Variant("b", false) }, colour = "red" })).ExpectValidationProblem("colour");
    }

    [Fact]
    public async Task Invalid_events_and_assignments_are_refused_naming_each_field()
    {
        var campaignId = (await api.Admin.CreateCampaign()).Id();
        var test = await api.Admin.CreateTest(campaignId);
        var url = $"/api/ab-tests/{test.Id()}/events";
        var variant = test.VariantId(0);

        await (await api.Admin.Post(url, new { events = Array.Empty<object>() })).ExpectValidationProblem("events");
        await (await api.Admin.Post(url, new { events = new object[] { new { event_id = Guid.NewGuid(), variant_id = variant, type = "purchase" } } }))
            .ExpectValidationProblem("events[0].type");
        await (await api.Admin.Post(url, new { events = new object[]
        {
            new { event_id = Guid.NewGuid(), variant_id = variant, type = "click" },
            new { variant_id = variant, type = "conversion", value = -1 },
        } })).ExpectValidationProblem("events[1].event_id", "events[1].value");
        await (await api.Admin.Post(url, new { events = new object[] { new { event_id = Guid.NewGuid(), variant_id = Guid.NewGuid(), type = "click" } } }))
            .ExpectValidationProblem("events[0].variant_id");
        var tooMany = Enumerable.Range(0, 1_001).Select(_ => new { event_id = Guid.NewGuid(), variant_id = variant, type = "impression" }).ToList();
        await (await api.Admin.Post(url, new { events = tooMany })).ExpectValidationProblem("events");

        await (await api.Admin.Post($"/api/ab-tests/{test.Id()}/assign", new { subject_id = "" })).ExpectValidationProblem("subject_id");
    }

    [Fact]
    public async Task Another_organization_sees_neither_campaigns_nor_tests()
    {
        var campaignId = (await api.Admin.CreateCampaign()).Id();
        var test = await api.Admin.CreateTest(campaignId);
        var (_, stranger) = await api.NewOrganization();

        await (await stranger.Post($"/api/campaigns/{campaignId}/ab-test", AbTestApi.TwoVariants())).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Get($"/api/campaigns/{campaignId}/ab-tests")).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Get($"/api/ab-tests/{test.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Get($"/api/ab-tests/{test.Id()}/results")).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Post($"/api/ab-tests/{test.Id()}/assign", new { subject_id = "u1" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Post($"/api/ab-tests/{test.Id()}/events", new { events = new[] { new { event_id = Guid.NewGuid(), variant_id = test.VariantId(0), type = "click" } } }))
            .ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Post($"/api/ab-tests/{test.Id()}/determine-winner")).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Post($"/api/ab-tests/{test.Id()}/apply-winner")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Get($"/api/ab-tests/{Guid.NewGuid()}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Read_only_keys_read_but_do_not_change_tests()
    {
        var campaignId = (await api.Admin.CreateCampaign()).Id();
        var test = await api.Admin.CreateTest(campaignId);
        using var reader = api.Client((await api.KeyFor("read_only")).Secret);

        await (await reader.Get($"/api/ab-tests/{test.Id()}/results")).ExpectJson(HttpStatusCode.OK);
        await (await reader.Post($"/api/campaigns/{campaignId}/ab-test", AbTestApi.TwoVariants())).ExpectProblem(HttpStatusCode.Forbidden);
        await (await reader.Post($"/api/ab-tests/{test.Id()}/apply-winner")).ExpectProblem(HttpStatusCode.Forbidden);
    }
}
