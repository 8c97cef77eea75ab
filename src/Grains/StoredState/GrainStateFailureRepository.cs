using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;

namespace Campaigns.StoredState;

/// <summary>All SQL for <c>grain_state_failures</c>: grains whose stored state cannot be read, per Orleans service id (sql/0027).</summary>
public sealed class GrainStateFailureRepository(NpgsqlDataSource db)
{
    /// <summary>Another failed read of the grain: the first creates its row, the next ones count and keep the latest error.</summary>
    public async Task Record(string serviceId, string stateName, string grainId, string grainKey, string error, string silo, DateTimeOffset at)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO grain_state_failures
                (service_id, state_name, grain_id, grain_key, first_seen, last_seen, attempts, error, silo)
            VALUES ($1, $2, $3, $4, $5, $5, 1, $6, $7)
            ON CONFLICT (service_id, state_name, grain_id) DO UPDATE SET
                last_seen = EXCLUDED.last_seen,
                attempts = grain_state_failures.attempts + 1,
                error = EXCLUDED.error,
                silo = EXCLUDED.silo
            """);
        var p = cmd.Parameters;
        p.AddWithValue(serviceId);
        p.AddWithValue(stateName);
        p.AddWithValue(grainId);
        p.AddWithValue(grainKey);
        p.AddWithValue(at);
        p.AddWithValue(error);
        p.AddWithValue(silo);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <returns>Whether the grain had a row.</returns>
    public async Task<bool> Clear(string serviceId, string stateName, string grainId)
    {
        await using var cmd = db.CreateCommand("DELETE FROM grain_state_failures WHERE service_id = $1 AND state_name = $2 AND grain_id = $3");
        cmd.Parameters.AddWithValue(serviceId);
        cmd.Parameters.AddWithValue(stateName);
        cmd.Parameters.AddWithValue(grainId);
        return await cmd.ExecuteNonQueryAsync() > 0;
    }

    public async Task<bool> Any(string serviceId)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM grain_state_failures WHERE service_id = $1)");
        cmd.Parameters.AddWithValue(serviceId);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The service's unreadable grains, longest-failing first, at most <paramref name="limit"/>, with how many there are in all.</summary>
    public async Task<(IReadOnlyList<GrainStateFailure> Failures, long Total)> List(string serviceId, int limit, CancellationToken cancellationToken = default)
    {
        await using var cmd = db.CreateCommand("""
            SELECT state_name, grain_id, grain_key, first_seen, last_seen, attempts, error, silo, count(*) OVER ()
            FROM grain_state_failures
            WHERE service_id = $1
            ORDER BY first_seen, state_name, grain_id
            LIMIT $2
            """);
        cmd.Parameters.AddWithValue(serviceId);
        cmd.Parameters.AddWithValue(limit);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var failures = new List<GrainStateFailure>();
        long total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            failures.Add(new GrainStateFailure(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5), reader.GetString(6), reader.GetString(7)));
            total = reader.GetInt64(8);
        }

        return (failures, total);
    }
}
