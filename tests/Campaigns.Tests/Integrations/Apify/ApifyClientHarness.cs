using Campaigns.Integrations.Apify;
using Campaigns.Simulators.Apify;
using Campaigns.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Tests.Integrations.Apify;

/// <summary>
/// The real <see cref="ApifyClient"/> wired exactly as the silo wires it (<see cref="ApifyRegistration.AddApifyClient"/>),
/// pointed at a simulator, with delays shrunk so retries and polling take milliseconds.
/// </summary>
internal sealed class ApifyClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private ApifyClientHarness(ServiceProvider services, CapturedLogs logs)
    {
        this.services = services;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => services;

    public ApifyClient Client => services.GetRequiredService<ApifyClient>();

    public const int MaxRetryAttempts = 3;

    /// <param name="token">The token the client sends; defaults to the one the simulator accepts.</param>
    /// <param name="settings">Extra or overriding <c>Apify:*</c> settings.</param>
    /// <param name="refused">When set, sits under the retry handler and refuses the first connections it is told to.</param>
    public static ApifyClientHarness For(ApifySimulator simulator, string? token = null, IDictionary<string, string?>? settings = null, RefusedConnections? refused = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Apify:BaseUrl"] = simulator.BaseUrl,
            ["Apify:Token"] = token ?? simulator.Token,
            ["Apify:MaxRetryAttempts"] = MaxRetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Apify:RetryBaseDelay"] = "00:00:00.010",
            ["Apify:PollInterval"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        return Build(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(), refused);
    }

    public static ApifyClientHarness Build(IConfiguration configuration, RefusedConnections? refused = null)
    {
        var logs = new CapturedLogs();
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddApifyClient(configuration);
        if (refused is not null)
            collection.AddHttpClient<ApifyClient>().AddHttpMessageHandler(() => refused);
        var services = collection.BuildServiceProvider();
        return new ApifyClientHarness(services, logs);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
