using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Campaigns;

/// <summary>A scheduled campaign launches itself at scheduled_for, through a reminder kept in PostgreSQL.</summary>
public sealed class ScheduledLaunchTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private static async Task<JsonNode> Schedule(HttpClient client, Guid id, TimeSpan ahead) =>
        await (await client.Post($"/api/campaigns/{id}/schedule", new { scheduled_for = DateTimeOffset.UtcNow + ahead }))
            .ExpectJson(HttpStatusCode.OK);

    /// <summary>Polls until the campaign leaves <c>scheduled</c> or the deadline passes.</summary>
    private static async Task<JsonNode> AfterSchedule(HttpClient client, Guid id, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var campaign = await client.GetCampaign(id);
            if (campaign.Str("status") != "scheduled" || DateTimeOffset.UtcNow > deadline)
            {
                return campaign;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Scheduled_campaign_becomes_active_at_scheduled_for()
    {
        var campaign = await api.Admin.CreateCampaign();
        var scheduled = await Schedule(api.Admin, campaign.Id(), TimeSpan.FromSeconds(3));

        var launched = await AfterSchedule(api.Admin, campaign.Id(), TimeSpan.FromSeconds(30));

        Assert.Equal("active", launched.Str("status"));
        Assert.True(DateTimeOffset.Parse(launched.Str("started_at")) >= DateTimeOffset.Parse(scheduled.Str("scheduled_for")).AddSeconds(-1));
    }

    [Fact]
    public async Task Campaign_cancelled_before_its_schedule_stays_cancelled()
    {
        var campaign = await api.Admin.CreateCampaign();
        await Schedule(api.Admin, campaign.Id(), TimeSpan.FromSeconds(2));
        await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/cancel")).ExpectJson(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);

        Assert.Equal("cancelled", (await api.Admin.GetCampaign(campaign.Id())).Str("status"));
    }

    [Fact]
    public async Task Campaign_launched_by_hand_first_is_not_launched_again()
    {
        var campaign = await api.Admin.CreateCampaign();
        await Schedule(api.Admin, campaign.Id(), TimeSpan.FromSeconds(2));
        var launched = await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/launch")).ExpectJson(HttpStatusCode.OK);
        await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/pause")).ExpectJson(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);

        var after = await api.Admin.GetCampaign(campaign.Id());
        Assert.Equal("paused", after.Str("status"));
        Assert.Equal(launched.Str("started_at"), after.Str("started_at"));
    }
}

/// <summary>The launch reminder lives in PostgreSQL: a host that starts after the first stopped still launches on time.</summary>
public sealed class ScheduledLaunchRestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Scheduled_campaign_launches_after_the_host_restarts()
    {
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        Guid id;
        string clusterId;
        await using (var first = await TestApiHost.Start(postgres.ConnectionString))
        {
            clusterId = first.ClusterId;
            using var admin = first.Client(org.AdminKey);
            id = (await admin.CreateCampaign()).Id();
            await (await admin.Post($"/api/campaigns/{id}/schedule", new { scheduled_for = DateTimeOffset.UtcNow.AddSeconds(4) }))
                .ExpectJson(HttpStatusCode.OK);
            await first.Stop();
        }

        await using var second = await TestApiHost.Start(postgres.ConnectionString, clusterId);
        using var again = second.Client(org.AdminKey);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        string status;
        do
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            // Only reading the listing: a GET of the campaign would activate its grain, which is not what is under test.
            var list = await (await again.Get("/api/campaigns")).ExpectJson(HttpStatusCode.OK);
            status = list["items"]!.AsArray().Single(i => i!.Str("id") == id.ToString())!.Str("status");
        }
        while (status == "scheduled" && DateTimeOffset.UtcNow < deadline);

        Assert.Equal("active", status);
    }
}
