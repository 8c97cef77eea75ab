using System.Net.Http.Headers;
using System.Net.Sockets;
using Campaigns.Api.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// The real API host (Kestrel on a free loopback port, co-hosting a silo) on the shared test database.
/// Each host gets its own Orleans cluster id unless told to join an existing one.
/// </summary>
public sealed class TestApiHost : IAsyncDisposable
{
    private readonly ApiHost host;

    private TestApiHost(ApiHost host, Uri address, string clusterId)
    {
        this.host = host;
        Address = address;
        ClusterId = clusterId;
    }

    public Uri Address { get; }

    public string ClusterId { get; }

    public IServiceProvider Services => host.App.Services;

    /// <remarks>
    /// Free ports are picked before the host binds them, so another socket of this busy test process can take one in
    /// between; a start that fails on an address in use is retried on new ports.
    /// </remarks>
    /// <param name="services">Replaces services of the host, such as the <see cref="TimeProvider"/> grains read.</param>
    public static async Task<TestApiHost> Start(
        string connectionString, string? clusterId = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        clusterId ??= $"test-{Guid.NewGuid():N}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStart(connectionString, clusterId, settings, services);
            }
            catch (Exception e) when (attempt < 5 && IsAddressInUse(e))
            {
            }
        }
    }

    private static bool IsAddressInUse(Exception? e) => e switch
    {
        null => false,
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => true,
        AggregateException a => a.InnerExceptions.Any(IsAddressInUse),
        _ => e.GetType().Name == "AddressInUseException"
             || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
             || IsAddressInUse(e.InnerException),
    };

    private static async Task<TestApiHost> TryStart(
        string connectionString, string clusterId, IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var httpPort = FreePorts.Next();
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Campaigns"] = connectionString,
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["Orleans:ClusterId"] = clusterId,
            // Reminders are stored per service id: hosts of other tests on the shared database must not fire this one's.
            ["Orleans:ServiceId"] = clusterId,
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(),
            ["Orleans:MinimumReminderPeriod"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests share one database; a worker here would take (or hold) other tests' due jobs.
            ["Apify:WorkerEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var host = await ApiHost.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            StoredState.RoundTripCheckingSerializer.Install(builder.Services);
            services?.Invoke(builder.Services);
        });
        try
        {
            await host.App.StartAsync();
        }
        catch
        {
            try
            {
                await host.DisposeAsync();
            }
            catch (Exception)
            {
                // The start failure is what matters; a host that never started may not stop cleanly.
            }

            throw;
        }

        // Settings may name the address (a test that must know it before the start, e.g. for webhooks).
        return new TestApiHost(host, new Uri(config["Urls"]!), clusterId);
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public async Task Stop() => await host.App.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await host.App.StopAsync();
        await host.DisposeAsync();
    }
}
