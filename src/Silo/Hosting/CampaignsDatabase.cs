using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Campaigns.Silo.Hosting;

/// <summary>
/// The database a process runs on: <c>ConnectionStrings:Campaigns</c> when configured, otherwise a
/// local PostgreSQL under <c>LocalPostgres:DataDirectory</c> that lives as long as this object.
/// Migrations are applied before anything else touches it.
/// </summary>
public sealed class CampaignsDatabase : IAsyncDisposable
{
    public const string ConnectionStringName = "Campaigns";
    private readonly LocalPostgres? local;

    private CampaignsDatabase(string connectionString, LocalPostgres? local)
    {
        ConnectionString = connectionString;
        this.local = local;
    }

    public string ConnectionString { get; }

    public bool IsLocal => local is not null;

    public static async Task<CampaignsDatabase> Prepare(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        LocalPostgres? local = null;
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = configuration["LocalPostgres:DataDirectory"] ?? Path.Combine(".data", "postgres");
            logger.LogInformation("ConnectionStrings__Campaigns is not set: starting a local PostgreSQL in {DataDirectory}", Path.GetFullPath(dataDirectory));
            local = await LocalPostgres.Start(
                dataDirectory, configuration["LocalPostgres:BinDirectory"], configuration["LocalPostgres:Database"] ?? "campaigns",
                durable: true, deleteOnDispose: false, cancellationToken, configuration["LocalPostgres:ServerOptions"]);
            connectionString = local.ConnectionString;
            logger.LogInformation("Local PostgreSQL listening on 127.0.0.1:{Port}", local.Port);
        }

        try
        {
            await DatabaseMigrator.Apply(connectionString, logger, cancellationToken);
        }
        catch
        {
            if (local is not null)
            {
                await local.DisposeAsync();
            }

            throw;
        }

        return new CampaignsDatabase(connectionString, local);
    }

    public async ValueTask DisposeAsync()
    {
        if (local is not null)
        {
            await local.DisposeAsync();
        }
    }
}
