using System.Net;
using Campaigns.Infrastructure;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;
using static Campaigns.Tests.Influencer.InfluencerPosts;

namespace Campaigns.Tests.Influencer;

/// <summary>
/// The brand's whole flow through HTTP on a real silo and PostgreSQL with Apify simulated: create → activate → accept →
/// profile verified → posts stored → matched → metrics → monitoring re-scrapes → manual decisions that stick.
/// </summary>
public sealed class InfluencerFlowTests(PostgresFixture postgres)
{
    private const string Anna = "anna.berlin";

    [Fact]
    public async Task Activation_selects_the_best_creator_then_scrapes_match_posts_and_metrics_follow()
    {
        await using var system = await InfluencerSystem.Start(postgres.ConnectionString);
        var admin = system.Admin;
        var (anna, annaProfile) = await system.Creator(Anna, 25_000, 0.05m);
        await system.Creator("ben.berlin", 40_000, 0.03m);
        await system.Creator("carl.micro", 5_000, 0.09m);            // micro band: not mid-tier
        await system.Creator("dora.paris", 30_000, 0.08m, "Paris");  // not in Berlin
        system.Apify.SetItems(PostActor, Anna,
            Post(Anna, "CAMP1", "New drop with @brandx #brandx #ootd", likes: 1_000, comments: 100),
            Post(Anna, "CAMP2", "Second look", likes: 2_000, comments: 50, views: 30_000, hashtags: ["brandx"], mentions: ["brandx"]),
            Post(Anna, "OTHER", "Sunday coffee #coffee", likes: 5_000, comments: 400),
            Post(Anna, "HALF1", "Only the tag #BrandX", likes: 700, comments: 20));

        var campaign = await system.InfluencerCampaign();
        Assert.Equal("draft", campaign.Str("status"));
        Assert.Equal("mid-tier", campaign.Str("audience_size"));
        Assert.Equal(0.7, campaign["tracking_config"]!["min_match_confidence"]!.GetValue<double>());
        var campaignId = campaign.Id();

        var activated = await system.Activate(campaignId);
        Assert.Equal("active", activated["campaign"]!.Str("status"));
        var allocation = activated["allocation"]!;
        var allocationId = allocation.Id();
        Assert.Equal(anna.ToString(), allocation.Str("creator_id"));
        Assert.Equal(100_000, allocation["allocated_budget"]!.GetValue<long>());
        Assert.Equal("pending", allocation.Str("status"));

        var firstJobs = await system.Jobs(allocationId);
        Assert.Equal([("posts_scrape", 70), ("profile_scrape", 80)],
            firstJobs.Select(j => (j.Str("job_type"), j["priority"]!.GetValue<int>())).Order().ToList());
        Assert.Equal(50, firstJobs.Single(j => j.Str("job_type") == "posts_scrape")["input"]!["limit"]!.GetValue<int>());

        var accepted = await (await admin.Post($"/api/campaigns/{campaignId}/allocations/{allocationId}/accept")).ExpectJson(HttpStatusCode.OK);
        Assert.Contains(accepted.Str("status"), new[] { "accepted", "active" });

        // Stage 6: CAMP1 and CAMP2 carry every required signal; OTHER none; HALF1 only half of them (confidence 0.5 < 0.7).
        var metrics = await InfluencerSystem.Eventually(() => system.Metrics(campaignId, allocationId),
            m => m["posts_count"]!.GetValue<int>() == 2, "two campaign posts counted");
        Assert.Equal(30_000, metrics["reach"]!.GetValue<long>());           // CAMP1 is an image without views: no reach
        Assert.Equal(1_100 + 2_050, metrics["engagement"]!.GetValue<long>()); // likes + comments, shares unknown as 0
        Assert.Equal(0, metrics["conversions"]!.GetValue<long>());
        // Instagram reports no followers on posts: the rate is engagement over the profile's followers (declared or verified).
        Assert.InRange(metrics["avg_engagement_rate"]!.GetValue<double>(), 0.0001, 1);
        Assert.False(metrics["conversions_tracked"]!.GetValue<bool>());
        var posts = metrics["posts"]!.AsArray().ToDictionary(p => p!.Str("url").Split('/')[^2], p => p!);
        Assert.Equal(4, posts.Count);
        Assert.True(posts["CAMP1"]["is_campaign_content"]!.GetValue<bool>());
        Assert.False(posts["OTHER"]["is_campaign_content"]!.GetValue<bool>());
        Assert.Equal(0.5, posts["HALF1"]["campaign_match_confidence"]!.GetValue<double>());
        Assert.Equal("active", (await (await admin.Get($"/api/campaigns/{campaignId}/allocations/{allocationId}")).ExpectJson(HttpStatusCode.OK)).Str("status"));

        var profile = await InfluencerSystem.Eventually(async () => (await admin.GetCreator(anna)).OnlyProfile(),
            p => p["followers_verified"] is not null, "the profile scrape to verify the profile");
        Assert.Equal(annaProfile.ToString(), profile.Str("id"));

        // A person overrides matching both ways; metrics follow at once.
        await (await admin.Post($"/api/posts/{posts["CAMP1"].Str("id")}/reject")).ExpectJson(HttpStatusCode.OK);
        var confirmed = await (await admin.Post($"/api/posts/{posts["HALF1"].Str("id")}/confirm")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("confirmed", confirmed.Str("decision"));
        metrics = await system.Metrics(campaignId, allocationId);
        Assert.Equal(2, metrics["posts_count"]!.GetValue<int>());
        Assert.Equal(2_050 + 720, metrics["engagement"]!.GetValue<long>());

        // Monitoring: the reminder queues a 20-post scrape at priority 60; the creator's counts moved in the meantime.
        system.Apify.SetItems(PostActor, Anna,
            Post(Anna, "CAMP1", "New drop with @brandx #brandx #ootd", likes: 1_500, comments: 150),
            Post(Anna, "CAMP2", "Second look", likes: 2_600, comments: 60, views: 45_000, hashtags: ["brandx"], mentions: ["brandx"]),
            Post(Anna, "OTHER", "Sunday coffee #coffee", likes: 5_000, comments: 400),
            Post(Anna, "HALF1", "Only the tag #BrandX", likes: 900, comments: 30));
        var monitored = await InfluencerSystem.Eventually(() => system.Jobs(allocationId),
            jobs => jobs.Any(j => j["priority"]!.GetValue<int>() == 60 && j.Str("status") == "completed"), "a monitoring scrape to complete");
        Assert.Equal(20, monitored.First(j => j["priority"]!.GetValue<int>() == 60)["input"]!["limit"]!.GetValue<int>());
        metrics = await InfluencerSystem.Eventually(() => system.Metrics(campaignId, allocationId),
            m => m["reach"]!.GetValue<long>() == 45_000, "metrics from the re-scrape");
        Assert.Equal(2_660 + 930, metrics["engagement"]!.GetValue<long>());
        posts = metrics["posts"]!.AsArray().ToDictionary(p => p!.Str("url").Split('/')[^2], p => p!);
        Assert.Equal(4, posts.Count);
        Assert.Equal("rejected", posts["CAMP1"].Str("decision"));
        Assert.Equal("confirmed", posts["HALF1"].Str("decision"));
        Assert.Equal(4L, await system.Database.Scalar<long>("SELECT count(*) FROM posts WHERE organization_id = $1", system.Org.Id));

        var refreshed = await (await admin.Post($"/api/campaigns/{campaignId}/allocations/{allocationId}/refresh")).ExpectJson(HttpStatusCode.Accepted);
        Assert.Equal("posts_scrape", refreshed["job"]!.Str("job_type"));

        var listed = await (await admin.Get($"/api/campaigns/{campaignId}/allocations")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal([allocationId.ToString()], listed.Ids());
        var detail = await (await admin.Get($"/api/campaigns/{campaignId}/allocations/{allocationId}/posts?limit=2")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(2, detail["items"]!.AsArray().Count);
        Assert.NotNull(detail["next_cursor"]);

        var audit = await admin.AuditRows();
        foreach (var action in new[] { "campaign.activate", "allocation.accept", "post.reject", "post.confirm", "allocation.refresh" })
        {
            Assert.Contains(audit, row => row.Str("action") == action && row.Str("outcome") == "succeeded");
        }
    }
}
