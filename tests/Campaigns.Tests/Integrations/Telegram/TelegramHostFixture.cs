using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Outreach;
using Campaigns.Simulators.Telegram;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Campaigns.Tests.Integrations.Telegram;

/// <summary>
/// A Telegram Bot API simulator and an API host (co-hosting a silo) pointed at it, with a recording
/// <see cref="IIncomingMessageSink"/>, every log entry captured, webhooks addressed to this host, and an organization.
/// </summary>
public sealed class TelegramHostFixture(PostgresFixture postgres) : IAsyncLifetime
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public TelegramSimulator Simulator { get; private set; } = null!;

    public TestApiHost Host { get; private set; } = null!;

    public RecordingSink Sink { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public TestOrganization Org { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public string ConnectionString => postgres.ConnectionString;

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's gateway, as the outreach participants use it.</summary>
    public global::Campaigns.Integrations.Telegram.ITelegramGateway Gateway =>
        Host.Services.GetRequiredService<global::Campaigns.Integrations.Telegram.ITelegramGateway>();

    public async ValueTask InitializeAsync()
    {
        Simulator = await TelegramSimulator.Start();
        Host = await StartHost(postgres.ConnectionString, Simulator, Sink, Logs);
        Org = await TestOrganizations.Create(postgres.ConnectionString);
        Admin = Host.Client(Org.AdminKey);
    }

    /// <summary>
    /// An API host pointed at <paramref name="simulator"/>, handing private messages to <paramref name="sink"/>; webhooks
    /// are addressed to it. <paramref name="clusterId"/> rejoins a stopped host's cluster (its reminders included).
    /// </summary>
    public static async Task<TestApiHost> StartHost(
        string connectionString, TelegramSimulator simulator, RecordingSink sink, CapturedLogs? logs = null, string? clusterId = null)
    {
        var port = FreePorts.Next();
        return await TestApiHost.Start(connectionString, clusterId, settings: new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Telegram:BaseUrl"] = simulator.BaseUrl,
            ["Telegram:WebhookBaseUrl"] = $"http://127.0.0.1:{port}",
            // Short long polls so a test's host stops quickly; quick retries so retry tests take milliseconds.
            ["Telegram:LongPollTimeout"] = "00:00:02",
            ["Telegram:RetryBaseDelay"] = "00:00:00.010",
            ["Telegram:RequestTimeout"] = "00:00:05",
            ["Telegram:PollingKeepAlive"] = "00:00:01",
            // Everything our code and the HTTP stack log is captured, to prove no token is in it.
            ["Logging:LogLevel:Default"] = logs is null ? "Warning" : "Trace",
        }, services: services =>
        {
            if (logs is not null)
            {
                services.RemoveAll<ILoggerProvider>();
                services.AddSingleton<ILoggerProvider>(logs);
            }

            services.AddSingleton<IIncomingMessageSink>(sink);
        });
    }

    /// <summary>A bot on the simulator registered as a sending account of <see cref="Org"/> (or of <paramref name="admin"/>'s organization).</summary>
    public async Task<(SimulatedBot Bot, JsonNode Account)> NewAccount(string updates = "polling", int? dailyCap = null, HttpClient? admin = null)
    {
        var bot = Simulator.AddBot($"bot_{Guid.NewGuid():N}"[..20]);
        var account = await (await (admin ?? Admin).Post("/api/sending-accounts", new
        {
            name = $"Sales bot {bot.Id}", bot_token = bot.Token, daily_cap = dailyCap, updates,
        })).ExpectJson(HttpStatusCode.Created);
        return (bot, account);
    }

    /// <summary>Runs SQL against the test database (for facts other engineers' code writes, such as outreach_sends).</summary>
    public Task Sql(string sql, params object[] parameters) => TestDatabase.Execute(sql, parameters);

    /// <summary>Polls until <paramref name="reached"/> holds, failing with <paramref name="what"/> after <see cref="Deadline"/>.</summary>
    public static Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> reached, string what) =>
        Waiting.Eventually(read, reached, what, Deadline);

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
