using Campaigns.Audit;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Campaigns;

/// <summary>The campaign spend ledger (<c>campaign_spend</c>); written only by the campaign's grain.</summary>
public sealed class SpendRepository(NpgsqlDataSource db)
{
    private const string Columns = "id, campaign_id, amount, currency, idempotency_key, created_at";

    /// <summary>Inserts <paramref name="entry"/> unless its key was used; returns the row the key now names.</summary>
    public async Task<SpendEntry> InsertOrGet(Guid organizationId, SpendEntry entry)
    {
        await using var cmd = db.CreateCommand($"""
            WITH inserted AS (
                INSERT INTO campaign_spend (organization_id, {Columns})
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (campaign_id, idempotency_key) DO NOTHING
                RETURNING {Columns})
            SELECT {Columns} FROM inserted
            UNION ALL
            SELECT {Columns} FROM campaign_spend WHERE campaign_id = $3 AND idempotency_key = $6
            LIMIT 1
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(entry.Id);
        p.AddWithValue(entry.CampaignId);
        p.AddWithValue(entry.Amount);
        p.AddWithValue(entry.Currency);
        p.AddWithValue(entry.IdempotencyKey);
        p.AddWithValue(entry.CreatedAt);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return Read(reader);
    }

    public async Task<SpendEntry?> Find(Guid campaignId, string idempotencyKey)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM campaign_spend WHERE campaign_id = $1 AND idempotency_key = $2");
        cmd.Parameters.AddWithValue(campaignId);
        cmd.Parameters.AddWithValue(idempotencyKey);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    public async Task<long> Total(Guid campaignId)
    {
        await using var cmd = db.CreateCommand("SELECT coalesce(sum(amount), 0)::bigint FROM campaign_spend WHERE campaign_id = $1");
        cmd.Parameters.AddWithValue(campaignId);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>A campaign's ledger in the order recorded, keyset-paginated after an entry's id.</summary>
    public async Task<(IReadOnlyList<SpendEntry> Items, Guid? Next)> List(Guid organizationId, Guid campaignId, Guid? after, int limit)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns} FROM campaign_spend
            WHERE campaign_id = $1 AND organization_id = $2 AND ($3::uuid IS NULL OR id > $3)
            ORDER BY id
            LIMIT $4
            """);
        var p = cmd.Parameters;
        p.AddWithValue(campaignId);
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Uuid, after is { } a ? a : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(limit));
        var items = new List<SpendEntry>(Keyset.RowsToFetch(limit));
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(Read(reader));
        }

        return Keyset.Page(items, limit, entry => entry.Id);
    }

    private static SpendEntry Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5));
}
