using System.Net;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Hosting;

public sealed class HostSmokeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Created_campaign_reads_back_through_the_running_host()
    {
        await using var host = await TestApiHost.Start(postgres.ConnectionString);
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        using var client = host.Client(org.AdminKey);

        var created = await client.PostJson("/api/campaigns", new { name = "Smoke", kind = "marketing", budget = 5000 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Body())["id"]!.GetValue<string>();

        var read = await client.GetAsync($"/api/campaigns/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Smoke", (await read.Body())["name"]!.GetValue<string>());
    }
}
