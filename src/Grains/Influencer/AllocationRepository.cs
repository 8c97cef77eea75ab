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

/// <summary>All SQL for the <c>campaign_allocations</c> listing projection.</summary>
public sealed class AllocationRepository(NpgsqlDataSource db) : IAsyncDisposable
{
    private readonly GroupCommit<ProjectionRow> upserts = new(db, UpsertCommand);

    private const string Columns =
        "id, campaign_id, creator_id, social_profile_id, platform, username, allocated_budget, current_budget, status, " +
        "reach, engagement, conversions, ctr, avg_engagement_rate, posts_count, last_collected_at, accepted_at, " +
        "declined_at, decline_reason, created_at, updated_at";

    /// <summary>Idempotent: a row with a newer version is never overwritten by an older one.</summary>
    public Task Upsert(Guid organizationId, AllocationView allocation, int position, long version) =>
        upserts.Write(new ProjectionRow(organizationId, allocation, position, version));

    public ValueTask DisposeAsync() => upserts.DisposeAsync();

    /// <summary>A campaign's allocations in order (selection rank, then replacements), keyset-paginated after an allocation's id.</summary>
    public async Task<AllocationPage> List(Guid organizationId, Guid campaignId, Guid? after, int limit)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns} FROM campaign_allocations
            WHERE campaign_id = $1 AND organization_id = $2
              AND position > coalesce((SELECT c.position FROM campaign_allocations c WHERE c.id = $3 AND c.campaign_id = $1), -1)
            ORDER BY position
            LIMIT $4
            """);
        var p = cmd.Parameters;
        p.AddWithValue(campaignId);
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Uuid, after is { } a ? a : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(limit));

        var items = new List<AllocationView>(Keyset.RowsToFetch(limit));
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(Read(reader));
        }

        var (page, next) = Keyset.Page(items, limit, allocation => allocation.Id);
        return new AllocationPage(page, next);
    }

    private static NpgsqlBatchCommand UpsertCommand(ProjectionRow row)
    {
        var (organizationId, a, position, version) = row;
        var cmd = new NpgsqlBatchCommand($"""
            INSERT INTO campaign_allocations (organization_id, version, position, {Columns})
            VALUES ($1, $2, $24, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
            ON CONFLICT (id) DO UPDATE SET
                allocated_budget = EXCLUDED.allocated_budget, current_budget = EXCLUDED.current_budget,
                status = EXCLUDED.status, reach = EXCLUDED.reach, engagement = EXCLUDED.engagement,
                conversions = EXCLUDED.conversions, ctr = EXCLUDED.ctr, avg_engagement_rate = EXCLUDED.avg_engagement_rate,
                posts_count = EXCLUDED.posts_count, last_collected_at = EXCLUDED.last_collected_at,
                accepted_at = EXCLUDED.accepted_at, declined_at = EXCLUDED.declined_at,
                decline_reason = EXCLUDED.decline_reason, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
            WHERE campaign_allocations.version <= EXCLUDED.version
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(version);
        p.AddWithValue(a.Id);
        p.AddWithValue(a.CampaignId);
        p.AddWithValue(a.CreatorId);
        p.AddWithValue(a.SocialProfileId);
        p.AddWithValue(DbNames.Of(a.Platform));
        p.AddWithValue(a.Username);
        p.AddWithValue(a.AllocatedBudget);
        p.AddWithValue(a.CurrentBudget);
        p.AddWithValue(DbNames.Of(a.Status));
        p.AddWithValue(a.Reach);
        p.AddWithValue(a.Engagement);
        p.AddWithValue(a.Conversions);
        p.AddWithValue(a.Ctr);
        p.AddWithValue(a.AvgEngagementRate);
        p.AddWithValue(a.PostsCount);
        p.AddWithValue(NpgsqlDbType.TimestampTz, (object?)a.LastCollectedAt ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, (object?)a.AcceptedAt ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, (object?)a.DeclinedAt ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)a.DeclineReason ?? DBNull.Value);
        p.AddWithValue(a.CreatedAt);
        p.AddWithValue(a.UpdatedAt);
        p.AddWithValue(position);
        return cmd;
    }

    private static AllocationView Read(NpgsqlDataReader r) => new(
        Id: r.GetGuid(0),
        CampaignId: r.GetGuid(1),
        CreatorId: r.GetGuid(2),
        SocialProfileId: r.GetGuid(3),
        Platform: DbNames.From<SocialPlatform>(r.GetString(4)),
        Username: r.GetString(5),
        AllocatedBudget: r.GetInt64(6),
        CurrentBudget: r.GetInt64(7),
        Status: DbNames.From<AllocationStatus>(r.GetString(8)),
        Reach: r.GetInt64(9),
        Engagement: r.GetInt64(10),
        Conversions: r.GetInt64(11),
        Ctr: r.GetDouble(12),
        AvgEngagementRate: r.GetDouble(13),
        PostsCount: r.GetInt32(14),
        LastCollectedAt: r.IsDBNull(15) ? null : r.GetFieldValue<DateTimeOffset>(15),
        AcceptedAt: r.IsDBNull(16) ? null : r.GetFieldValue<DateTimeOffset>(16),
        DeclinedAt: r.IsDBNull(17) ? null : r.GetFieldValue<DateTimeOffset>(17),
        DeclineReason: r.IsDBNull(18) ? null : r.GetString(18),
        CreatedAt: r.GetFieldValue<DateTimeOffset>(19),
        UpdatedAt: r.GetFieldValue<DateTimeOffset>(20));

    private sealed record ProjectionRow(Guid OrganizationId, AllocationView Allocation, int Position, long Version);
}
