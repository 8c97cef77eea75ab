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

/// <summary>draft → scheduled → active ⇄ paused → completed; cancelled from any non-final state; anything else is 409 naming the status.</summary>
public sealed class CampaignLifecycleTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private async Task<Guid> CampaignIn(params string[] path)
    {
        var campaign = await api.Admin.CreateCampaign();
        await api.Admin.Walk(campaign.Id(), path);
        return campaign.Id();
    }

    private static DateTimeOffset Instant(JsonNode node, string property) => DateTimeOffset.Parse(node.Str(property));

    [Fact]
    public async Task Campaign_walks_the_whole_lifecycle()
    {
        var id = await CampaignIn();
        var when = new DateTimeOffset(2099, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567);

        var scheduled = await (await api.Admin.Post($"/api/campaigns/{id}/schedule", new { scheduled_for = when })).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("scheduled", scheduled.Str("status"));
        Assert.Equal(when.AddTicks(-7), Instant(scheduled, "scheduled_for")); // stored at PostgreSQL's microsecond precision
        Assert.Null(scheduled["started_at"]);

        var active = await (await api.Admin.Post($"/api/campaigns/{id}/launch")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("active", active.Str("status"));
        var startedAt = Instant(active, "started_at");
        Assert.InRange(startedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var paused = await (await api.Admin.Post($"/api/campaigns/{id}/pause")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("paused", paused.Str("status"));

        var resumed = await (await api.Admin.Post($"/api/campaigns/{id}/resume")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("active", resumed.Str("status"));
        Assert.Equal(startedAt, Instant(resumed, "started_at"));

        var completed = await (await api.Admin.Post($"/api/campaigns/{id}/complete")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("completed", completed.Str("status"));
        Assert.True(Instant(completed, "completed_at") >= startedAt);
        Assert.True(JsonNode.DeepEquals(completed, await api.Admin.GetCampaign(id)));
    }

    [Fact]
    public async Task Launch_from_draft_starts_the_campaign_at_once()
    {
        var id = await CampaignIn();

        var active = await (await api.Admin.Post($"/api/campaigns/{id}/launch")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal("active", active.Str("status"));
        Assert.NotNull(active["started_at"]);
    }

    [Fact]
    public async Task Paused_campaign_can_be_completed()
    {
        var id = await CampaignIn("launch", "pause");

        var completed = await (await api.Admin.Post($"/api/campaigns/{id}/complete")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal("completed", completed.Str("status"));
    }

    [Theory]
    [InlineData]
    [InlineData("schedule")]
    [InlineData("launch")]
    [InlineData("launch", "pause")]
    public async Task Cancel_works_from_every_non_final_state(params string[] path)
    {
        var id = await CampaignIn(path);

        var cancelled = await (await api.Admin.Post($"/api/campaigns/{id}/cancel")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.NotNull(cancelled["completed_at"]);
    }

    [Theory]
    [InlineData("pause", "draft")]
    [InlineData("resume", "draft")]
    [InlineData("complete", "draft")]
    [InlineData("pause", "scheduled", "schedule")]
    [InlineData("resume", "scheduled", "schedule")]
    [InlineData("complete", "scheduled", "schedule")]
    [InlineData("schedule", "scheduled", "schedule")]
    [InlineData("launch", "active", "launch")]
    [InlineData("resume", "active", "launch")]
    [InlineData("schedule", "active", "launch")]
    [InlineData("launch", "paused", "launch", "pause")]
    [InlineData("pause", "paused", "launch", "pause")]
    [InlineData("schedule", "paused", "launch", "pause")]
    [InlineData("launch", "completed", "launch", "complete")]
    [InlineData("pause", "completed", "launch", "complete")]
    [InlineData("resume", "completed", "launch", "complete")]
    [InlineData("complete", "completed", "launch", "complete")]
    [InlineData("cancel", "completed", "launch", "complete")]
    [InlineData("schedule", "completed", "launch", "complete")]
    [InlineData("launch", "cancelled", "cancel")]
    [InlineData("resume", "cancelled", "cancel")]
    [InlineData("complete", "cancelled", "cancel")]
    [InlineData("cancel", "cancelled", "cancel")]
    [InlineData("schedule", "cancelled", "cancel")]
    public async Task Transition_not_allowed_answers_409_naming_the_current_status(string transition, string current, params string[] path)
    {
        var id = await CampaignIn(path);
        var before = await api.Admin.GetCampaign(id);

        var response = transition == "schedule"
            ? await api.Admin.Post($"/api/campaigns/{id}/schedule", new { scheduled_for = DateTimeOffset.UtcNow.AddDays(3) })
            : await api.Admin.Post($"/api/campaigns/{id}/{transition}");

        var problem = await response.ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains($"'{current}'", problem["detail"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(before, await api.Admin.GetCampaign(id)), "A refused transition changes nothing.");
    }

    [Fact]
    public async Task Schedule_in_the_past_is_refused()
    {
        var id = await CampaignIn();

        await (await api.Admin.Post($"/api/campaigns/{id}/schedule", new { scheduled_for = DateTimeOffset.UtcNow.AddMinutes(-1) }))
            .ExpectValidationProblem("scheduled_for");

        Assert.Equal("draft", (await api.Admin.GetCampaign(id)).Str("status"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"scheduled_for":null}""")]
    [InlineData("""{"scheduled_for":"next tuesday"}""")]
    [InlineData("""{"scheduled_for":12345}""")]
    public async Task Schedule_without_a_valid_instant_is_refused(string json)
    {
        var id = await CampaignIn();

        await (await api.Admin.SendRaw(HttpMethod.Post, $"/api/campaigns/{id}/schedule", json)).ExpectValidationProblem("scheduled_for");

        Assert.Equal("draft", (await api.Admin.GetCampaign(id)).Str("status"));
    }

    [Fact]
    public async Task Schedule_with_an_offset_is_stored_in_utc()
    {
        var id = await CampaignIn();

        var scheduled = await (await api.Admin.SendRaw(HttpMethod.Post, $"/api/campaigns/{id}/schedule", """{"scheduled_for":"2099-06-01T12:00:00+03:00"}"""))
            .ExpectJson(HttpStatusCode.OK);

        Assert.Equal(new DateTimeOffset(2099, 6, 1, 9, 0, 0, TimeSpan.Zero), Instant(scheduled, "scheduled_for"));
        Assert.Equal(TimeSpan.Zero, Instant(scheduled, "scheduled_for").Offset);
    }

    [Theory]
    [InlineData("schedule")]
    [InlineData("launch")]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("complete")]
    [InlineData("cancel")]
    public async Task Transition_of_an_unknown_campaign_answers_404(string transition)
    {
        var response = transition == "schedule"
            ? await api.Admin.Post($"/api/campaigns/{Guid.CreateVersion7()}/schedule", new { scheduled_for = DateTimeOffset.UtcNow.AddDays(1) })
            : await api.Admin.Post($"/api/campaigns/{Guid.CreateVersion7()}/{transition}");

        await response.ExpectProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData]
    [InlineData("launch", "complete")]
    [InlineData("cancel")]
    [InlineData("schedule", "cancel")]
    public async Task Draft_completed_or_cancelled_campaign_can_be_deleted(params string[] path)
    {
        var id = await CampaignIn(path);

        var response = await api.Admin.Delete($"/api/campaigns/{id}");

        await response.Expect(HttpStatusCode.NoContent);
        await (await api.Admin.Get($"/api/campaigns/{id}")).ExpectProblem(HttpStatusCode.NotFound);
        var page = await (await api.Admin.Get("/api/campaigns?limit=200")).ExpectJson(HttpStatusCode.OK);
        Assert.DoesNotContain(id.ToString(), page.Ids());
        await (await api.Admin.Post($"/api/campaigns/{id}/cancel")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Delete($"/api/campaigns/{id}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("scheduled", "schedule")]
    [InlineData("active", "launch")]
    [InlineData("paused", "launch", "pause")]
    public async Task Scheduled_active_or_paused_campaign_cannot_be_deleted(string status, params string[] path)
    {
        var id = await CampaignIn(path);

        var problem = await (await api.Admin.Delete($"/api/campaigns/{id}")).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Contains($"'{status}'", problem["detail"]!.GetValue<string>());
        Assert.Equal(status, (await api.Admin.GetCampaign(id)).Str("status"));
    }

    [Fact]
    public async Task Delete_of_an_unknown_campaign_answers_404()
    {
        await (await api.Admin.Delete($"/api/campaigns/{Guid.CreateVersion7()}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_filter_follows_transitions()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var campaign = await admin.CreateCampaign();
        var id = campaign.Id().ToString();

        foreach (var (transition, status) in new[] { ("launch", "active"), ("pause", "paused"), ("resume", "active"), ("complete", "completed") })
        {
            await (await admin.Post($"/api/campaigns/{id}/{transition}")).Expect(HttpStatusCode.OK);
            var page = await (await admin.Get($"/api/campaigns?status={status}")).ExpectJson(HttpStatusCode.OK);
            Assert.Equal(new[] { id }, page.Ids());
            Assert.Equal(status, page["items"]![0]!.Str("status"));
            var draft = await (await admin.Get("/api/campaigns?status=draft")).ExpectJson(HttpStatusCode.OK);
            Assert.Empty(draft["items"]!.AsArray());
        }
    }
}
