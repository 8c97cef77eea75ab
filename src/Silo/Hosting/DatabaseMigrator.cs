using Microsoft.Extensions.Logging;
using Npgsql;

namespace Campaigns.Silo.Hosting;

/// <summary>
/// Applies the ordered scripts of <c>sql/</c> (embedded in this assembly), each once and in its own
/// transaction, under an advisory lock so silos starting together do not race.
/// </summary>
public static class DatabaseMigrator
{
    private const long AdvisoryLockKey = 0x43_61_6D_70_61_69_67_6E; // "Campaign"
    private const string ResourcePrefix = "sql/";

    public static IReadOnlyList<string> Scripts { get; } = typeof(DatabaseMigrator).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <returns>The scripts applied by this call (empty when the database was up to date).</returns>
    public static async Task<IReadOnlyList<string>> Apply(string connectionString, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version     text PRIMARY KEY,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var done = new List<string>();
            foreach (var resource in Scripts)
            {
                var version = resource[ResourcePrefix.Length..];
                if (applied.Contains(version))
                {
                    continue;
                }

                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, tx, await ReadScript(resource), cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES ($1)", connection, tx))
                {
                    record.Parameters.AddWithValue(version);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await tx.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version}", version);
                done.Add(version);
            }

            return done;
        }
        finally
        {
            await Execute(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task<string> ReadScript(string resource)
    {
        await using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
