using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Influencer;

/// <summary>
/// All SQL for <c>apify_rate_limits</c> (an organization's Apify limits), and the reads of <c>apify_usage</c> (its calls
/// and spend, per UTC day, in shards summed on read: sql/0013). Usage is written only by <see cref="ApifyJobRepository"/>,
/// as jobs are taken, completed and failed (docs/ARCHITECTURE.md, "One writer per table").
/// </summary>
public sealed class ApifyLimitRepository(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<ApifyLimits> Get(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await Read(connection, null, organizationId, clock.UtcNowMicroseconds());
    }

    /// <summary>
    /// Replaces both limits (null removes one). Usage is kept apart from the limits, so a limit set now counts the calls
    /// and spend made so far today and this month.
    /// </summary>
    public async Task<ApifyLimits> Put(Guid organizationId, ApifyLimitsChange change)
    {
        var now = clock.UtcNowMicroseconds();
        await using var connection = await db.OpenConnectionAsync();
        // One implicit transaction: the organization's limits lock, exclusive, waits for the takes in flight (they hold it
        // shared, sql/0013), and takes after it see the new limits; a take that read "no limit" cannot count past it.
        await using (var batch = new NpgsqlBatch(connection))
        {
            var lockLimits = new NpgsqlBatchCommand("SELECT apify_limits_lock($1)");
            lockLimits.Parameters.AddWithValue(organizationId);
            batch.BatchCommands.Add(lockLimits);
            var upsert = new NpgsqlBatchCommand("""
                INSERT INTO apify_rate_limits (organization_id, calls_per_day, usd_per_month, updated_at)
                VALUES ($1, $2, $3, $4)
                ON CONFLICT (organization_id) DO UPDATE SET
                    calls_per_day = EXCLUDED.calls_per_day,
                    usd_per_month = EXCLUDED.usd_per_month,
                    updated_at = EXCLUDED.updated_at
                """);
            var p = upsert.Parameters;
            p.AddWithValue(organizationId);
            p.AddWithValue(NpgsqlDbType.Integer, change.CallsPerDay is { } calls ? calls : DBNull.Value);
            p.AddWithValue(NpgsqlDbType.Numeric, change.UsdPerMonth is { } usd ? usd : DBNull.Value);
            p.AddWithValue(now);
            batch.BatchCommands.Add(upsert);
            await batch.ExecuteNonQueryAsync();
        }

        return await Read(connection, null, organizationId, now);
    }

    private static async Task<ApifyLimits> Read(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid organizationId, DateTimeOffset at)
    {
        await using var read = new NpgsqlCommand("""
            SELECT l.calls_per_day, l.usd_per_month, u.calls_today::integer, u.usd_this_month,
                   apify_call_refusal($1, 1, $2),
                   (SELECT count(*) FROM apify_jobs_queue j WHERE j.organization_id = $1 AND j.status = 'held')
            FROM (SELECT $1::uuid AS organization_id) o
            LEFT JOIN apify_rate_limits l ON l.organization_id = o.organization_id
            CROSS JOIN apify_usage_at($1, $2) u
            """, connection, tx);
        read.Parameters.AddWithValue(organizationId);
        read.Parameters.AddWithValue(at);
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        var utc = at.UtcDateTime;
        return new ApifyLimits(
            reader.IsDBNull(0) ? null : reader.GetInt32(0),
            reader.IsDBNull(1) ? null : reader.GetDecimal(1),
            reader.IsDBNull(2) ? 0 : reader.GetInt32(2),
            reader.IsDBNull(3) ? 0m : reader.GetDecimal(3),
            DateOnly.FromDateTime(utc),
            utc.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            (int)reader.GetInt64(5));
    }
}
