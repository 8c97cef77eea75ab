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

/// <summary>Has its own host, because it shortens the auto-apply check period to one second.</summary>
public sealed class AbTestAutoApplyTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_test_with_auto_apply_applies_its_winner_once_there_is_one()
    {
        await using var host = await TestApiHost.Start(postgres.ConnectionString,
            settings: new Dictionary<string, string?> { ["AbTests:AutoApplyCheckPeriod"] = "00:00:01" });
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        using var admin = host.Client(org.AdminKey);
        var campaignId = (await admin.CreateCampaign()).Id();
        var test = await admin.CreateTest(campaignId, AbTestApi.TwoVariants(autoApply: true));

        // A few ticks without a winner leave the test running.
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        Assert.Equal("running", (await (await admin.Get($"/api/ab-tests/{test.Id()}")).ExpectJson(HttpStatusCode.OK)).Str("status"));

        await admin.Send(test.Id(), test.VariantId(0), impressions: 1_500, conversions: 150);
        await admin.Send(test.Id(), test.VariantId(1), impressions: 1_500, conversions: 60);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await (await admin.Get($"/api/ab-tests/{test.Id()}")).ExpectJson(HttpStatusCode.OK)).Str("status") != "completed")
        {
            Assert.True(DateTime.UtcNow < deadline, "The reminder did not apply the winner within 30 s.");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        // The control was significantly better, so its content is what the campaign shows.
        var campaign = await admin.GetCampaign(campaignId);
        Assert.Equal("Hello", campaign["content"]!.Str("instagram"));
        var completed = await (await admin.Get($"/api/ab-tests/{test.Id()}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(test.VariantId(0).ToString(), completed.Str("winner_variant_id"));
    }
}
