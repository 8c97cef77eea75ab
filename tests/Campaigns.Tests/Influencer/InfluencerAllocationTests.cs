using System.Net;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

/// <summary>Selection, budget split, declines with re-selection, and what happens when nobody matches.</summary>
public sealed class InfluencerAllocationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Decline_gives_the_freed_budget_to_the_next_match_and_says_so_when_nobody_is_left()
    {
        await using var system = await InfluencerSystem.Start(postgres.ConnectionString, monitorPeriod: TimeSpan.FromHours(1));
        var admin = system.Admin;
        var (anna, _) = await system.Creator("anna.split", 25_000, 0.05m);
        var (ben, _) = await system.Creator("ben.split", 40_000, 0.04m);
        var (cleo, _) = await system.Creator("cleo.split", 60_000, 0.03m);
        var campaign = await system.InfluencerCampaign(budget: 100_001);
        var campaignId = campaign.Id();

        var activated = await system.Activate(campaignId, maxCreators: 2);
        var allocations = activated["allocations"]!.AsArray().Select(a => a!).ToList();
        Assert.Equal([anna.ToString(), ben.ToString()], allocations.Select(a => a.Str("creator_id")));
        Assert.Equal([50_001L, 50_000L], allocations.Select(a => a["allocated_budget"]!.GetValue<long>()));
        var annaAllocation = allocations[0].Id();

        var declined = await (await admin.Post($"/api/campaigns/{campaignId}/allocations/{annaAllocation}/decline", new { reason = "Booked that month" }))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal("declined", declined["declined"]!.Str("status"));
        Assert.Equal("Booked that month", declined["declined"]!.Str("decline_reason"));
        var replacement = declined["replacement"]!;
        Assert.Equal(cleo.ToString(), replacement.Str("creator_id"));
        Assert.Equal(50_001, replacement["allocated_budget"]!.GetValue<long>());
        Assert.Equal(2, (await system.Jobs(replacement.Id())).Count);

        // A repeated decline answers what the first did and allocates nothing more.
        var repeated = await (await admin.Post($"/api/campaigns/{campaignId}/allocations/{annaAllocation}/decline")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(replacement.Str("id"), repeated["replacement"]!.Str("id"));

        var none = await (await admin.Post($"/api/campaigns/{campaignId}/allocations/{replacement.Id()}/decline")).ExpectJson(HttpStatusCode.OK);
        Assert.Null(none["replacement"]);
        Assert.Contains("No other creator matches", none.Str("message"));

        await (await admin.Post($"/api/campaigns/{campaignId}/allocations/{annaAllocation}/accept")).ExpectProblem(HttpStatusCode.Conflict);
        var listed = await (await admin.Get($"/api/campaigns/{campaignId}/allocations")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(["declined", "pending", "declined"], listed["items"]!.AsArray().Select(a => a!.Str("status")));
        Assert.Equal([anna.ToString(), ben.ToString(), cleo.ToString()], listed["items"]!.AsArray().Select(a => a!.Str("creator_id")));
        var firstPage = await (await admin.Get($"/api/campaigns/{campaignId}/allocations?limit=2")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(listed.Ids()[..2], firstPage.Ids());
        var secondPage = await (await admin.Get($"/api/campaigns/{campaignId}/allocations?limit=2&cursor={firstPage.Str("next_cursor")}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(listed.Ids()[2..], secondPage.Ids());
        Assert.Null(secondPage["next_cursor"]);
    }

    [Fact]
    public async Task Activation_without_a_matching_creator_is_a_conflict_naming_the_criteria_and_the_campaign_stays_draft()
    {
        await using var system = await InfluencerSystem.Start(postgres.ConnectionString, monitorPeriod: TimeSpan.FromHours(1));
        await system.Creator("only.micro", 5_000, 0.05m);
        var campaign = await system.InfluencerCampaign();

        var problem = await (await system.Admin.Post($"/api/campaigns/{campaign.Id()}/activate")).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("mid-tier", problem.Str("detail"));
        Assert.Equal("draft", (await system.Admin.GetCampaign(campaign.Id())).Str("status"));
        Assert.Equal(0L, await system.Database.Scalar<long>("SELECT count(*) FROM apify_jobs_queue"));

        // /launch is the same activation for an influencer campaign.
        await (await system.Admin.Post($"/api/campaigns/{campaign.Id()}/launch")).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Apify_limits_hold_the_activation_jobs_with_the_reason()
    {
        await using var system = await InfluencerSystem.Start(postgres.ConnectionString, monitorPeriod: TimeSpan.FromHours(1));
        await (await system.Admin.SendRaw(HttpMethod.Put, "/api/apify/limits", """{"calls_per_day": 0, "usd_per_month": null}""")).ExpectJson(HttpStatusCode.OK);
        await system.Creator("held.creator", 25_000, 0.05m);
        var campaign = await system.InfluencerCampaign();
        var allocationId = (await system.Activate(campaign.Id()))["allocation"]!.Id();

        var jobs = await InfluencerSystem.Eventually(() => system.Jobs(allocationId),
            all => all.Count == 2 && all.All(j => j.Str("status") == "held"), "both jobs held by the daily limit");
        Assert.All(jobs, job => Assert.Contains("Daily Apify call limit", job.Str("held_reason")));
        Assert.Empty(system.Apify.Requests);
    }
}
