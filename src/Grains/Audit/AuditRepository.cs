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

namespace Campaigns.Audit;

/// <summary>All SQL for the <c>audit_log</c> table.</summary>
public sealed class AuditRepository(NpgsqlDataSource db) : IAsyncDisposable
{
    private readonly GroupCommit<AuditEntry> inserts = new(db, InsertCommand);

    public Task Insert(AuditEntry entry) => inserts.Write(entry);

    public ValueTask DisposeAsync() => inserts.DisposeAsync();

    private static NpgsqlBatchCommand InsertCommand(AuditEntry e)
    {
        var cmd = new NpgsqlBatchCommand("""
            INSERT INTO audit_log (id, organization_id, user_id, api_key_id, action, resource_type, resource_id,
                                   payload_sha256, status_code, outcome, occurred_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (id) DO NOTHING
            """);
        var p = cmd.Parameters;
        p.AddWithValue(e.Id);
        p.AddWithValue(e.OrganizationId);
        p.AddWithValue(NpgsqlDbType.Uuid, e.UserId is { } u ? u : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, e.ApiKeyId is { } k ? k : DBNull.Value);
        p.AddWithValue(e.Action);
        p.AddWithValue(e.ResourceType);
        p.AddWithValue(NpgsqlDbType.Text, (object?)e.ResourceId ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)e.PayloadSha256 ?? DBNull.Value);
        p.AddWithValue(e.StatusCode);
        p.AddWithValue(e.Outcome);
        p.AddWithValue(e.OccurredAt);
        return cmd;
    }

    public async Task<Page<AuditEntry>> Query(Guid organizationId, AuditQuery q)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, organization_id, user_id, api_key_id, action, resource_type, resource_id,
                   payload_sha256, status_code, outcome, occurred_at
            FROM audit_log
            WHERE organization_id = $1
              AND ($2::text IS NULL OR action = $2)
              AND ($3::text IS NULL OR resource_type = $3)
              AND ($4::text IS NULL OR resource_id = $4)
              AND ($5::uuid IS NULL OR user_id = $5)
              AND ($6::text IS NULL OR outcome = $6)
              AND ($7::timestamptz IS NULL OR occurred_at >= $7)
              AND ($8::timestamptz IS NULL OR occurred_at < $8)
              AND ($9::uuid IS NULL OR id < $9)
            ORDER BY id DESC
            LIMIT $10
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Text, (object?)q.Action ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)q.ResourceType ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)q.ResourceId ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, q.UserId is { } u ? u : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)q.Outcome ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, q.From is { } f ? f : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, q.To is { } t ? t : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, q.After is { } a ? a : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(q.Limit));

        var items = new List<AuditEntry>(Keyset.RowsToFetch(q.Limit));
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            items.Add(new AuditEntry(
                r.GetGuid(0), r.GetGuid(1),
                r.IsDBNull(2) ? null : r.GetGuid(2),
                r.IsDBNull(3) ? null : r.GetGuid(3),
                r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7),
                r.GetInt32(8), r.GetString(9), r.GetFieldValue<DateTimeOffset>(10)));
        }

        var (page, next) = Keyset.Page(items, q.Limit, entry => entry.Id);
        return new Page<AuditEntry>(page, next);
    }
}
