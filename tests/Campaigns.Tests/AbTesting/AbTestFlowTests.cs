using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.AbTesting;

/// <summary>Campaign → A/B test → assignments → events → results → winner → applied, over HTTP.</summary>
public sealed class AbTestFlowTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task A_test_runs_from_creation_to_the_winner_in_the_campaign()
    {
        var campaignId = (await api.Admin.CreateCampaign()).Id();
        var test = await api.Admin.CreateTest(campaignId);
        var testId = test.Id();
        Assert.Equal("running", test.Str("status"));
        Assert.Equal(0.95, test["confidence_level"]!.GetValue<double>());
        Assert.Equal("HELLO!", test["variants"]![1]!["content"]!.Str("instagram"));
        var (control, bold) = (test.VariantId(0), test.VariantId(1));

        // Sticky: the same subject always gets the same variant; different subjects spread over both.
        var seen = new Dictionary<string, Guid>();
        for (var i = 0; i < 40; i++)
        {
            var subject = $"user-{i % 20}";
            var assigned = await (await api.Admin.Post($"/api/ab-tests/{testId}/assign", new { subject_id = subject })).ExpectJson(HttpStatusCode.OK);
            var variant = Guid.Parse(assigned.Str("variant_id"));
            Assert.Equal(seen.GetValueOrDefault(subject, variant), variant);
            seen[subject] = variant;
            Assert.NotNull(assigned["content"]!["instagram"]);
        }

        Assert.Equal(2, seen.Values.Distinct().Count());

        var early = await (await api.Admin.Post($"/api/ab-tests/{testId}/determine-winner")).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("insufficient_sample", early.Str("reason"));

        await api.Admin.Send(testId, control, impressions: 2_000, conversions: 100);
        await api.Admin.Send(testId, bold, impressions: 2_000, conversions: 170);

        var results = await (await api.Admin.Get($"/api/ab-tests/{testId}/results")).ExpectJson(HttpStatusCode.OK);
        var variants = results["results"]!["variants"]!.AsArray();
        Assert.Equal(2_000, variants[0]!["impressions"]!.GetValue<long>());
        Assert.Equal(1_000m, variants[0]!["revenue"]!.GetValue<decimal>());
        Assert.Equal(0.05, variants[0]!["rate"]!.GetValue<double>(), 12);
        var vs = variants[1]!["vs_control"]!;
        Assert.Equal(0.035, vs["absolute_lift"]!.GetValue<double>(), 12);
        Assert.Equal(0.7, vs["relative_lift"]!.GetValue<double>(), 12);
        Assert.True(vs["significant"]!.GetValue<bool>());
        Assert.True(vs["p_value"]!.GetValue<double>() < 0.001);
        Assert.True(vs["confidence_interval"]!["low"]!.GetValue<double>() > 0);
        Assert.False(results["results"]!["sample_ratio"]!["mismatch"]!.GetValue<bool>());
        Assert.True(variants[1]!["sample"]!["reached"]!.GetValue<bool>());
        Assert.Equal(bold.ToString(), results["decision"]!.Str("winner_variant_id"));

        var winner = await (await api.Admin.Post($"/api/ab-tests/{testId}/determine-winner")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(bold.ToString(), winner["winner"]!.Str("id"));

        var applied = await (await api.Admin.Post($"/api/ab-tests/{testId}/apply-winner")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("completed", applied.Str("status"));
        Assert.Equal(bold.ToString(), applied.Str("winner_variant_id"));

        var campaign = await api.Admin.GetCampaign(campaignId);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"instagram":"HELLO!","tiktok":"HI!"}"""), campaign["content"]));

        // Applying again is harmless, and the listing shows the completed test.
        await (await api.Admin.Post($"/api/ab-tests/{testId}/apply-winner")).ExpectJson(HttpStatusCode.OK);
        var list = await (await api.Admin.Get($"/api/campaigns/{campaignId}/ab-tests")).ExpectJson(HttpStatusCode.OK);
        var item = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(("completed", bold.ToString()), (item.Str("status"), item.Str("winner_variant_id")));

        var audit = await api.Admin.AuditRows($"resource_type=ab_test");
        Assert.Contains(audit, row => row.Str("action") == "ab_test.apply_winner" && row.Str("resource_id") == testId.ToString());
        Assert.Contains(audit, row => row.Str("action") == "ab_test.create" && row.Str("resource_id") == testId.ToString());
        // Assignments change nothing, so they leave no audit rows (there would be thousands a second).
        Assert.DoesNotContain(await api.Admin.AuditRows(), row => row["resource_id"]?.GetValue<string>() == testId.ToString() && !row.Str("action").StartsWith("ab_test.", StringComparison.Ordinal));
        Assert.DoesNotContain(await api.Admin.AuditRows(), row => row.Str("action") == "post");
    }

    [Fact]
    public async Task Resent_events_count_once_over_http()
    {
        var campaignId = (await api.Admin.CreateCampaign()).Id();
        var test = await api.Admin.CreateTest(campaignId);
        var batch = new { events = Enumerable.Range(0, 50).Select(_ => new { event_id = Guid.NewGuid(), variant_id = test.VariantId(0), type = "click" }).ToList() };

        var first = await (await api.Admin.Post($"/api/ab-tests/{test.Id()}/events", batch)).ExpectJson(HttpStatusCode.OK);
        var second = await (await api.Admin.Post($"/api/ab-tests/{test.Id()}/events", batch)).ExpectJson(HttpStatusCode.OK);

        Assert.Equal((50, 0), (first["accepted"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>()));
        Assert.Equal((0, 50), (second["accepted"]!.GetValue<int>(), second["duplicates"]!.GetValue<int>()));
        var results = await (await api.Admin.Get($"/api/ab-tests/{test.Id()}/results")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(50, results["results"]!["variants"]![0]!["clicks"]!.GetValue<long>());
        // No impressions yet: rates are null with a reason, never NaN.
        Assert.Null(results["results"]!["variants"]![0]!["rate"]);
        Assert.Equal("no_impressions", results["results"]!["variants"]![1]!["vs_control"]!.Str("reason"));
    }

    [Fact]
    public async Task Sample_size_is_computed_per_variant()
    {
        // Values from python3 (statistics.NormalDist): see AbStatisticsTests.Sample_size_matches_the_formula_computed_in_python.
        var relative = await (await api.Admin.Get("/api/ab-tests/sample-size?baseline_rate=0.05&minimum_detectable_effect=0.1")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(31234, relative["per_variant"]!.GetValue<long>());
        Assert.Equal(62468, relative["total"]!.GetValue<long>());
        Assert.Equal("relative", relative.Str("mde_type"));

        var absolute = await (await api.Admin.Get("/api/ab-tests/sample-size?baseline_rate=0.1&minimum_detectable_effect=0.02&mde_type=absolute&alpha=0.05&power=0.8")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(3841, absolute["per_variant"]!.GetValue<long>());

        await (await api.Admin.Get("/api/ab-tests/sample-size?baseline_rate=1.5&alpha=0&mde_type=percent")).ExpectValidationProblem(
            "baseline_rate", "minimum_detectable_effect", "alpha", "mde_type");
    }
}
