using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Integrations.Telegram;
using Campaigns.Outreach;
using Campaigns.Simulators.Telegram;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Campaigns.Tests.Outreach;

/// <summary>
/// An API host (co-hosting a silo) on a <see cref="ManualClock"/>, pointed at a Telegram Bot API simulator on the same
/// clock, with the outreach dispatch ticking every 50 ms of real time: tests move domain time with
/// <see cref="Clock"/> and wait for effects, never for time.
/// </summary>
public sealed class OutreachHarness(PostgresFixture postgres) : IAsyncLifetime
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>A Monday, 09:00 UTC: inside any office-hours window the tests use.</summary>
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public TelegramSimulator Simulator { get; private set; } = null!;

    public TestApiHost Host { get; private set; } = null!;

    public TestOrganization Org { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public string ConnectionString => postgres.ConnectionString;

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    private string clusterId = $"outreach-{Guid.NewGuid():N}";

    public async ValueTask InitializeAsync()
    {
        Simulator = await TelegramSimulator.Start(Clock);
        Host = await StartHost();
        Org = await TestOrganizations.Create(postgres.ConnectionString);
        Admin = Host.Client(Org.AdminKey);
    }

    /// <summary>Stops the host (its silo leaves gracefully) and starts a new one on the same cluster and service id: a silo restart.</summary>
    public async Task RestartHost()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
        Host = await StartHost();
        Admin = Host.Client(Org.AdminKey);
    }

    private Task<TestApiHost> StartHost() => TestApiHost.Start(postgres.ConnectionString, clusterId, new Dictionary<string, string?>
    {
        ["Telegram:BaseUrl"] = Simulator.BaseUrl,
        ["Telegram:LongPollTimeout"] = "00:00:01",
        ["Telegram:RetryBaseDelay"] = "00:00:00.010",
        // Short, so a test of an answer that never comes waits seconds, not the default 20.
        ["Telegram:RequestTimeout"] = "00:00:05",
        ["Outreach:DispatchTick"] = "00:00:00.050",
        ["Outreach:DispatchPeriod"] = "00:00:01",
        ["Outreach:ParticipantReminderPeriod"] = "00:01:00",
        ["Outreach:PlanCacheTtl"] = "00:00:00.100",
    }, services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ITelegramGateway>(provider =>
            new InterruptingGateway(ActivatorUtilities.CreateInstance<TelegramGateway>(provider)));
    });

    /// <summary>The silo's gateway: the real one, which a test can tell to lose the answer of one send.</summary>
    public InterruptingGateway Gateway => (InterruptingGateway)Host.Services.GetRequiredService<ITelegramGateway>();

    /// <summary>A bot on the simulator registered as a sending account of the organization.</summary>
    public async Task<(SimulatedBot Bot, Guid AccountId)> NewAccount(int? dailyCap = null)
    {
        var bot = Simulator.AddBot($"bot_{Guid.NewGuid():N}"[..20]);
        var account = await (await Admin.Post("/api/sending-accounts", new
        {
            name = $"Sales bot {bot.Id}", bot_token = bot.Token, daily_cap = dailyCap,
        })).ExpectJson(HttpStatusCode.Created);
        return (bot, account.Id());
    }

    /// <summary>A Telegram user who pressed Start on <paramref name="bot"/> (unless told not to), and the CRM contact for them.</summary>
    public async Task<(TelegramUser User, Guid ContactId)> NewPerson(SimulatedBot bot, string firstName, bool started = true, object? extra = null)
    {
        var user = Simulator.AddUser(firstName);
        if (started)
        {
            bot.MarkStarted([user.Id]);
        }

        var body = new JsonObject { ["first_name"] = firstName, ["telegram_id"] = user.Id };
        if (extra is not null)
        {
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        var contact = await Admin.CreateContact(body);
        return (user, contact.Id());
    }

    /// <summary>An outreach campaign writing to <paramref name="contactIds"/> from the account, with one template per step text.</summary>
    public async Task<Guid> NewCampaign(Guid accountId, IReadOnlyList<Guid> contactIds, params StepSpec[] steps) =>
        await NewCampaign(new { target_audience = new { contact_ids = contactIds, bd_account_id = accountId } }, steps);

    public async Task<Guid> NewCampaign(object section, params StepSpec[] steps)
    {
        var campaign = await Admin.CreateOutreach(section);
        var id = campaign.Id();
        var order = 0;
        foreach (var step in steps)
        {
            var template = await Admin.CreateTemplate(id, step.Text);
            await Admin.CreateStep(id, template.Id(), new
            {
                order_index = order++,
                delay_hours = step.DelayHours,
                trigger_type = step.AfterReply ? "after_reply" : "delay",
                conditions = step.Conditions ?? new JsonObject(),
            });
        }

        return id;
    }

    public async Task<JsonNode> Participant(Guid campaignId, Guid contactId)
    {
        var page = await (await Admin.Get($"/api/campaigns/{campaignId}/participants?limit=200")).ExpectJson(HttpStatusCode.OK);
        return page["items"]!.AsArray().Single(p => p!.Str("contact_id") == contactId.ToString())!;
    }

    public async Task<JsonNode> Stats(Guid campaignId) =>
        await (await Admin.Get($"/api/campaigns/{campaignId}/stats")).ExpectJson(HttpStatusCode.OK);

    public IReadOnlyList<SentTelegramMessage> MessagesTo(TelegramUser user) => Simulator.MessagesTo(user.Id);

    /// <summary>The rows of outreach_sends of one participant: (step, status, attempts).</summary>
    public async Task<List<(int Step, string Status, int Attempts)>> Sends(Guid campaignId, Guid contactId)
    {
        await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var cmd = db.CreateCommand(
            "SELECT step_index, status, attempts FROM outreach_sends WHERE campaign_id = $1 AND contact_id = $2 ORDER BY step_index");
        cmd.Parameters.AddWithValue(campaignId);
        cmd.Parameters.AddWithValue(contactId);
        var rows = new List<(int, string, int)>();
        await using var r = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await r.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((r.GetInt32(0), r.GetString(1), r.GetInt32(2)));
        }

        return rows;
    }

    public Task Sql(string sql, params object[] parameters) => TestDatabase.Execute(sql, parameters);

    /// <summary>Polls until <paramref name="reached"/> holds, failing with <paramref name="what"/> after <see cref="Deadline"/>.</summary>
    public static Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> reached, string what) =>
        Waiting.Eventually(read, reached, what, Deadline);

    public Task<IReadOnlyList<SentTelegramMessage>> WaitForMessages(TelegramUser user, int count, string what) =>
        Eventually(() => Task.FromResult(MessagesTo(user)), m => m.Count >= count, what);

    public Task<JsonNode> WaitForParticipant(Guid campaignId, Guid contactId, Func<JsonNode, bool> reached, string what) =>
        Eventually(() => Participant(campaignId, contactId), reached, what);

    /// <summary>Wakes a participant directly (as its reminder would) and returns once the wake is done: proof that nothing happened is then immediate.</summary>
    public Task Wake(Guid campaignId, Guid contactId) => Grains.Participant(campaignId, contactId).Wake();

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }
}

/// <summary>One step of a test's sequence: its text, its delay, whether it waits for a reply, its seed §3.5 conditions.</summary>
public sealed record StepSpec(string Text, int DelayHours = 0, bool AfterReply = false, JsonObject? Conditions = null);
