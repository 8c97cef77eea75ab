using System.Data.Common;
using System.Net;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Integrations.Telegram;
using Campaigns.Silo.StoredState;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;

namespace Campaigns.Silo;

/// <summary>How every Campaigns silo is wired: membership, grain state and reminders in PostgreSQL, the dashboard, the grains' services and the Apify job worker.</summary>
public static class SiloConfiguration
{
    public const string Invariant = "Npgsql";

    /// <summary>A full silo process: endpoints from configuration, PostgreSQL-backed runtime, the dashboard.</summary>
    public static ISiloBuilder UseCampaignsCluster(this ISiloBuilder silo, string connectionString, IConfiguration configuration)
    {
        var options = configuration.GetSection(CampaignsClusterOptions.Section).Get<CampaignsClusterOptions>() ?? new CampaignsClusterOptions();
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedIP), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
        silo.AddDashboard();
        return silo.UseCampaignsRuntime(connectionString, options.MinimumReminderPeriod);
    }

    /// <summary>
    /// What every silo needs whoever hosts it (a process or a TestCluster): membership, grain state
    /// and reminders in PostgreSQL, the grains' services, and the Apify
    /// job worker (configured by the section <c>Apify</c>; <c>Apify:WorkerEnabled=false</c> leaves the queue alone).
    /// </summary>
    public static ISiloBuilder UseCampaignsRuntime(this ISiloBuilder silo, string connectionString, TimeSpan? minimumReminderPeriod = null)
    {
        connectionString = WithoutSessionReset(connectionString);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(storage => storage.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = new GrainStateSerializer(serializer);
        }));
        silo.ReportUnreadableGrainState();
        silo.Services.AddLegacyStateUpgrade(connectionString);
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        if (minimumReminderPeriod is { } minimum)
        {
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = minimum);
        }

        silo.Services.AddCampaignsGrainServices(connectionString);
        silo.Services.AddApifyJobWorker(silo.Configuration);
        silo.Services.AddTelegram(silo.Configuration);
        silo.Services.AddOptions<InfluencerOptions>()
            .Bind(silo.Configuration.GetSection(InfluencerOptions.SectionName))
            .Validate(o => o.MonitorPeriod >= TimeSpan.FromSeconds(1) && o.EndCheckPeriod >= TimeSpan.FromSeconds(1),
                "Influencer:MonitorPeriod and Influencer:EndCheckPeriod must be at least one second.");
        silo.Services.AddOptions<Outreach.OutreachOptions>()
            .Bind(silo.Configuration.GetSection(Outreach.OutreachOptions.SectionName))
            .Validate(o => o.DispatchTick >= TimeSpan.FromMilliseconds(10) && o.DispatchConcurrency >= 1 && o.DispatchBatch >= 1,
                "Outreach:DispatchTick must be at least 10 ms, DispatchConcurrency and DispatchBatch at least 1.");
        silo.Services.AddOptions<AbTesting.AbTestOptions>()
            .Bind(silo.Configuration.GetSection(AbTesting.AbTestOptions.SectionName))
            .Validate(o => o.AutoApplyCheckPeriod >= TimeSpan.FromSeconds(1), "AbTests:AutoApplyCheckPeriod must be at least one second.");
        return silo;
    }

    /// <summary>
    /// Npgsql resets every pooled connection when it is reused (a DISCARD ALL sent ahead of the next
    /// statement), which costs PostgreSQL about as much as a small statement. Nothing in the runtime keeps
    /// session state on a connection (no SET, temporary tables, LISTEN or session advisory locks: those are in the
    /// migrator, which keeps the reset), so the runtime turns it off unless the configured connection
    /// string says otherwise.
    /// </summary>
    public static string WithoutSessionReset(string connectionString)
    {
        var configured = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (configured.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("NoResetOnClose", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
    }
}
