using System.Globalization;
using System.Text;
using Npgsql;

namespace Campaigns.Benchmarks;

/// <summary>
/// Which statements took PostgreSQL's time during a measured stretch, from <c>pg_stat_statements</c> (loaded only when
/// asked: <c>--pg-statements</c>). Nested statements count too, so the parts of a PL/pgSQL function show apart.
/// </summary>
public static class PgStatements
{
    public static readonly string ServerOptions = Environment.GetEnvironmentVariable("BENCH_PG_SERVER_OPTIONS") ?? "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all";

    public static async Task Reset(NpgsqlDataSource db, CancellationToken ct)
    {
        await using (var create = db.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using var reset = db.CreateCommand("SELECT pg_stat_statements_reset()");
        await reset.ExecuteNonQueryAsync(ct);
    }

    public static async Task<string> Top(NpgsqlDataSource db, int count, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT calls, total_exec_time, rows, toplevel, regexp_replace(left(query, 400), '\s+', ' ', 'g')
            FROM pg_stat_statements
            ORDER BY total_exec_time DESC
            LIMIT $1
            """);
        cmd.Parameters.AddWithValue(count);
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("  pg_stat_statements during the pipeline (execution time; nested statements are also inside their caller's):\n");
        sb.AppendLine("  | total ms | calls | µs per call | rows | top level | statement |");
        sb.AppendLine("  |---:|---:|---:|---:|---|---|");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var calls = r.GetInt64(0);
            var total = r.GetDouble(1);
            sb.AppendLine(ci, $"  | {total:N0} | {calls:N0} | {total * 1000 / Math.Max(1, calls):N0} | {r.GetInt64(2):N0} | {(r.GetBoolean(3) ? "yes" : "no")} | `{r.GetString(4).Replace("|", "\\|", StringComparison.Ordinal)}` |");
        }

        return sb.ToString();
    }
}
