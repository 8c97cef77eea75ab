using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Simulators.Telegram;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

/// <summary>Outreach end to end on a real silo, PostgreSQL and the Telegram simulator through the real Telegram.Bot client.</summary>
public sealed partial class OutreachSendLoopTests(OutreachHarness h) : IClassFixture<OutreachHarness>
{
    [Fact]
    public async Task Three_step_sequence_stops_for_the_contact_who_replies()
    {
        var (bot, account) = await h.NewAccount();
        var (anna, annaId) = await h.NewPerson(bot, "Anna");
        var (boris, borisId) = await h.NewPerson(bot, "Boris");
        var campaign = await h.NewCampaign(account, [annaId, borisId],
            new StepSpec("Hi {{contact.first_name}}"), new StepSpec("Following up", DelayHours: 24), new StepSpec("Last try", DelayHours: 48));

        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        await h.WaitForMessages(anna, 1, "Anna's first step");
        await h.WaitForMessages(boris, 1, "Boris's first step");
        Assert.Equal("Hi Anna", h.MessagesTo(anna)[0].Text);

        h.Simulator.UserWrites(bot, anna, "Tell me more");
        await h.WaitForParticipant(campaign, annaId, p => p.Str("status") == "replied", "Anna replied");
        h.Clock.Advance(TimeSpan.FromHours(25));
        await h.WaitForMessages(boris, 2, "Boris's second step");
        h.Clock.Advance(TimeSpan.FromHours(49));
        await h.WaitForMessages(boris, 3, "Boris's third step");
        await h.WaitForParticipant(campaign, borisId, p => p.Str("status") == "completed", "Boris completed");
        await h.Wake(campaign, annaId);

        Assert.Single(h.MessagesTo(anna));
        Assert.Equal(["Hi Boris", "Following up", "Last try"], h.MessagesTo(boris).Select(m => m.Text));
        var stats = await h.Stats(campaign);
        Assert.Equal(2, stats["total"]!.GetValue<int>());
        Assert.Equal(1, stats["replied"]!.GetValue<int>());
        Assert.Equal(1, stats["completed"]!.GetValue<int>());
        Assert.Equal(4, stats["messages_sent"]!.GetValue<int>());
        var first = stats["steps"]!.AsArray().Single(s => s!["order_index"]!.GetValue<int>() == 0)!;
        Assert.Equal(2, first["sent"]!.GetValue<int>());
        Assert.Equal(1, first["replied_after"]!.GetValue<int>());
        // Everyone is final: the campaign completes by itself.
        await OutreachHarness.Eventually(() => h.Admin.GetCampaign(campaign), c => c.Str("status") == "completed", "the campaign completed");
    }

    [Fact]
    public async Task After_reply_step_goes_out_its_delay_after_the_reply_and_delay_steps_are_cancelled()
    {
        var (bot, account) = await h.NewAccount();
        var (vera, veraId) = await h.NewPerson(bot, "Vera");
        var campaign = await h.NewCampaign(account, [veraId],
            new StepSpec("Hello"), new StepSpec("Nudge", DelayHours: 24), new StepSpec("Thanks for answering", DelayHours: 2, AfterReply: true));

        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        await h.WaitForMessages(vera, 1, "the first step");
        h.Simulator.UserWrites(bot, vera, "Yes?");
        var replied = await h.WaitForParticipant(campaign, veraId, p => p.Str("status") == "replied", "Vera replied");
        Assert.Equal(2, replied["current_step"]!.GetValue<int>());
        Assert.Equal(h.Clock.GetUtcNow().AddHours(2), DateTimeOffset.Parse(replied.Str("next_send_at")));

        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.Wake(campaign, veraId);
        Assert.Single(h.MessagesTo(vera));
        h.Clock.Advance(TimeSpan.FromHours(30));
        await h.WaitForMessages(vera, 2, "the after_reply step");
        await h.WaitForParticipant(campaign, veraId, p => p["next_send_at"] is null, "nothing left to send");

        Assert.Equal(["Hello", "Thanks for answering"], h.MessagesTo(vera).Select(m => m.Text));
        Assert.Equal("replied", (await h.Participant(campaign, veraId)).Str("status"));
    }

    [Fact]
    public async Task A_step_whose_conditions_fail_is_skipped_without_a_send_or_a_row()
    {
        var (bot, account) = await h.NewAccount();
        var (gleb, glebId) = await h.NewPerson(bot, "Gleb");
        var needsEmail = new JsonObject { ["contact"] = new JsonArray(new JsonObject { ["field"] = "email", ["op"] = "not_empty" }) };
        var campaign = await h.NewCampaign(account, [glebId],
            new StepSpec("Only with e-mail", Conditions: needsEmail), new StepSpec("Everyone"));

        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        await h.WaitForParticipant(campaign, glebId, p => p.Str("status") == "completed", "Gleb completed");

        Assert.Equal(["Everyone"], h.MessagesTo(gleb).Select(m => m.Text));
        Assert.Equal([(1, "sent", 1)], await h.Sends(campaign, glebId));
        var steps = (await h.Stats(campaign))["steps"]!.AsArray();
        Assert.Equal(1, steps.Single(s => s!["order_index"]!.GetValue<int>() == 0)!["skipped"]!.GetValue<int>());
        Assert.Equal(0, steps.Single(s => s!["order_index"]!.GetValue<int>() == 0)!["sent"]!.GetValue<int>());
    }

    [Fact]
    public async Task Telegram_429_reschedules_after_retry_after_and_then_sends_once()
    {
        var (bot, account) = await h.NewAccount();
        var (dina, dinaId) = await h.NewPerson(bot, "Dina");
        h.Simulator.Faults.FailNextSends(TelegramFault.TooManyRequests, times: 1, chatId: dina.Id, retryAfterSeconds: 30);
        var campaign = await h.NewCampaign(account, [dinaId], new StepSpec("Hello Dina"));
        var started = h.Clock.GetUtcNow();

        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        var waiting = await h.WaitForParticipant(campaign, dinaId, p => p["next_send_at"] is { } at && DateTimeOffset.Parse(at.GetValue<string>()) > started,
            "the step rescheduled after retry_after");

        Assert.Equal("pending", waiting.Str("status"));
        Assert.Equal(started.AddSeconds(30), DateTimeOffset.Parse(waiting.Str("next_send_at")));
        Assert.Empty(await h.Sends(campaign, dinaId));
        h.Clock.Advance(TimeSpan.FromSeconds(31));
        await h.WaitForParticipant(campaign, dinaId, p => p.Str("status") == "completed", "sent after the hold");
        Assert.Single(h.MessagesTo(dina));
        Assert.Equal([(0, "sent", 1)], await h.Sends(campaign, dinaId));
    }

    [Fact]
    public async Task Telegram_403_bounces_the_participant_with_the_reason_in_plain_words()
    {
        var (bot, account) = await h.NewAccount();
        var (egor, egorId) = await h.NewPerson(bot, "Egor", started: false);
        var campaign = await h.NewCampaign(account, [egorId], new StepSpec("Hello"), new StepSpec("Again", DelayHours: 1));

        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        var bounced = await h.WaitForParticipant(campaign, egorId, p => p.Str("status") == "bounced", "Egor bounced");

        Assert.Contains("has not started the bot", bounced.Str("reason"));
        Assert.Null(bounced["next_send_at"]);
        Assert.Empty(h.MessagesTo(egor));
        Assert.Equal([(0, "bounced", 1)], await h.Sends(campaign, egorId));
        Assert.Equal(1, (await h.Stats(campaign))["bounced"]!.GetValue<int>());
    }

    [Fact]
    public async Task Paused_campaign_sends_nothing_and_overdue_steps_go_out_after_resume()
    {
        var (bot, account) = await h.NewAccount();
        var (fedor, fedorId) = await h.NewPerson(bot, "Fedor");
        var campaign = await h.NewCampaign(account, [fedorId], new StepSpec("One"), new StepSpec("Two", DelayHours: 1));

        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        await h.WaitForMessages(fedor, 1, "the first step");
        await (await h.Admin.Post($"/api/campaigns/{campaign}/pause")).Expect(HttpStatusCode.OK);
        h.Clock.Advance(TimeSpan.FromHours(2));
        // As its own reminder would: a woken participant of a paused campaign does nothing.
        await h.Wake(campaign, fedorId);
        Assert.Single(h.MessagesTo(fedor));

        await (await h.Admin.Post($"/api/campaigns/{campaign}/resume")).Expect(HttpStatusCode.OK);
        await h.WaitForMessages(fedor, 2, "the overdue step after resume");
        Assert.Equal(["One", "Two"], h.MessagesTo(fedor).Select(m => m.Text));
    }

    [Fact]
    public async Task Daily_cap_carries_the_rest_to_the_next_day()
    {
        var (bot, account) = await h.NewAccount(dailyCap: 1);
        var (galya, galyaId) = await h.NewPerson(bot, "Galya");
        var (ivan, ivanId) = await h.NewPerson(bot, "Ivan");
        var campaign = await h.NewCampaign(account, [galyaId, ivanId], new StepSpec("Hello"));

        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        var tomorrow = new DateTimeOffset(h.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        await OutreachHarness.Eventually(
            async () => new[] { await h.Participant(campaign, galyaId), await h.Participant(campaign, ivanId) },
            ps => ps.Count(p => p.Str("status") == "completed") == 1 && ps.Any(p => p["next_send_at"] is { } at && DateTimeOffset.Parse(at.GetValue<string>()) == tomorrow),
            "one sent today, the other due tomorrow");

        Assert.Equal(1, h.MessagesTo(galya).Count + h.MessagesTo(ivan).Count);
        h.Clock.Advance(tomorrow - h.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await OutreachHarness.Eventually(() => Task.FromResult(h.MessagesTo(galya).Count + h.MessagesTo(ivan).Count), n => n == 2, "the second send the next day");
        Assert.Single(h.MessagesTo(galya));
        Assert.Single(h.MessagesTo(ivan));
    }

    [Fact]
    public async Task An_intent_left_without_outcome_is_unknown_not_resent_and_an_operator_retry_sends_it()
    {
        var (bot, account) = await h.NewAccount();
        var (kira, kiraId) = await h.NewPerson(bot, "Kira");
        var campaign = await h.NewCampaign(account, [kiraId], new StepSpec("Waiting", DelayHours: 1), new StepSpec("Second", DelayHours: 1));
        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        // What a silo that died after recording the intent (and maybe calling Telegram) leaves behind.
        await h.Sql("""
            INSERT INTO outreach_sends (id, campaign_id, contact_id, organization_id, step_index, sending_account_id, status, created_at)
            VALUES (gen_random_uuid(), $1, $2, $3, 0, $4, 'intent', now())
            """, campaign, kiraId, h.Org.Id, account);

        h.Clock.Advance(TimeSpan.FromHours(1));
        var held = await h.WaitForParticipant(campaign, kiraId, p => p["held"]!.GetValue<bool>(), "Kira held");
        await h.Wake(campaign, kiraId);

        Assert.Empty(h.MessagesTo(kira));
        Assert.Contains("unknown", held.Str("reason"));
        Assert.Equal([(0, "unknown", 1)], await h.Sends(campaign, kiraId));
        Assert.Equal(1, (await h.Stats(campaign))["held"]!.GetValue<int>());

        var retried = await (await h.Admin.Post($"/api/campaigns/{campaign}/participants/{kiraId}/retry")).ExpectJson(HttpStatusCode.OK);
        Assert.False(retried["held"]!.GetValue<bool>());
        Assert.Equal(["Waiting"], h.MessagesTo(kira).Select(m => m.Text));
        Assert.Equal([(0, "sent", 2)], await h.Sends(campaign, kiraId));
        await (await h.Admin.Post($"/api/campaigns/{campaign}/participants/{kiraId}/retry")).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_send_whose_answer_is_lost_is_unknown_after_reactivation_and_never_sent_again_by_itself()
    {
        var (bot, account) = await h.NewAccount();
        var (olga, olgaId) = await h.NewPerson(bot, "Olga");
        var campaign = await h.NewCampaign(account, [olgaId], new StepSpec("Delivered once", DelayHours: 1), new StepSpec("Next", DelayHours: 1));
        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        h.Gateway.InterruptNextSendTo(olga.Id);

        h.Clock.Advance(TimeSpan.FromHours(1));
        var held = await h.WaitForParticipant(campaign, olgaId, p => p["held"]!.GetValue<bool>(), "Olga held after the lost answer");
        await h.Wake(campaign, olgaId);
        h.Clock.Advance(TimeSpan.FromHours(5));
        await h.Wake(campaign, olgaId);

        // Telegram got it once; the platform could not know, so it asks an operator instead of sending again.
        Assert.Single(h.MessagesTo(olga));
        Assert.Equal([(0, "unknown", 1)], await h.Sends(campaign, olgaId));
        Assert.Equal("pending", held.Str("status"));

        await (await h.Admin.Post($"/api/campaigns/{campaign}/participants/{olgaId}/skip")).Expect(HttpStatusCode.OK);
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.WaitForMessages(olga, 2, "the next step after the skip");
        Assert.Equal(["Delivered once", "Next"], h.MessagesTo(olga).Select(m => m.Text));
    }

    [Fact]
    public async Task Operator_skip_takes_the_unknown_step_as_sent_and_goes_on()
    {
        var (bot, account) = await h.NewAccount();
        var (lev, levId) = await h.NewPerson(bot, "Lev");
        var campaign = await h.NewCampaign(account, [levId], new StepSpec("First", DelayHours: 1), new StepSpec("Second"));
        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        await h.Sql("""
            INSERT INTO outreach_sends (id, campaign_id, contact_id, organization_id, step_index, sending_account_id, status, created_at)
            VALUES (gen_random_uuid(), $1, $2, $3, 0, $4, 'intent', now())
            """, campaign, levId, h.Org.Id, account);
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.WaitForParticipant(campaign, levId, p => p["held"]!.GetValue<bool>(), "Lev held");

        await (await h.Admin.Post($"/api/campaigns/{campaign}/participants/{levId}/skip")).Expect(HttpStatusCode.OK);
        await h.WaitForMessages(lev, 1, "the second step");

        Assert.Equal(["Second"], h.MessagesTo(lev).Select(m => m.Text));
        Assert.Equal([(0, "unknown", 1), (1, "sent", 1)], await h.Sends(campaign, levId));
    }

    [Fact]
    public async Task Stop_completes_the_campaign_and_stops_the_remaining_participants()
    {
        var (bot, account) = await h.NewAccount();
        var (mila, milaId) = await h.NewPerson(bot, "Mila");
        var campaign = await h.NewCampaign(account, [milaId], new StepSpec("One"), new StepSpec("Two", DelayHours: 5));
        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        await h.WaitForMessages(mila, 1, "the first step");

        var stopped = await (await h.Admin.Post($"/api/campaigns/{campaign}/stop")).ExpectJson(HttpStatusCode.OK);
        h.Clock.Advance(TimeSpan.FromHours(6));
        await h.Wake(campaign, milaId);

        Assert.Equal("completed", stopped.Str("status"));
        Assert.Equal("stopped", (await h.Participant(campaign, milaId)).Str("status"));
        Assert.Single(h.MessagesTo(mila));
        Assert.Equal(1, (await h.Stats(campaign))["stopped"]!.GetValue<int>());
    }

    [Fact]
    public async Task Start_is_refused_without_steps_without_an_active_account_or_without_anyone_to_write_to()
    {
        var (bot, account) = await h.NewAccount();
        var (_, nadyaId) = await h.NewPerson(bot, "Nadya");
        var noTelegram = (await h.Admin.CreateContact(new { first_name = "Offline" })).Id();
        var (_, disabled) = await h.NewAccount();

        var noSteps = await h.NewCampaign(account, [nadyaId]);
        var disabledAccount = await h.NewCampaign(disabled, [nadyaId], new StepSpec("Hi"));
        var nobody = await h.NewCampaign(account, [noTelegram], new StepSpec("Hi"));
        await (await h.Admin.Patch($"/api/sending-accounts/{disabled}", new { status = "disabled" })).Expect(HttpStatusCode.OK);

        var p1 = await (await h.Admin.Post($"/api/campaigns/{noSteps}/start")).ExpectProblem(HttpStatusCode.Conflict);
        var p2 = await (await h.Admin.Post($"/api/campaigns/{disabledAccount}/start")).ExpectProblem(HttpStatusCode.Conflict);
        var p3 = await (await h.Admin.Post($"/api/campaigns/{nobody}/start")).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Contains("no sequence steps", p1["detail"]!.GetValue<string>());
        Assert.Contains("disabled", p2["detail"]!.GetValue<string>());
        Assert.Contains("Telegram id", p3["detail"]!.GetValue<string>());
        Assert.Equal("draft", (await h.Admin.GetCampaign(nobody)).Str("status"));
        Assert.Equal(0, (await h.Stats(nobody))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Leads_are_created_once_per_contact_on_first_send_or_on_reply_as_configured()
    {
        var (bot, account) = await h.NewAccount();
        var pipeline = await h.Admin.CreatePipeline("New", "Talking");
        var (petr, petrId) = await h.NewPerson(bot, "Petr");
        var (rita, ritaId) = await h.NewPerson(bot, "Rita");
        var onSend = await h.NewCampaign(new
        {
            target_audience = new { contact_ids = new[] { petrId }, bd_account_id = account },
            pipeline_id = pipeline.Id(),
            lead_creation_settings = new { trigger = "on_first_send" },
        }, new StepSpec("One"), new StepSpec("Two"));
        var onReply = await h.NewCampaign(new
        {
            target_audience = new { contact_ids = new[] { ritaId }, bd_account_id = account },
            pipeline_id = pipeline.Id(),
            lead_creation_settings = new { trigger = "on_reply", default_stage_id = pipeline.StageId(1) },
        }, new StepSpec("Hello"), new StepSpec("Later", DelayHours: 5));

        await (await h.Admin.Post($"/api/campaigns/{onSend}/start")).Expect(HttpStatusCode.OK);
        await (await h.Admin.Post($"/api/campaigns/{onReply}/start")).Expect(HttpStatusCode.OK);
        await h.WaitForMessages(petr, 2, "Petr's two steps");
        await h.WaitForMessages(rita, 1, "Rita's first step");
        var beforeReply = await Leads(pipeline.Id());
        h.Simulator.UserWrites(bot, rita, "Sounds good");
        var leads = await OutreachHarness.Eventually(() => Leads(pipeline.Id()), l => l.Count == 2, "Rita's lead after her reply");

        Assert.Equal([(petrId, pipeline.StageId(0))], beforeReply);
        Assert.Contains((ritaId, pipeline.StageId(1)), leads);
    }

    private async Task<List<(Guid ContactId, Guid StageId)>> Leads(Guid pipelineId)
    {
        var page = await (await h.Admin.Get($"/api/pipeline/leads?pipeline_id={pipelineId}")).ExpectJson(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(l => (Guid.Parse(l!.Str("contact_id")), Guid.Parse(l!.Str("stage_id")))).ToList();
    }

    [Fact]
    public async Task Start_spreads_first_sends_by_the_jitter_inside_the_window()
    {
        var (bot, account) = await h.NewAccount();
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await h.NewPerson(bot, $"J{i}")).ContactId);
        }

        // The window opens at 10:00 UTC every day; the clock is earlier or later, so the first sends wait for a window.
        var campaign = await h.NewCampaign(new
        {
            target_audience = new { contact_ids = ids, bd_account_id = account },
            schedule = new { timezone = "UTC", working_hours = new { start = "10:00", end = "11:00" }, days_of_week = new[] { 0, 1, 2, 3, 4, 5, 6 } },
            jitter_minutes = 60,
        }, new StepSpec("Hi", DelayHours: 0));
        var now = h.Clock.GetUtcNow();
        var opening = now.TimeOfDay < TimeSpan.FromHours(10)
            ? new DateTimeOffset(now.UtcDateTime.Date.AddHours(10), TimeSpan.Zero)
            : new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(10), TimeSpan.Zero);

        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        var page = await (await h.Admin.Get($"/api/campaigns/{campaign}/participants")).ExpectJson(HttpStatusCode.OK);
        var due = page["items"]!.AsArray().Select(p => DateTimeOffset.Parse(p!.Str("next_send_at"))).ToList();

        Assert.Equal(6, due.Count);
        Assert.All(due, at => Assert.InRange(at, opening, opening.AddHours(1)));
        Assert.True(due.Distinct().Count() > 1, "the jitter spreads participants over the window");
    }

    [Fact]
    public async Task Participants_list_filters_by_status_and_pages_and_another_tenant_gets_404()
    {
        var (bot, account) = await h.NewAccount();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await h.NewPerson(bot, $"P{i}")).ContactId);
        }

        var offline = (await h.Admin.CreateContact(new { first_name = "NoTg" })).Id();
        ids.Add(offline);
        var campaign = await h.NewCampaign(account, ids, new StepSpec("Hi", DelayHours: 5));
        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);

        var first = await (await h.Admin.Get($"/api/campaigns/{campaign}/participants?limit=2")).ExpectJson(HttpStatusCode.OK);
        var second = await (await h.Admin.Get($"/api/campaigns/{campaign}/participants?limit=2&cursor={first.Str("next_cursor")}")).ExpectJson(HttpStatusCode.OK);
        var bounced = await (await h.Admin.Get($"/api/campaigns/{campaign}/participants?status=bounced")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(4, first["items"]!.AsArray().Count + second["items"]!.AsArray().Count);
        Assert.Equal(offline.ToString(), bounced["items"]!.AsArray().Single()!.Str("contact_id"));
        await (await h.Admin.Get($"/api/campaigns/{campaign}/participants?status=nope")).ExpectValidationProblem("status");
        var other = await Infrastructure.TestOrganizations.Create(h.ConnectionString);
        using var stranger = h.Host.Client(other.AdminKey);
        await (await stranger.Get($"/api/campaigns/{campaign}/participants")).ExpectProblem(HttpStatusCode.NotFound);
        await (await stranger.Get($"/api/campaigns/{campaign}/stats")).ExpectProblem(HttpStatusCode.NotFound);
    }
}
