using Microsoft.Extensions.Configuration;
using System.Net.Http.Headers;
using Campaigns.Api.Hosting;

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

    public static async Task<TestApiHost> Start(string connectionString, string? clusterId = null, IDictionary<string, string?>? settings = null)
    {
        clusterId ??= $"test-{Guid.NewGuid():N}";
        var httpPort = FreePorts.Next();
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Campaigns"] = connectionString,
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(),
            ["Orleans:MinimumReminderPeriod"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var host = await ApiHost.Create([], builder => builder.Configuration.AddInMemoryCollection(config));
        await host.App.StartAsync();
        return new TestApiHost(host, new Uri($"http://127.0.0.1:{httpPort}"), clusterId);
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
