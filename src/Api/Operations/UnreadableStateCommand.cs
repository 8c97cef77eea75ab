using System.Globalization;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Silo;
using Campaigns.Silo.Hosting;
using Campaigns.StoredState;
using Campaigns.Tenancy;
using Npgsql;

namespace Campaigns.Api.Operations;

/// <summary>
/// <c>unreadable-state</c>: lists the grains of this service whose stored state cannot be read (state name, key, since
/// when, how many failed reads, the latest error and silo), or <c>none</c>. Exits 0 either way: listing is not failing.
/// </summary>
/// <remarks>
/// Reads the configuration the system does (appsettings, environment, then <c>--Section:Key=value</c> arguments, e.g.
/// <c>--Orleans:ServiceId=…</c>), so it looks at the same database and service id.
/// </remarks>
public static class UnreadableStateCommand
{
    /// <summary>Enough to see the extent of a bad day; the count above the list says how many there are in all.</summary>
    public const int Listed = 1000;

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var serviceId = (configuration.GetSection(CampaignsClusterOptions.Section).Get<CampaignsClusterOptions>() ?? new CampaignsClusterOptions()).ServiceId;
        using var logging = LoggerFactory.Create(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning));
        await using var database = await CampaignsDatabase.Prepare(configuration, logging.CreateLogger("Campaigns.UnreadableState"));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        var (failures, total) = await new GrainStateFailureRepository(dataSource).List(serviceId, Listed);
        if (total == 0)
        {
            await output.WriteLineAsync($"none (service id '{serviceId}')");
            return 0;
        }

        await output.WriteLineAsync($"{total} grain(s) of service id '{serviceId}' cannot load their stored state{(total > failures.Count ? $" (the {failures.Count} longest-failing listed)" : "")}:");
        await output.WriteLineAsync($"{"STATE",-12} {"KEY",-40} {"SINCE (UTC)",-20} {"LAST (UTC)",-20} {"ATTEMPTS",8}  SILO");
        foreach (var f in failures)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{f.StateName,-12} {f.GrainKey,-40} {f.FirstSeen.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss} {f.LastSeen.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss} {f.Attempts,8}  {f.Silo}"));
            await output.WriteLineAsync($"  grain {f.GrainId}: {f.Error}");
        }

        return 0;
    }
}
