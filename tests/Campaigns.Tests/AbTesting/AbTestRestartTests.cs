using Campaigns.AbTesting;
using Campaigns.Campaigns;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.AbTesting;

/// <summary>Has its own clusters, because it stops them.</summary>
public sealed class AbTestRestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Counts_and_deduplication_survive_a_full_cluster_restart()
    {
        var clusterId = CampaignsTestCluster.NewId("abtest");
        var serviceId = CampaignsTestCluster.NewId("abtest-service");
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        var campaignId = Guid.CreateVersion7();
        var testId = Guid.CreateVersion7();
        AbEvent[] sent;
        AbVariantCounts before;

        var first = await CampaignsTestCluster.Deploy(clusterId, serviceId);
        try
        {
            Campaign.Ok(await first.GrainFactory.GetGrain<ICampaignGrain>(campaignId).Create(org.Id, Campaign.Draft()));
            var test = first.GrainFactory.GetGrain<IAbTestGrain>(testId);
            var variant = (await test.Create(org.Id, AbTestGrainTests.Draft(campaignId))).Value!.Variants[1].Id;
            sent = [.. Enumerable.Range(0, 500).Select(i => new AbEvent(Guid.NewGuid(), variant, i % 10 == 0 ? AbEventType.Conversion : AbEventType.Impression, 2m))];
            Assert.Equal(500, (await test.RecordEvents(org.Id, sent)).Value!.Accepted);
            before = (await test.Snapshot(org.Id)).Value!.Counts[variant];
        }
        finally
        {
            await CampaignsTestCluster.Shutdown(first);
        }

        var second = await CampaignsTestCluster.Deploy(clusterId, serviceId);
        try
        {
            var test = second.GrainFactory.GetGrain<IAbTestGrain>(testId);
            var variant = sent[0].VariantId;
            Assert.Equal(new AbVariantCounts(450, 0, 50, 100m), before);
            Assert.Equal(before, (await test.Snapshot(org.Id)).Value!.Counts[variant]);

            // A client retrying its last batch after the restart changes nothing.
            var retried = await test.RecordEvents(org.Id, sent);
            Assert.Equal((0, 500), (retried.Value!.Accepted, retried.Value.Duplicates));
            Assert.Equal(before, (await test.Snapshot(org.Id)).Value!.Counts[variant]);
        }
        finally
        {
            await CampaignsTestCluster.Shutdown(second);
        }
    }
}
