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

namespace Campaigns.AbTesting;

/// <summary>All SQL for the <c>ab_tests</c> listing projection.</summary>
public sealed class AbTestRepository(NpgsqlDataSource db)
{
    /// <summary>Idempotent: a row with a newer version is never overwritten by an older one.</summary>
    public async Task Upsert(Guid organizationId, AbTestView test, long version)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO ab_tests (id, organization_id, campaign_id, name, status, primary_metric, winner_variant_id,
                                  created_at, completed_at, updated_at, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10)
            ON CONFLICT (id) DO UPDATE SET
                name = EXCLUDED.name, status = EXCLUDED.status, winner_variant_id = EXCLUDED.winner_variant_id,
                completed_at = EXCLUDED.completed_at, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
            WHERE ab_tests.version <= EXCLUDED.version
            """);
        var p = cmd.Parameters;
        p.AddWithValue(test.Id);
        p.AddWithValue(organizationId);
        p.AddWithValue(test.CampaignId);
        p.AddWithValue(test.Name);
        p.AddWithValue(DbNames.Of(test.Status));
        p.AddWithValue(DbNames.Of(test.PrimaryMetric));
        p.AddWithValue(NpgsqlDbType.Uuid, test.WinnerVariantId is { } winner ? winner : DBNull.Value);
        p.AddWithValue(test.CreatedAt);
        p.AddWithValue(NpgsqlDbType.TimestampTz, (object?)test.CompletedAt ?? DBNull.Value);
        p.AddWithValue(version);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A campaign's tests in creation order, keyset-paginated on the time-ordered id.</summary>
    public async Task<Page<AbTestSummary>> List(Guid organizationId, Guid campaignId, Guid? after, int limit)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, campaign_id, name, status, primary_metric, winner_variant_id, created_at, completed_at
            FROM ab_tests
            WHERE campaign_id = $1 AND organization_id = $2 AND ($3::uuid IS NULL OR id > $3)
            ORDER BY id
            LIMIT $4
            """);
        var p = cmd.Parameters;
        p.AddWithValue(campaignId);
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Uuid, after is { } a ? a : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(limit));

        var items = new List<AbTestSummary>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            items.Add(new AbTestSummary(
                r.GetGuid(0), r.GetGuid(1), r.GetString(2), DbNames.From<AbTestStatus>(r.GetString(3)),
                DbNames.From<AbMetric>(r.GetString(4)), r.IsDBNull(5) ? null : r.GetGuid(5),
                r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7)));
        }

        var (page, next) = Keyset.Page(items, limit, t => t.Id);
        return new Page<AbTestSummary>(page, next);
    }
}
