using Campaigns.Silo.Hosting;
using Campaigns.Tests.Infrastructure;
using Npgsql;

namespace Campaigns.Tests.StoredState;

/// <summary>
/// A database exactly as the system of commit 29e0195 left it (StoredState/LegacyDatabase/main-29e0195.sql, a
/// pg_dump taken while it ran): one organization, a campaign of every kind with the collections each mutation path
/// sets, allocations, an A/B test and outreach participants, all stored by the legacy JSON serializer — including the
/// outreach campaigns whose CSV audience made their rows unreadable.
/// </summary>
public sealed class LegacyDatabase : IAsyncDisposable
{
    public const string AdminKey = "cmp_oDaAC_GaQT1SVhCTU4WUEu0zRy_aqb7Ds1adKKisy_0";

    /// <summary>The cluster and service id the legacy system ran under; reminders are stored per service id.</summary>
    public const string ClusterId = "campaigns";

    public static readonly Guid MarketingCampaign = Guid.Parse("01a241a6-bb35-775e-a614-254a158b371d");
    public static readonly Guid DuplicatedCampaign = Guid.Parse("01a241a6-bd7e-722d-bc33-b912246d8e08");
    public static readonly Guid AbTest = Guid.Parse("01a241a6-bcc6-74cf-a4b6-d4b0e0a1ea63");
    public static readonly Guid InfluencerCampaign = Guid.Parse("01a241a6-beb8-76bf-a83f-555a2621ef3d");
    public static readonly Guid AcceptedAllocation = Guid.Parse("01a241a6-bef9-71dd-8a73-c3be77fb0a85");
    public static readonly Guid DeclinedAllocation = Guid.Parse("01a241a6-bef9-71de-88a3-bf22f343571e");
    public static readonly Guid ActiveOutreachCampaign = Guid.Parse("01a241a6-c1aa-77fc-8a18-68d6e8d852ad");
    public static readonly Guid DraftOutreachCampaign = Guid.Parse("01a241a6-c384-7626-9a1b-7d54f20167e4");
    public static readonly Guid AdsCampaign = Guid.Parse("01a241a6-edb1-703d-ab7e-2c40ba23c5ec");

    private readonly IsolatedDatabase database;

    private LegacyDatabase(IsolatedDatabase database) => this.database = database;

    public string ConnectionString => database.ConnectionString;

    public static async Task<LegacyDatabase> Restore(string serverConnectionString, CancellationToken cancellationToken)
    {
        var database = await IsolatedDatabase.CreateEmpty(serverConnectionString, cancellationToken);
        try
        {
            await Psql(database.ConnectionString, Path.Combine(AppContext.BaseDirectory, "StoredState", "LegacyDatabase", "main-29e0195.sql"), cancellationToken);
            // The dump was taken while the legacy silo ran; as after a stop, its membership row is no longer active.
            await database.Scalar<int>("UPDATE orleansmembershiptable SET status = 6");
            return new LegacyDatabase(database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public Task<T?> Scalar<T>(string sql, params object[] args) => database.Scalar<T>(sql, args);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static async Task Psql(string connectionString, string file, CancellationToken cancellationToken)
    {
        var bin = LocalPostgres.FindBinaries(Environment.GetEnvironmentVariable("LocalPostgres__BinDirectory"))
            ?? throw new InvalidOperationException(LocalPostgres.MissingBinariesMessage);
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(bin, "psql"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", target.Host!, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-U", target.Username!, "-d", target.Database!, "-f", file,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        if (target.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var psql = System.Diagnostics.Process.Start(start)!;
        var output = psql.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = psql.StandardError.ReadToEndAsync(cancellationToken);
        await psql.WaitForExitAsync(cancellationToken);
        var exitCode = psql.ExitCode;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"psql could not restore {file} (exit {exitCode}): {await output}{await errors}");
        }
    }
}
