using Campaigns.Silo.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

[assembly: AssemblyFixture(typeof(Campaigns.Tests.Infrastructure.PostgresFixture))]

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started from the machine's binaries with
/// every migration applied. Missing binaries fail the run with what to install; nothing is skipped.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private LocalPostgres? server;

    /// <summary>Set once the fixture has started; TestCluster silo configurators read it because they are built by type.</summary>
    public static string? Current { get; private set; }

    public string ConnectionString => server?.ConnectionString ?? throw new InvalidOperationException("PostgreSQL fixture not started.");

    public async ValueTask InitializeAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"campaigns-tests-{Guid.NewGuid():N}");
        try
        {
            server = await LocalPostgres.Start(dataDirectory, Environment.GetEnvironmentVariable("LocalPostgres__BinDirectory"), "campaigns_tests", durable: false, deleteOnDispose: true);
        }
        catch (InvalidOperationException e) when (e.Message == LocalPostgres.MissingBinariesMessage)
        {
            throw new InvalidOperationException($"The tests need a PostgreSQL server to run against. {e.Message}", e);
        }

        await DatabaseMigrator.Apply(server.ConnectionString, NullLogger.Instance);
        Current = server.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
