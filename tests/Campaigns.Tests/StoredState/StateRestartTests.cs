using System.Net;
using System.Text.Json.Nodes;
using Campaigns.AbTesting;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Outreach;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.StoredState;

/// <summary>
/// One test per campaign kind: every mutation path that sets a collection in grain state, then a silo restart, then
/// every resource those paths touched reads back exactly as before. While they run, <see cref="RoundTripCheckingSerializer"/>
/// checks each write on the way in.
/// </summary>
public sealed class StateRestartTests(PostgresFixture postgres)
{
    private static string Today(int days = 0) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Outreach_campaign_with_csv_audience_steps_patches_duplicate_and_participants_survives_a_restart()
    {
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        await RestartAndCompare(org, async admin =>
        {
            var picked = (await admin.CreateContact(new { first_name = "Picked", telegram_id = CrmApi.TelegramId() })).Id();
            var campaign = await admin.CreateStartableOutreach(postgres.ConnectionString, org.Id, picked);
            var id = campaign.Id();
            await (await admin.Patch($"/api/campaigns/{id}", new
            {
                schedule = new { timezone = "Europe/Moscow", working_hours = new { start = "09:00", end = "18:00" }, days_of_week = new[] { 1, 2, 3, 4, 5 } },
                goals = new[] { "leads" },
            })).Expect(HttpStatusCode.OK);
            await ImportCsv(admin, id, $"first_name;telegram_id\nIvan;{CrmApi.TelegramId()}\nMaria;{CrmApi.TelegramId()}\n");
            await ImportCsv(admin, id, $"first_name;telegram_id\nPetr;{CrmApi.TelegramId()}\n");
            var template = await admin.CreateTemplate(id, "Second {{contact.first_name}}");
            var step = await admin.CreateStep(id, template.Id(), new { conditions = new { stopIfReplied = true } });
            await (await admin.Patch($"/api/campaigns/{id}/steps/{step.Id()}", new { delay_hours = 72 })).Expect(HttpStatusCode.OK);
            var copy = await (await admin.Post($"/api/campaigns/{id}/duplicate", new { })).ExpectJson(HttpStatusCode.Created);
            await (await admin.Post($"/api/campaigns/{id}/start")).Expect(HttpStatusCode.OK);

            var read = await admin.GetCampaign(id);
            Assert.Equal(4, read["target_audience"]!["contact_ids"]!.AsArray().Count);
            Assert.Equal([1, 2, 3, 4, 5], read["schedule"]!["days_of_week"]!.AsArray().Select(d => d!.GetValue<int>()));
            return [$"/api/campaigns/{id}", $"/api/campaigns/{copy.Id()}", $"/api/campaigns/{id}/steps", $"/api/campaigns/{id}/participants", $"/api/campaigns/{id}/stats"];
        }, typeof(CampaignState));
    }

    [Fact]
    public async Task Influencer_campaign_with_tracking_patches_allocations_decline_and_duplicate_survives_a_restart()
    {
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        await RestartAndCompare(org, async admin =>
        {
            for (var i = 0; i < 3; i++)
            {
                await admin.CreateCreator();
            }

            var campaign = await admin.CreateCampaign(new
            {
                name = "Tracked drop", kind = "influencer", budget = 300_000, platforms = new[] { "instagram" }, goals = new[] { "reach" },
                target_location = "Berlin", start_date = Today(), end_date = Today(30),
                tracking_config = new { required_hashtags = new[] { "#brandx" }, optional_hashtags = new[] { "#ad" }, required_mentions = new[] { "@brandx" } },
            });
            var id = campaign.Id();
            await (await admin.Patch($"/api/campaigns/{id}", new
            {
                tracking_config = new { required_hashtags = new[] { "#brandx", "#spring" }, tracking_link_pattern = "brandx.com/go/*" },
                platforms = new[] { "instagram" },
            })).Expect(HttpStatusCode.OK);
            var copy = await (await admin.Post($"/api/campaigns/{id}/duplicate", new { })).ExpectJson(HttpStatusCode.Created);
            var activation = await (await admin.Post($"/api/campaigns/{id}/activate", new { max_creators = 2 })).ExpectJson(HttpStatusCode.OK);
            var allocations = activation["allocations"]!.AsArray();
            Assert.Equal(2, allocations.Count);
            await (await admin.Post($"/api/campaigns/{id}/allocations/{allocations[0]!.Id()}/accept")).Expect(HttpStatusCode.OK);
            await (await admin.Post($"/api/campaigns/{id}/allocations/{allocations[1]!.Id()}/decline", new { reason = "Booked" })).Expect(HttpStatusCode.OK);

            var listed = await (await admin.Get($"/api/campaigns/{id}/allocations")).ExpectJson(HttpStatusCode.OK);
            Assert.Equal(3, (listed is JsonArray array ? array : listed["items"]!.AsArray()).Count); // the replacement too
            var paths = new List<string> { $"/api/campaigns/{id}", $"/api/campaigns/{copy.Id()}", $"/api/campaigns/{id}/allocations" };
            paths.AddRange(allocations.Select(a => $"/api/campaigns/{id}/allocations/{a!.Id()}/metrics"));
            return paths;
        }, typeof(CampaignState), typeof(AllocationState), typeof(InfluencerCampaignState));
    }

    [Fact]
    public async Task Marketing_campaign_with_media_segments_ab_variants_launch_and_duplicate_survives_a_restart()
    {
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        await RestartAndCompare(org, async admin =>
        {
            var campaign = await admin.CreateCampaign(new
            {
                name = "Spring launch", kind = "marketing", budget = 500_000, goals = new[] { "reach" }, platforms = new[] { "instagram", "tiktok" },
                start_date = Today(), end_date = Today(30),
            });
            var id = campaign.Id();
            await (await admin.Patch($"/api/campaigns/{id}", new
            {
                goals = new[] { "reach", "sales" },
                media_urls = new[] { "https://cdn.example/a.png", "https://cdn.example/b.png" },
                segment_ids = new[] { Guid.NewGuid(), Guid.NewGuid() },
                type = "promotion",
            })).Expect(HttpStatusCode.OK);
            var test = await admin.CreateTest(id);
            await (await admin.Post($"/api/ab-tests/{test.Id()}/assign", new { subject_id = "user-42" })).Expect(HttpStatusCode.OK);
            await admin.Send(test.Id(), test.VariantId(0), impressions: 20, conversions: 2);
            await (await admin.Post($"/api/campaigns/{id}/launch")).Expect(HttpStatusCode.OK);
            var copy = await (await admin.Post($"/api/campaigns/{id}/duplicate", new { })).ExpectJson(HttpStatusCode.Created);
            return [$"/api/campaigns/{id}", $"/api/campaigns/{copy.Id()}", $"/api/ab-tests/{test.Id()}", $"/api/ab-tests/{test.Id()}/results", $"/api/campaigns/{id}/ab-tests"];
        }, typeof(CampaignState), typeof(AbTestState));
    }

    [Fact]
    public async Task Ads_campaign_with_patched_lists_schedule_and_duplicate_survives_a_restart()
    {
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        await RestartAndCompare(org, async admin =>
        {
            var campaign = await admin.CreateCampaign(new
            {
                name = "Banner run", kind = "ads", budget = 100_000, goals = new[] { "reach" }, platforms = new[] { "instagram" },
                start_date = Today(), end_date = Today(30),
            });
            var id = campaign.Id();
            await (await admin.Patch($"/api/campaigns/{id}", new { goals = new[] { "reach", "awareness" }, platforms = new[] { "instagram", "youtube" } }))
                .Expect(HttpStatusCode.OK);
            await (await admin.Post($"/api/campaigns/{id}/schedule", new { scheduled_for = DateTime.UtcNow.AddDays(2).ToString("O") })).Expect(HttpStatusCode.OK);
            var copy = await (await admin.Post($"/api/campaigns/{id}/duplicate", new { modifications = new { name = "Banner run B" } })).ExpectJson(HttpStatusCode.Created);
            return [$"/api/campaigns/{id}", $"/api/campaigns/{copy.Id()}"];
        }, typeof(CampaignState));
    }

    private static async Task ImportCsv(HttpClient admin, Guid campaignId, string csv)
    {
        var imported = await (await admin.Post($"/api/campaigns/{campaignId}/audience/from-csv", new { content = csv, has_header = true })).ExpectJson(HttpStatusCode.OK);
        Assert.Empty(imported["errors"]!.AsArray());
    }

    /// <summary>Runs the changes on one host, reads what they return, restarts the silo and reads it all again.</summary>
    private async Task RestartAndCompare(TestOrganization org, Func<HttpClient, Task<List<string>>> changes, params Type[] statesWritten)
    {
        var checkedBefore = statesWritten.ToDictionary(t => t, RoundTripCheckingSerializer.CheckedWrites);
        var before = new Dictionary<string, JsonNode>();
        string clusterId;
        await using (var first = await TestApiHost.Start(postgres.ConnectionString))
        {
            clusterId = first.ClusterId;
            using var admin = first.Client(org.AdminKey);
            foreach (var path in await changes(admin))
            {
                before[path] = await (await admin.Get(path)).ExpectJson(HttpStatusCode.OK);
            }

            await first.Stop();
        }

        foreach (var state in statesWritten)
        {
            Assert.True(RoundTripCheckingSerializer.CheckedWrites(state) > checkedBefore[state], $"no {state.Name} write went through the round-trip check");
        }

        await using var second = await TestApiHost.Start(postgres.ConnectionString, clusterId);
        using var again = second.Client(org.AdminKey);
        foreach (var (path, expected) in before)
        {
            var actual = await (await again.Get(path)).ExpectJson(HttpStatusCode.OK);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}\nbefore: {expected.ToJsonString()}\nafter:  {actual.ToJsonString()}");
        }
    }
}
