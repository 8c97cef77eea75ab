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

/// <summary>An influencer campaign completes by itself once its end date has passed, and its allocations stop monitoring.</summary>
public sealed class InfluencerEndDateTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Campaign_completes_after_its_end_date_and_takes_its_allocations_and_their_reminders_with_it()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var system = await InfluencerSystem.Start(postgres.ConnectionString, clock, monitorPeriod: TimeSpan.FromHours(1));
        var admin = system.Admin;
        await system.Creator("last.day", 25_000, 0.05m);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var campaign = await system.InfluencerCampaign(new { start_date = today.AddDays(-3), end_date = today });
        var campaignId = campaign.Id();
        var allocationId = (await system.Activate(campaignId))["allocation"]!.Id();
        await (await admin.Post($"/api/campaigns/{campaignId}/allocations/{allocationId}/accept")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(2L, await Reminders());

        // The end date is inclusive: a tick on the last day changes nothing.
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        Assert.Equal("active", (await admin.GetCampaign(campaignId)).Str("status"));

        clock.Advance(TimeSpan.FromDays(1));
        var completed = await InfluencerSystem.Eventually(() => admin.GetCampaign(campaignId),
            c => c.Str("status") == "completed", "the campaign to complete itself");
        Assert.NotNull(completed["completed_at"]);
        var allocation = await (await admin.Get($"/api/campaigns/{campaignId}/allocations/{allocationId}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("completed", allocation.Str("status"));
        await InfluencerSystem.Eventually(Reminders, count => count == 0, "both reminders to be removed");
        await (await admin.Post($"/api/campaigns/{campaignId}/allocations/{allocationId}/refresh")).ExpectProblem(HttpStatusCode.Conflict);

        Task<long> Reminders() => system.Database.Scalar<long>(
            "SELECT count(*) FROM orleansreminderstable WHERE grainid LIKE '%' || $1 || '%' OR grainid LIKE '%' || $2 || '%'",
            campaignId.ToString("N"), allocationId.ToString("N"));
    }
}
