using Campaigns.Campaigns;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Hosting;

/// <summary>Has its own clusters, because it stops them.</summary>
public sealed class ClusterRestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Campaign_state_survives_a_full_cluster_restart_on_the_same_database()
    {
        var clusterId = CampaignsTestCluster.NewId("restart");
        var serviceId = CampaignsTestCluster.NewId("restart-service");
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        var id = Guid.CreateVersion7();

        var first = await CampaignsTestCluster.Deploy(clusterId, serviceId);
        CampaignView before;
        try
        {
            var grain = first.GrainFactory.GetGrain<ICampaignGrain>(id);
            Campaign.Ok(await grain.Create(org.Id, Campaign.Draft(kind: CampaignKind.Marketing)));
            Campaign.Ok(await grain.Update(org.Id, new CampaignChanges { Budget = 42_000, Goals = ["engagement"] }));
            before = Campaign.Ok(await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Launch)));
        }
        finally
        {
            await CampaignsTestCluster.Shutdown(first);
        }

        // Every silo of the first cluster left the membership table as Dead (6).
        Assert.Equal(0L, await TestDatabase.Scalar<long>(
            "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND status <> 6", clusterId));
        Assert.True(await TestDatabase.Scalar<long>(
            "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1", clusterId) >= 1);

        var second = await CampaignsTestCluster.Deploy(clusterId, serviceId);
        try
        {
            var grain = second.GrainFactory.GetGrain<ICampaignGrain>(id);
            var after = Campaign.Ok(await grain.Get(org.Id));
            Campaign.Same(before, after);

            var paused = Campaign.Ok(await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Pause)));
            Assert.Equal(CampaignStatus.Paused, paused.Status);
            Assert.Equal(4L, await TestDatabase.Scalar<long>("SELECT version FROM campaigns WHERE id = $1", id));
        }
        finally
        {
            await CampaignsTestCluster.Shutdown(second);
        }
    }
}
