using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Npgsql;

namespace Campaigns.Tests.Infrastructure;

public sealed class FixtureSmokeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_migration_is_recorded_once()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT version) FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(global::Campaigns.Silo.Hosting.DatabaseMigrator.Scripts.Count, reader.GetInt64(0));
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
    }
}
