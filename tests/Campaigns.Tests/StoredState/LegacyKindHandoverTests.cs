using System.Net;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.StoredState;

/// <summary>
/// Data written before each campaign kind moved out of the campaign grain (the 29e0195 dump): the reminders the campaign
/// grain registered for its kind are handed to the kind grains, and the influencer grain adopts the allocations the
/// campaign grain's state holds (docs/ARCHITECTURE.md, "Crash windows").
/// </summary>
public sealed class LegacyKindHandoverTests(PostgresFixture postgres)
{
    private static readonly Dictionary<string, string?> NoTelegram = new() { ["Telegram:BaseUrl"] = "http://127.0.0.1:9" };

    private static string Grain(string type, Guid id) => $"{type}/{id:N}";

    [Fact]
    public async Task Legacy_kind_reminders_move_to_the_kind_grains_and_legacy_allocations_are_adopted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var legacy = await LegacyDatabase.Restore(postgres.ConnectionString, ct);
        const string LegacyReminders =
            "SELECT count(*) FROM orleansreminderstable WHERE grainid LIKE 'campaign/%' AND remindername IN ('complete-at-end-date', 'outreach-dispatch')";
        Assert.Equal(2L, await legacy.Scalar<long>(LegacyReminders));
        // The legacy reminders tick within seconds instead of at their next hourly or minutely period.
        await legacy.Scalar<int>("UPDATE orleansreminderstable SET starttime = now(), period = 2000 WHERE grainid LIKE 'campaign/%'");

        await using var host = await TestApiHost.Start(legacy.ConnectionString, LegacyDatabase.ClusterId, NoTelegram);
        using var admin = host.Client(LegacyDatabase.AdminKey);

        var handedOver = $"""
            SELECT count(*) FROM orleansreminderstable
            WHERE (grainid = '{Grain("influencercampaign", LegacyDatabase.InfluencerCampaign)}' AND remindername = 'complete-at-end-date')
               OR (grainid = '{Grain("outreachcampaign", LegacyDatabase.ActiveOutreachCampaign)}' AND remindername = 'outreach-dispatch')
            """;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await legacy.Scalar<long>(handedOver) != 2L || await legacy.Scalar<long>(LegacyReminders) != 0L) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, ct);
        }

        Assert.Equal(2L, await legacy.Scalar<long>(handedOver));
        Assert.Equal(0L, await legacy.Scalar<long>(LegacyReminders));

        // The campaigns behave as before: still active, participants and allocations as the legacy system left them.
        Assert.Equal("active", (await admin.GetCampaign(LegacyDatabase.ActiveOutreachCampaign)).Str("status"));
        Assert.Equal("active", (await admin.GetCampaign(LegacyDatabase.InfluencerCampaign)).Str("status"));
        var participants = await (await admin.Get($"/api/campaigns/{LegacyDatabase.ActiveOutreachCampaign}/participants")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(3, participants["items"]!.AsArray().Count);

        // The three allocation slots kept in the legacy campaign state (the pre-move code counts them the same way) are the influencer grain's now: they keep the campaign.
        await (await admin.Post($"/api/campaigns/{LegacyDatabase.InfluencerCampaign}/cancel")).Expect(HttpStatusCode.OK);
        var kept = await (await admin.Delete($"/api/campaigns/{LegacyDatabase.InfluencerCampaign}")).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("3 creator(s)", kept.Str("detail"));

        // A cancelled campaign needs no end-date check: the influencer grain dropped its reminder.
        Assert.Equal(0L, await legacy.Scalar<long>(
            $"SELECT count(*) FROM orleansreminderstable WHERE grainid = '{Grain("influencercampaign", LegacyDatabase.InfluencerCampaign)}'"));
    }
}
