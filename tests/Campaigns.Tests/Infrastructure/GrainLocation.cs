using Campaigns.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// Which silo of a cluster holds a grain's activation, asked the way an operator would: an Orleans client joins the
/// cluster through the PostgreSQL membership table and asks the management grain, which reads the grain directory.
/// </summary>
public static class GrainLocation
{
    /// <summary>The silo port of the silo where the grain is active, or null when it is not active anywhere.</summary>
    public static async Task<int?> SiloPortOf<TGrain>(string connectionString, string clusterId, string serviceId, Guid key)
        where TGrain : IGrainWithGuidKey
    {
        // No default configuration sources or log providers: the client needs nothing but the cluster's ids and database.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = SiloConfiguration.Invariant;
                o.ConnectionString = connectionString;
            });
        });
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var cluster = host.Services.GetRequiredService<IClusterClient>();
            var silo = await cluster.GetGrain<IManagementGrain>(0).GetActivationAddress(cluster.GetGrain<TGrain>(key));
            return silo?.Endpoint.Port;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
