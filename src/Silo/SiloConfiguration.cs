using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Campaigns.Silo;

/// <summary>How every Campaigns silo is wired: membership, grain state and reminders in PostgreSQL, the dashboard, the grains' services.</summary>
public static class SiloConfiguration
{
    public const string Invariant = "Npgsql";

    public static ISiloBuilder UseCampaignsCluster(this ISiloBuilder silo, string connectionString, IConfiguration configuration)
    {
        var options = configuration.GetSection(CampaignsClusterOptions.Section).Get<CampaignsClusterOptions>() ?? new CampaignsClusterOptions();

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedIP), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        if (options.MinimumReminderPeriod is { } minimum)
        {
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = minimum);
        }

        silo.AddDashboard();
        silo.Services.AddCampaignsGrainServices(connectionString);
        return silo;
    }
}
