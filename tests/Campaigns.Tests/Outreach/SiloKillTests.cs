using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Campaigns.Campaigns;
using Campaigns.Simulators.Telegram;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

/// <summary>
/// Liveness after a silo dies: two API processes (each co-hosting a silo) run an outreach campaign whose audience came
/// from a CSV import; the process whose silo holds the campaign grain is SIGKILLed while it sends. With the product's
/// own membership timings and dispatch reminder, the survivor resumes sending within two minutes, and nobody gets the
/// step twice.
/// </summary>
public sealed class SiloKillTests(PostgresFixture postgres)
{
    private const int Contacts = 300;
    private const string StepText = "Hello from the liveness check";

    /// <summary>
    /// The pacing: each participant's stable jitter spreads the first step over two minutes (about 2.5 sends a second),
    /// so sending goes on well past the kill. A send_delay_seconds of 1 (its least) would need 300 s for 300 contacts.
    /// </summary>
    private const int JitterMinutes = 2;

    private static readonly TimeSpan Spread = TimeSpan.FromMinutes(JitterMinutes);

    /// <summary>The claim: membership death detection plus one period of the dispatch reminder (Outreach:DispatchPeriod, 1 min).</summary>
    private static readonly TimeSpan ResumeWithin = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Sends that were already past the campaign's call when the silo died may still land just after the kill; only
    /// sends after this long count as resumed (wakes take milliseconds, the death is declared after several seconds).
    /// </summary>
    private static readonly TimeSpan InFlightSettle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Campaign_whose_silo_is_killed_resumes_sending_on_the_survivor_within_two_minutes()
    {
        var sinceStart = Stopwatch.StartNew();
        await using var telegram = await TelegramSimulator.Start();
        var bot = telegram.AddBot($"kill_{Guid.NewGuid():N}"[..20]);
        bot.AnyoneMayBeMessaged = true;
        // Only what the test needs differs from production: no Apify worker (the database is shared), the simulator as
        // Telegram, warnings and errors only. Membership timings, Outreach:DispatchPeriod and reminder minimums stay the defaults.
        await using var cluster = await ProcessCluster.Start(postgres.ConnectionString, 2, new Dictionary<string, string>
        {
            ["Apify:WorkerEnabled"] = "false",
            ["Telegram:BaseUrl"] = telegram.BaseUrl,
            ["Logging:LogLevel:Default"] = "Warning",
        }, readyWithin: TimeSpan.FromSeconds(90));
        Report($"two processes up and clustered after {sinceStart.Elapsed.TotalSeconds:F1} s");

        try
        {
            await KillAndResume(cluster, telegram, bot, sinceStart);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n\nWhat the processes wrote (last lines, UTC):\n{cluster.Output}", e);
        }
    }

    private async Task KillAndResume(ProcessCluster cluster, TelegramSimulator telegram, SimulatedBot bot, Stopwatch sinceStart)
    {
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        var clients = cluster.Members.ToDictionary(m => m, m => m.Client(org.AdminKey));
        try
        {
            var setup = clients[cluster.Members[0]];
            var campaign = await NewCsvCampaign(setup, bot);
            await (await setup.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
            var lastDue = DateTimeOffset.UtcNow + Spread;
            var doomed = await cluster.HostOf<ICampaignGrain>(campaign);
            var survivor = cluster.Members.Single(m => m != doomed);
            Report($"campaign started after {sinceStart.Elapsed.TotalSeconds:F1} s; its grain is on {doomed.Name} (silo port {doomed.SiloPort}), which will be killed");

            await Waiting.Eventually(() => Task.FromResult(Sent(telegram, bot).Count), n => n >= 20, "some sends before the kill", TimeSpan.FromSeconds(60));
            var killedAt = DateTimeOffset.UtcNow;
            await doomed.Kill();
            var sentBeforeKill = Sent(telegram, bot).Count;
            Report($"SIGKILL {doomed.Name} at {killedAt:HH:mm:ss.fff} UTC after {sentBeforeKill} of {Contacts} sends");

            var resumedAt = await FirstSendAfter(cluster, doomed, telegram, bot, killedAt);
            Report($"first new send {(resumedAt - killedAt).TotalSeconds:F1} s after the kill (limit {ResumeWithin.TotalSeconds:F0} s)");

            // The last planned send, or the resumption if it came later (then everything left was overdue), plus room for the tail.
            var stats = await WaitUntilSettled(clients[survivor], campaign, until: (lastDue > resumedAt ? lastDue : resumedAt) + TimeSpan.FromSeconds(45));
            Report($"all {Contacts} settled {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:F1} s after the kill: {stats.ToJsonString()}");

            await AssertSentOnceOrHeld(clients[survivor], campaign, telegram, bot, stats);
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>A sending account on the bot, an outreach campaign of one step, and its audience imported from a CSV file.</summary>
    private static async Task<Guid> NewCsvCampaign(HttpClient api, SimulatedBot bot)
    {
        var account = await (await api.Post("/api/sending-accounts", new
        {
            name = $"Liveness bot {bot.Id}", bot_token = bot.Token, daily_cap = Contacts * 2,
        })).ExpectJson(HttpStatusCode.Created);
        var campaign = (await api.CreateOutreach(new
        {
            target_audience = new { bd_account_id = account.Id(), send_delay_seconds = 0 },
            jitter_minutes = JitterMinutes,
        })).Id();
        var template = await api.CreateTemplate(campaign, StepText);
        await api.CreateStep(campaign, template.Id(), new { order_index = 0, delay_hours = 0, trigger_type = "delay" });

        var csv = new StringBuilder("first_name;telegram_id\n");
        var firstTelegramId = Random.Shared.NextInt64(1_000_000_000, 6_000_000_000_000);
        for (var i = 0; i < Contacts; i++)
        {
            csv.Append($"Kill{i};{firstTelegramId + i}\n");
        }

        var import = await (await api.Post($"/api/campaigns/{campaign}/audience/from-csv", new { content = csv.ToString(), has_header = true }))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal(Contacts, import["created"]!.GetValue<int>());
        Assert.Equal(Contacts, import["contact_ids"]!.AsArray().Count);
        Assert.Empty(import["errors"]!.AsArray());
        return campaign;
    }

    /// <summary>
    /// Waits, without calling the campaign (an API read would activate it early), for a send after the in-flight ones;
    /// only a new activation of the campaign on the survivor, brought back by its dispatch reminder, can make one.
    /// </summary>
    private async Task<DateTimeOffset> FirstSendAfter(
        ProcessCluster cluster, ApiProcess doomed, TelegramSimulator telegram, SimulatedBot bot, DateTimeOffset killedAt)
    {
        DateTimeOffset? declaredDeadAt = null;
        while (true)
        {
            if (Sent(telegram, bot).FirstOrDefault(m => m.At >= killedAt + InFlightSettle) is { } resumed)
            {
                return resumed.At;
            }

            if (declaredDeadAt is null && await cluster.DeclaredDead(doomed))
            {
                declaredDeadAt = DateTimeOffset.UtcNow;
                Report($"{doomed.Name} declared dead in the membership table {(declaredDeadAt.Value - killedAt).TotalSeconds:F1} s after the kill");
            }

            Assert.True(DateTimeOffset.UtcNow < killedAt + ResumeWithin,
                $"No send in the {ResumeWithin.TotalSeconds:F0} s after the campaign's silo was killed "
                + $"({Sent(telegram, bot).Count} of {Contacts} sent, {(declaredDeadAt is null ? "the silo was never declared dead" : $"declared dead {(declaredDeadAt.Value - killedAt).TotalSeconds:F1} s after the kill")}): "
                + "the campaign did not come back on the survivor.");
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// The never-twice rule after the kill: no chat got the step twice; every completed participant's chat got it once;
    /// the rest are held for an operator (their send's outcome is unknown: it may or may not have arrived).
    /// </summary>
    private static async Task AssertSentOnceOrHeld(HttpClient survivor, Guid campaign, TelegramSimulator telegram, SimulatedBot bot, JsonNode stats)
    {
        var participants = await survivor.All($"/api/campaigns/{campaign}/participants");
        var received = Sent(telegram, bot).GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        var completed = participants.Where(p => p.Str("status") == "completed").Select(p => p["chat_id"]!.GetValue<long>()).ToHashSet();
        var held = participants.Where(p => p["held"]!.GetValue<bool>()).ToList();

        Assert.Equal(Contacts, participants.Count);
        Assert.Empty(received.Where(r => r.Value > 1).Select(r => $"chat {r.Key} got the step {r.Value} times"));
        Assert.Equal(Contacts, completed.Count + held.Count);
        Assert.Empty(completed.Where(chat => !received.ContainsKey(chat)).Select(chat => $"completed chat {chat} got nothing"));
        Assert.Empty(received.Keys.Where(chat => !completed.Contains(chat) && !held.Any(h => h["chat_id"]!.GetValue<long>() == chat))
            .Select(chat => $"chat {chat} got the step but is neither completed nor held"));
        Assert.All(held, h => Assert.Contains("unknown", h.Str("reason")));
        Assert.Equal(completed.Count, stats["messages_sent"]!.GetValue<int>());
        Assert.Equal(held.Count, stats["held"]!.GetValue<int>());
        Report($"{completed.Count} sent once, {held.Count} held for an unknown outcome ({held.Count(h => received.ContainsKey(h["chat_id"]!.GetValue<long>()))} of them did arrive), none twice");
    }

    private static IReadOnlyList<SentTelegramMessage> Sent(TelegramSimulator telegram, SimulatedBot bot) =>
        telegram.Messages.Where(m => m.BotId == bot.Id && m.Text == StepText).ToList();

    /// <summary>
    /// Polls the survivor's stats (once a second: each read aggregates the campaign's rows) until every participant has
    /// sent its one step (completed), ended otherwise, or is held.
    /// </summary>
    private static async Task<JsonNode> WaitUntilSettled(HttpClient survivor, Guid campaign, DateTimeOffset until)
    {
        while (true)
        {
            var stats = await (await survivor.Get($"/api/campaigns/{campaign}/stats")).ExpectJson(HttpStatusCode.OK);
            var settled = new[] { "completed", "bounced", "failed", "stopped", "held" }.Sum(field => stats[field]!.GetValue<int>());
            if (settled == Contacts)
            {
                return stats;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Not every participant was sent or held by {until:HH:mm:ss} UTC: {stats.ToJsonString()}");
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
    }

    private static void Report(string line) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");
}
