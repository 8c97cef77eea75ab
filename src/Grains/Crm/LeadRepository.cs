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

namespace Campaigns.Crm;

/// <summary>All SQL for <c>crm_leads</c>.</summary>
public sealed class LeadRepository(NpgsqlDataSource db, TimeProvider clock)
{
    private const string Columns = "id, contact_id, pipeline_id, stage_id, created_at, updated_at";

    /// <summary>
    /// The seed's lead creation: the contact's existing lead in the pipeline is answered as it is (campaigns call this on
    /// every first send or reply), otherwise a new one at the stage. References are checked in the organization.
    /// </summary>
    public async Task<(LeadWrite Outcome, LeadView? Lead)> Insert(Guid organizationId, Guid leadId, LeadDraft draft)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using (var check = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM crm_contacts WHERE id = $1 AND organization_id = $4),
                   EXISTS (SELECT 1 FROM crm_pipelines WHERE id = $2 AND organization_id = $4),
                   EXISTS (SELECT 1 FROM crm_stages WHERE id = $3 AND pipeline_id = $2)
            """, connection))
        {
            check.Parameters.AddWithValue(draft.ContactId);
            check.Parameters.AddWithValue(draft.PipelineId);
            check.Parameters.AddWithValue(draft.StageId);
            check.Parameters.AddWithValue(organizationId);
            await using var r = await check.ExecuteReaderAsync();
            await r.ReadAsync();
            if (!r.GetBoolean(0))
            {
                return (LeadWrite.ContactMissing, null);
            }

            if (!r.GetBoolean(1))
            {
                return (LeadWrite.PipelineMissing, null);
            }

            if (!r.GetBoolean(2))
            {
                return (LeadWrite.StageMissing, null);
            }
        }

        // ON CONFLICT answers a concurrent twin's lead instead of failing; the foreign keys guard a deletion in between.
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO crm_leads (id, organization_id, contact_id, pipeline_id, stage_id, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $6)
            ON CONFLICT (pipeline_id, contact_id) DO NOTHING
            RETURNING {Columns}
            """, connection);
        insert.Parameters.AddWithValue(leadId);
        insert.Parameters.AddWithValue(organizationId);
        insert.Parameters.AddWithValue(draft.ContactId);
        insert.Parameters.AddWithValue(draft.PipelineId);
        insert.Parameters.AddWithValue(draft.StageId);
        insert.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        if ((await Read(insert)).SingleOrDefault() is { } created)
        {
            return (LeadWrite.Created, created);
        }

        await using var existing = new NpgsqlCommand($"SELECT {Columns} FROM crm_leads WHERE pipeline_id = $1 AND contact_id = $2", connection);
        existing.Parameters.AddWithValue(draft.PipelineId);
        existing.Parameters.AddWithValue(draft.ContactId);
        return (LeadWrite.Existing, (await Read(existing)).Single());
    }

    public async Task<LeadView?> Get(Guid organizationId, Guid leadId)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM crm_leads WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(leadId);
        cmd.Parameters.AddWithValue(organizationId);
        return (await Read(cmd)).SingleOrDefault();
    }

    /// <summary>Moves the lead to another stage of its own pipeline.</summary>
    public async Task<(LeadWrite Outcome, LeadView? Lead)> Move(Guid organizationId, Guid leadId, Guid stageId)
    {
        await using var cmd = db.CreateCommand($"""
            UPDATE crm_leads l SET stage_id = $3, updated_at = $4
            WHERE l.id = $1 AND l.organization_id = $2
              AND EXISTS (SELECT 1 FROM crm_stages s WHERE s.id = $3 AND s.pipeline_id = l.pipeline_id)
            RETURNING {Columns}
            """);
        cmd.Parameters.AddWithValue(leadId);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(stageId);
        cmd.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        if ((await Read(cmd)).SingleOrDefault() is { } moved)
        {
            return (LeadWrite.Moved, moved);
        }

        return await Get(organizationId, leadId) is null
            ? (LeadWrite.NotFound, null)
            : (LeadWrite.StageNotInPipeline, null);
    }

    public async Task<bool> Delete(Guid organizationId, Guid leadId)
    {
        await using var cmd = db.CreateCommand("DELETE FROM crm_leads WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(leadId);
        cmd.Parameters.AddWithValue(organizationId);
        return await cmd.ExecuteNonQueryAsync() > 0;
    }

    /// <summary>Newest first, keyset-paginated.</summary>
    public async Task<Page<LeadView>> List(Guid organizationId, LeadQuery query)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns} FROM crm_leads
            WHERE organization_id = $1
              AND ($2::uuid IS NULL OR id < $2)
              AND ($3::uuid IS NULL OR pipeline_id = $3)
              AND ($4::uuid IS NULL OR stage_id = $4)
              AND ($5::uuid IS NULL OR contact_id = $5)
            ORDER BY id DESC
            LIMIT $6
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Uuid, query.After is { } after ? after : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, query.PipelineId is { } pipeline ? pipeline : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, query.StageId is { } stage ? stage : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, query.ContactId is { } contact ? contact : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(query.Limit));
        var (items, next) = Keyset.Page((await Read(cmd)).ToList(), query.Limit, lead => lead.Id);
        return new Page<LeadView>(items, next);
    }

    private static async Task<IReadOnlyList<LeadView>> Read(NpgsqlCommand cmd)
    {
        var rows = new List<LeadView>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add(new LeadView(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetGuid(3),
                r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<DateTimeOffset>(5)));
        }

        return rows;
    }
}
