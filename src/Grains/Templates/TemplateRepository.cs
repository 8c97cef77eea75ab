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

namespace Campaigns.Templates;

/// <summary>The <c>campaign_templates</c> table: built-ins (organization_id NULL) and organizations' own.</summary>
public sealed class TemplateRepository(NpgsqlDataSource db)
{
    private const string Columns = "id, organization_id, name, description, niche, type, settings::text, usage_count, created_at, updated_at";

    public async Task<Page<CampaignTemplate>> List(Guid organizationId, TemplateQuery q)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns} FROM campaign_templates
            WHERE (organization_id IS NULL OR organization_id = $1)
              AND ($2::text IS NULL OR niche = $2)
              AND ($3::text IS NULL OR type = $3)
              AND ($4::uuid IS NULL OR id > $4)
            ORDER BY id
            LIMIT $5
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Text, (object?)q.Niche ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)q.Type ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, q.After is { } a ? a : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(q.Limit));
        var items = new List<CampaignTemplate>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(Read(reader));
        }

        var (page, next) = Keyset.Page(items, q.Limit, t => t.Id);
        return new Page<CampaignTemplate>(page, next);
    }

    public async Task<CampaignTemplate?> Get(Guid organizationId, Guid id)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns} FROM campaign_templates WHERE id = $1 AND (organization_id IS NULL OR organization_id = $2)
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(organizationId);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    public async Task<CampaignTemplate> Insert(CampaignTemplate t)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO campaign_templates (id, organization_id, name, description, niche, type, settings, usage_count, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 0, $8, $9)
            """);
        var p = cmd.Parameters;
        p.AddWithValue(t.Id);
        p.AddWithValue(NpgsqlDbType.Uuid, t.OrganizationId is { } o ? o : DBNull.Value);
        p.AddWithValue(t.Name);
        p.AddWithValue(NpgsqlDbType.Text, (object?)t.Description ?? DBNull.Value);
        p.AddWithValue(t.Niche);
        p.AddWithValue(NpgsqlDbType.Text, (object?)t.Type ?? DBNull.Value);
        p.AddWithValue(t.SettingsJson);
        p.AddWithValue(t.CreatedAt);
        p.AddWithValue(t.UpdatedAt);
        await cmd.ExecuteNonQueryAsync();
        return t;
    }

    /// <summary>Changes an organization's own template; built-ins are never matched.</summary>
    /// <returns>The template as saved, or null when the organization has no such template of its own.</returns>
    public async Task<CampaignTemplate?> Update(Guid organizationId, Guid id, CampaignTemplateChanges changes, DateTimeOffset now)
    {
        await using var cmd = db.CreateCommand($"""
            UPDATE campaign_templates
            SET name = coalesce($3, name),
                description = CASE WHEN $4 THEN NULL ELSE coalesce($5, description) END,
                niche = coalesce($6, niche),
                updated_at = $7
            WHERE id = $1 AND organization_id = $2
            RETURNING {Columns}
            """);
        var p = cmd.Parameters;
        p.AddWithValue(id);
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Text, (object?)changes.Name ?? DBNull.Value);
        p.AddWithValue(changes.ClearDescription);
        p.AddWithValue(NpgsqlDbType.Text, (object?)changes.Description ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)changes.Niche ?? DBNull.Value);
        p.AddWithValue(now);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>Deletes an organization's own template; campaigns made from it keep their fields.</summary>
    public async Task<CampaignTemplate?> Delete(Guid organizationId, Guid id)
    {
        await using var cmd = db.CreateCommand($"DELETE FROM campaign_templates WHERE id = $1 AND organization_id = $2 RETURNING {Columns}");
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(organizationId);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>Counts one more campaign made from the template; built-ins count across organizations.</summary>
    public async Task CountUse(Guid id)
    {
        await using var cmd = db.CreateCommand("UPDATE campaign_templates SET usage_count = usage_count + 1 WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        await cmd.ExecuteNonQueryAsync();
    }

    private static CampaignTemplate Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
        r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetInt32(7),
        r.GetFieldValue<DateTimeOffset>(8), r.GetFieldValue<DateTimeOffset>(9));
}
