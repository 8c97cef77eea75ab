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

/// <summary>All SQL for the <c>campaigns</c> listing projection.</summary>
public sealed class CampaignProjectionRepository(NpgsqlDataSource db) : IAsyncDisposable
{
    private readonly GroupCommit<ProjectionRow> upserts = new(db, UpsertCommand);

    private const string Columns =
        "id, name, description, kind, status, budget, current_budget, currency, goals, platforms, " +
        "start_date, end_date, scheduled_for, started_at, completed_at, created_at, updated_at";

    /// <summary>Idempotent: a row with a newer version is never overwritten by an older one.</summary>
    public Task Upsert(Guid organizationId, CampaignView campaign, long version) =>
        upserts.Write(new ProjectionRow(organizationId, campaign, version));

    public ValueTask DisposeAsync() => upserts.DisposeAsync();

    private static NpgsqlBatchCommand UpsertCommand(ProjectionRow row)
    {
        var (organizationId, c, version) = row;
        var cmd = new NpgsqlBatchCommand($"""
            INSERT INTO campaigns (organization_id, version, {Columns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
            ON CONFLICT (id) DO UPDATE SET
                name = EXCLUDED.name, description = EXCLUDED.description, kind = EXCLUDED.kind,
                status = EXCLUDED.status, budget = EXCLUDED.budget, current_budget = EXCLUDED.current_budget,
                currency = EXCLUDED.currency, goals = EXCLUDED.goals, platforms = EXCLUDED.platforms,
                start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
                scheduled_for = EXCLUDED.scheduled_for, started_at = EXCLUDED.started_at,
                completed_at = EXCLUDED.completed_at, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
            WHERE campaigns.version <= EXCLUDED.version
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(version);
        p.AddWithValue(c.Id);
        p.AddWithValue(c.Name);
        p.AddWithValue(NpgsqlDbType.Text, (object?)c.Description ?? DBNull.Value);
        p.AddWithValue(DbNames.Of(c.Kind));
        p.AddWithValue(DbNames.Of(c.Status));
        p.AddWithValue(c.Budget);
        p.AddWithValue(c.CurrentBudget);
        p.AddWithValue(c.Currency);
        p.AddWithValue(c.Goals.ToArray());
        p.AddWithValue(c.Platforms.ToArray());
        p.AddWithValue(NpgsqlDbType.Date, (object?)c.StartDate ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Date, (object?)c.EndDate ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, (object?)c.ScheduledFor ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, (object?)c.StartedAt ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, (object?)c.CompletedAt ?? DBNull.Value);
        p.AddWithValue(c.CreatedAt);
        p.AddWithValue(c.UpdatedAt);
        return cmd;
    }

    private sealed record ProjectionRow(Guid OrganizationId, CampaignView Campaign, long Version);

    public async Task Delete(Guid id)
    {
        await using var cmd = db.CreateCommand("DELETE FROM campaigns WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Newest first, keyset-paginated on the time-ordered id; filters are all optional.</summary>
    public async Task<CampaignPage> List(Guid organizationId, CampaignQuery query)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns} FROM campaigns
            WHERE organization_id = $1
              AND ($2::text IS NULL OR status = $2)
              AND ($3::text IS NULL OR kind = $3)
              AND ($4::text IS NULL OR name ILIKE $4 OR description ILIKE $4)
              AND ($5::uuid IS NULL OR id < $5)
            ORDER BY id DESC
            LIMIT $6
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Text, query.Status is { } s ? DbNames.Of(s) : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, query.Kind is { } k ? DbNames.Of(k) : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, string.IsNullOrWhiteSpace(query.Text) ? DBNull.Value : LikePattern.Containing(query.Text.Trim()));
        p.AddWithValue(NpgsqlDbType.Uuid, query.After is { } a ? a : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(query.Limit));

        var items = new List<CampaignView>(Keyset.RowsToFetch(query.Limit));
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(Read(reader));
        }

        var (page, next) = Keyset.Page(items, query.Limit, campaign => campaign.Id);
        return new CampaignPage(page, next);
    }

    private static CampaignView Read(NpgsqlDataReader r) => new(
        Id: r.GetGuid(0),
        Name: r.GetString(1),
        Description: r.IsDBNull(2) ? null : r.GetString(2),
        Kind: DbNames.From<CampaignKind>(r.GetString(3)),
        Status: DbNames.From<CampaignStatus>(r.GetString(4)),
        Budget: r.GetInt64(5),
        CurrentBudget: r.GetInt64(6),
        Currency: r.GetString(7),
        Goals: r.GetFieldValue<string[]>(8),
        Platforms: r.GetFieldValue<string[]>(9),
        StartDate: r.IsDBNull(10) ? null : r.GetFieldValue<DateOnly>(10),
        EndDate: r.IsDBNull(11) ? null : r.GetFieldValue<DateOnly>(11),
        ScheduledFor: r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
        StartedAt: r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13),
        CompletedAt: r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14),
        CreatedAt: r.GetFieldValue<DateTimeOffset>(15),
        UpdatedAt: r.GetFieldValue<DateTimeOffset>(16));
}
