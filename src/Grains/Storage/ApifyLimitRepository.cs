using Campaigns.Influencer;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Storage;

/// <summary>All SQL for <c>apify_rate_limits</c>: an organization's Apify limits and its usage counters.</summary>
public sealed class ApifyLimitRepository(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<ApifyLimits> Get(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await Read(connection, null, organizationId, clock.UtcNowMicroseconds());
    }

    /// <summary>Replaces both limits (null removes one); the usage counters are kept.</summary>
    public async Task<ApifyLimits> Put(Guid organizationId, ApifyLimitsChange change)
    {
        var now = clock.UtcNowMicroseconds();
        await using var connection = await db.OpenConnectionAsync();
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO apify_rate_limits (organization_id, calls_per_day, usd_per_month, calls_day, spend_month, updated_at)
            VALUES ($1, $2, $3, ($4 AT TIME ZONE 'UTC')::date, date_trunc('month', $4 AT TIME ZONE 'UTC')::date, $4)
            ON CONFLICT (organization_id) DO UPDATE SET
                calls_per_day = EXCLUDED.calls_per_day,
                usd_per_month = EXCLUDED.usd_per_month,
                updated_at = EXCLUDED.updated_at
            """, connection))
        {
            var p = upsert.Parameters;
            p.AddWithValue(organizationId);
            p.AddWithValue(NpgsqlDbType.Integer, change.CallsPerDay is { } calls ? calls : DBNull.Value);
            p.AddWithValue(NpgsqlDbType.Numeric, change.UsdPerMonth is { } usd ? usd : DBNull.Value);
            p.AddWithValue(now);
            await upsert.ExecuteNonQueryAsync();
        }

        return await Read(connection, null, organizationId, now);
    }

    /// <summary>Counts one call now and adds its cost; counters of an earlier day or month start again from zero.</summary>
    internal static async Task Record(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid organizationId, int calls, decimal costUsd, DateTimeOffset at)
    {
        await using var record = new NpgsqlCommand("""
            INSERT INTO apify_rate_limits (organization_id, calls_day, calls_today, spend_month, usd_this_month, updated_at)
            VALUES ($1, ($4 AT TIME ZONE 'UTC')::date, $2, date_trunc('month', $4 AT TIME ZONE 'UTC')::date, $3, $4)
            ON CONFLICT (organization_id) DO UPDATE SET
                calls_today = CASE WHEN apify_rate_limits.calls_day = EXCLUDED.calls_day
                                   THEN apify_rate_limits.calls_today + EXCLUDED.calls_today ELSE EXCLUDED.calls_today END,
                calls_day = EXCLUDED.calls_day,
                usd_this_month = CASE WHEN apify_rate_limits.spend_month = EXCLUDED.spend_month
                                      THEN apify_rate_limits.usd_this_month + EXCLUDED.usd_this_month ELSE EXCLUDED.usd_this_month END,
                spend_month = EXCLUDED.spend_month,
                updated_at = EXCLUDED.updated_at
            """, connection, tx);
        var p = record.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(calls);
        p.AddWithValue(costUsd);
        p.AddWithValue(at);
        await record.ExecuteNonQueryAsync();
    }

    private static async Task<ApifyLimits> Read(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid organizationId, DateTimeOffset at)
    {
        await using var read = new NpgsqlCommand("""
            SELECT l.calls_per_day, l.usd_per_month,
                   CASE WHEN l.calls_day = ($2 AT TIME ZONE 'UTC')::date THEN l.calls_today ELSE 0 END,
                   CASE WHEN l.spend_month = date_trunc('month', $2 AT TIME ZONE 'UTC')::date THEN l.usd_this_month ELSE 0 END,
                   apify_call_refusal($1, 1, $2),
                   (SELECT count(*) FROM apify_jobs_queue j WHERE j.organization_id = $1 AND j.status = 'held')
            FROM (SELECT $1::uuid AS organization_id) o
            LEFT JOIN apify_rate_limits l ON l.organization_id = o.organization_id
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
