using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Silo.StoredState;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.StoredState;

/// <summary>
/// Upgrading a system that ran 29e0195: its stored state is rewritten in the current format when the new version
/// starts, and every campaign reads back over HTTP, the outreach campaigns whose CSV audience could not be read back
/// included (docs/ARCHITECTURE.md, "Upgrading stored state").
/// </summary>
public sealed class LegacyDatabaseUpgradeTests(PostgresFixture postgres)
{
    private static readonly Dictionary<string, string?> NoTelegram = new()
    {
        // The legacy bot's Telegram is gone; a closed loopback port fails its polling fast instead of reaching out.
        ["Telegram:BaseUrl"] = "http://127.0.0.1:9",
    };

    [Fact]
    public async Task A_database_written_by_29e0195_is_upgraded_at_start_and_reads_back_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var legacy = await LegacyDatabase.Restore(postgres.ConnectionString, ct);
        Assert.Equal(13L, await legacy.Scalar<long>(LegacyRowCount));
        Assert.Equal(2L, await legacy.Scalar<long>("SELECT count(*) FROM orleansstorage WHERE convert_from(payloadbinary, 'UTF8') LIKE '%<>z\\_\\_ReadOnlyArray%'"));

        Dictionary<Guid, JsonNode> before;
        await using (var host = await TestApiHost.Start(legacy.ConnectionString, LegacyDatabase.ClusterId, NoTelegram))
        {
            Assert.Equal(0L, await legacy.Scalar<long>(LegacyRowCount));
            Assert.Equal(13L, await legacy.Scalar<long>("SELECT count(*) FROM orleansstorage WHERE get_byte(payloadbinary, 0) = $1", (int)GrainStateFormat.OrleansBinaryV1));

            using var admin = host.Client(LegacyDatabase.AdminKey);
            before = await ReadEverything(admin);

            var draft = before[LegacyDatabase.DraftOutreachCampaign];
            Assert.Equal("Legacy outreach draft", draft.Str("name"));
            Assert.Equal(2, draft["target_audience"]!["contact_ids"]!.AsArray().Count);

            var active = before[LegacyDatabase.ActiveOutreachCampaign];
            Assert.Equal("active", active.Str("status"));
            Assert.Equal(3, active["target_audience"]!["contact_ids"]!.AsArray().Count);
            Assert.Equal(2, active["steps"]!.AsArray().Count);

            var influencer = before[LegacyDatabase.InfluencerCampaign];
            Assert.Equal("active", influencer.Str("status"));
            Assert.Equal(["#brandx"], influencer["tracking_config"]!["required_hashtags"]!.AsArray().Select(t => t!.GetValue<string>()));

            var marketing = before[LegacyDatabase.MarketingCampaign];
            Assert.Equal(["https://cdn.example/a.png", "https://cdn.example/b.png"], marketing["media_urls"]!.AsArray().Select(t => t!.GetValue<string>()));
            Assert.Equal("Legacy marketing (copy)", before[LegacyDatabase.DuplicatedCampaign].Str("name"));
            Assert.Equal("ads", before[LegacyDatabase.AdsCampaign].Str("kind"));

            var allocations = await (await admin.Get($"/api/campaigns/{LegacyDatabase.InfluencerCampaign}/allocations")).ExpectJson(HttpStatusCode.OK);
            var statuses = AllocationStatuses(allocations);
            Assert.Equal("accepted", statuses[LegacyDatabase.AcceptedAllocation]);
            Assert.Equal("declined", statuses[LegacyDatabase.DeclinedAllocation]);

            var test = await (await admin.Get($"/api/ab-tests/{LegacyDatabase.AbTest}")).ExpectJson(HttpStatusCode.OK);
            Assert.Equal(["control", "bold"], test["variants"]!.AsArray().Select(v => v!.Str("name")));

            var participants = await (await admin.Get($"/api/campaigns/{LegacyDatabase.ActiveOutreachCampaign}/participants")).ExpectJson(HttpStatusCode.OK);
            Assert.Equal(3, participants["items"]!.AsArray().Count);

            // The path on the upgraded row: another CSV import, then a restart.
            var imported = await (await admin.Post($"/api/campaigns/{LegacyDatabase.DraftOutreachCampaign}/audience/from-csv",
                new { content = "first_name;telegram_id\nNina;7000000099\n", has_header = true })).ExpectJson(HttpStatusCode.OK);
            Assert.Single(imported["contact_ids"]!.AsArray());
            before = await ReadEverything(admin);
            Assert.Equal(3, before[LegacyDatabase.DraftOutreachCampaign]["target_audience"]!["contact_ids"]!.AsArray().Count);
            await host.Stop();
        }

        await using var restarted = await TestApiHost.Start(legacy.ConnectionString, LegacyDatabase.ClusterId, NoTelegram);
        using var again = restarted.Client(LegacyDatabase.AdminKey);
        var after = await ReadEverything(again);
        foreach (var (id, campaign) in before)
        {
            Assert.True(JsonNode.DeepEquals(campaign, after[id]), $"campaign {id}\nbefore: {campaign.ToJsonString()}\nafter:  {after[id].ToJsonString()}");
        }
    }

    private const string LegacyRowCount = "SELECT count(*) FROM orleansstorage WHERE substring(payloadbinary FROM 1 FOR 1) = '\\x7b'::bytea";

    private static async Task<Dictionary<Guid, JsonNode>> ReadEverything(HttpClient admin)
    {
        var campaigns = new Dictionary<Guid, JsonNode>();
        foreach (var id in new[]
                 {
                     LegacyDatabase.MarketingCampaign, LegacyDatabase.DuplicatedCampaign, LegacyDatabase.InfluencerCampaign,
                     LegacyDatabase.ActiveOutreachCampaign, LegacyDatabase.DraftOutreachCampaign, LegacyDatabase.AdsCampaign,
                 })
        {
            campaigns[id] = await admin.GetCampaign(id);
        }

        return campaigns;
    }

    private static Dictionary<Guid, string> AllocationStatuses(JsonNode allocations)
    {
        var items = allocations is JsonArray array ? array : allocations["items"]!.AsArray();
        return items.ToDictionary(a => a!.Id(), a => a!.Str("status"));
    }
}
