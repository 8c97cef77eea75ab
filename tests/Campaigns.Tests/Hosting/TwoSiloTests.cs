using System.Net;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Hosting;

/// <summary>Two API hosts, each co-hosting a silo, joined into one cluster through the PostgreSQL membership table.</summary>
public sealed class TwoSiloTests(PostgresFixture postgres)
{
    private const int Active = 3;

    [Fact]
    public async Task Two_silos_on_one_database_form_one_cluster_and_serve_each_others_grains()
    {
        var clusterId = $"test-two-silos-{Guid.NewGuid():N}";
        await using var first = await TestApiHost.Start(postgres.ConnectionString, clusterId);
        await using var second = await TestApiHost.Start(postgres.ConnectionString, clusterId);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        long active;
        while ((active = await TestDatabase.Scalar<long>(
                   "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = $2", clusterId, Active)) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {active} silo(s) became Active in time.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, active);
        Assert.Equal(2L, await TestDatabase.Scalar<long>(
            "SELECT count(DISTINCT port) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = $2", clusterId, Active));

        var org = await TestOrganizations.Create(postgres.ConnectionString);

        // Over HTTP: created through one host, read through the other.
        using var viaFirst = first.Client(org.AdminKey);
        using var viaSecond = second.Client(org.AdminKey);
        var created = await viaFirst.PostJson("/api/campaigns", new { name = "Across silos", kind = "ads", budget = 7_500 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Body())["id"]!.GetValue<string>();
        var read = await viaSecond.GetAsync($"/api/campaigns/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await read.Body();
        Assert.Equal("Across silos", body["name"]!.GetValue<string>());
        Assert.Equal(7_500, body["budget"]!.GetValue<long>());

        // Through each silo's own grain factory, the other way round.
        var grainId = Guid.CreateVersion7();
        var fromSecond = second.Services.GetRequiredService<IGrainFactory>().GetGrain<ICampaignGrain>(grainId);
        var fromFirst = first.Services.GetRequiredService<IGrainFactory>().GetGrain<ICampaignGrain>(grainId);
        var draft = new CampaignDraft("Other way", null, CampaignKind.Outreach, 10, "USD", [], ["telegram"], null, null);
        Assert.Equal(CommandOutcome.Ok, (await fromSecond.Create(org.Id, draft)).Outcome);
        var viaFirstFactory = await fromFirst.Get(org.Id);
        Assert.Equal(CommandOutcome.Ok, viaFirstFactory.Outcome);
        Assert.Equal("Other way", viaFirstFactory.Campaign!.Name);
        Assert.Equal(["telegram"], viaFirstFactory.Campaign.Platforms);
    }
}
