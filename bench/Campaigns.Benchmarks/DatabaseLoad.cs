using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Benchmarks;

/// <summary>
/// Raw Npgsql baselines against the system's own database, written the way the product's
/// repositories are (an <see cref="NpgsqlDataSource"/>, one pooled connection and one autocommit
/// statement per command, unprepared), so the difference to the HTTP figures is the product's own cost.
/// </summary>
public sealed class DatabaseLoad(NpgsqlDataSource db, Guid organizationId)
{
    private const string Columns =
        "id, name, description, kind, status, budget, current_budget, currency, goals, platforms, " +
        "start_date, end_date, scheduled_for, started_at, completed_at, created_at, updated_at";

    private static readonly string[] Goals = ["reach", "engagement"];
    private static readonly string[] Platforms = ["instagram", "tiktok"];

    /// <summary>SELECT of one campaigns row by primary key, reading every column.</summary>
    public Operation SelectById(IReadOnlyList<Guid> ids, int worker)
    {
        var next = worker % ids.Count;
        return Select;

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        async ValueTask Select(CancellationToken cancellationToken)
        {
            var id = ids[next];
            next = (next + 1) % ids.Count;
            await using var cmd = db.CreateCommand($"SELECT {Columns} FROM campaigns WHERE id = $1");
            cmd.Parameters.AddWithValue(id);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            if (!await r.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"Campaign {id} not found.");
            }

            _ = r.GetGuid(0);
            _ = r.GetString(1);
            _ = r.IsDBNull(2) ? null : r.GetString(2);
            _ = r.GetString(3);
            _ = r.GetString(4);
            _ = r.GetInt64(5);
            _ = r.GetInt64(6);
            _ = r.GetString(7);
            _ = r.GetFieldValue<string[]>(8);
            _ = r.GetFieldValue<string[]>(9);
            _ = r.IsDBNull(10) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(10);
            _ = r.IsDBNull(11) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(11);
            _ = r.GetFieldValue<DateTimeOffset>(15);
            _ = r.GetFieldValue<DateTimeOffset>(16);
        }
    }

    /// <summary>INSERT of one campaigns-shaped row: the projection write of a create, alone.</summary>
    public Operation InsertCampaign()
    {
        return Insert;

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        async ValueTask Insert(CancellationToken cancellationToken)
        {
            await using var cmd = db.CreateCommand(InsertCampaignSql);
            AddCampaignParameters(cmd, Guid.CreateVersion7());
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The database work of one create, without the product around it: the grain-state write (the same
    /// stored function Orleans calls), the projection upsert and the audit insert, each its own commit.
    /// </summary>
    public Operation CreateEquivalent()
    {
        var payload = RandomNumberGenerator.GetBytes(400);
        return Create;

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        async ValueTask Create(CancellationToken cancellationToken)
        {
            var id = Guid.CreateVersion7();
            var bytes = id.ToByteArray();
            await using (var state = db.CreateCommand("SELECT orleans_write_to_storage($1, $2, $3, $4, $5, $6, $7, $8, $9)"))
            {
                var p = state.Parameters;
                p.AddWithValue(BitConverter.ToInt32(bytes, 0) ^ BitConverter.ToInt32(bytes, 12));
                p.AddWithValue(BitConverter.ToInt64(bytes, 0));
                p.AddWithValue(BitConverter.ToInt64(bytes, 8));
                p.AddWithValue(0x0BE4C4);
                p.AddWithValue("bench.campaign");
                p.AddWithValue(NpgsqlDbType.Text, DBNull.Value);
                p.AddWithValue("campaigns");
                p.AddWithValue(NpgsqlDbType.Integer, DBNull.Value);
                p.AddWithValue(payload);
                await state.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var projection = db.CreateCommand(InsertCampaignSql))
            {
                AddCampaignParameters(projection, id);
                await projection.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var audit = db.CreateCommand("""
                INSERT INTO audit_log (id, organization_id, user_id, api_key_id, action, resource_type, resource_id,
                                       payload_sha256, status_code, outcome, occurred_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (id) DO NOTHING
                """))
            {
                var p = audit.Parameters;
                p.AddWithValue(Guid.CreateVersion7());
                p.AddWithValue(organizationId);
                p.AddWithValue(NpgsqlDbType.Uuid, DBNull.Value);
                p.AddWithValue(NpgsqlDbType.Uuid, DBNull.Value);
                p.AddWithValue("bench.create");
                p.AddWithValue("campaign");
                p.AddWithValue(id.ToString());
                p.AddWithValue(new string('0', 64));
                p.AddWithValue(201);
                p.AddWithValue("succeeded");
                p.AddWithValue(DateTimeOffset.UtcNow);
                await audit.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private const string InsertCampaignSql = $"""
        INSERT INTO campaigns (organization_id, version, {Columns})
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
        """;

    private void AddCampaignParameters(NpgsqlCommand cmd, Guid id)
    {
        var now = DateTimeOffset.UtcNow;
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(1L);
        p.AddWithValue(id);
        p.AddWithValue("Bench campaign");
        p.AddWithValue("Load test");
        p.AddWithValue("marketing");
        p.AddWithValue("draft");
        p.AddWithValue(500_000L);
        p.AddWithValue(500_000L);
        p.AddWithValue("USD");
        p.AddWithValue(Goals);
        p.AddWithValue(Platforms);
        p.AddWithValue(new DateOnly(2027, 1, 1));
        p.AddWithValue(new DateOnly(2027, 3, 31));
        p.AddWithValue(NpgsqlDbType.TimestampTz, DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, DBNull.Value);
        p.AddWithValue(now);
        p.AddWithValue(now);
    }
}
