using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Crm;

/// <summary>All SQL for <c>crm_pipelines</c> and their <c>crm_stages</c>.</summary>
public sealed class PipelineRepository(NpgsqlDataSource db, TimeProvider clock)
{
    private const string ForeignKeyViolation = "23503";
    private const string Columns = "id, name, created_at, updated_at";

    public async Task<PipelineView> Insert(Guid organizationId, Guid pipelineId, PipelineDraft draft)
    {
        var now = clock.UtcNowMicroseconds();
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand(
            "INSERT INTO crm_pipelines (id, organization_id, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)", connection, tx))
        {
            cmd.Parameters.AddWithValue(pipelineId);
            cmd.Parameters.AddWithValue(organizationId);
            cmd.Parameters.AddWithValue(draft.Name);
            cmd.Parameters.AddWithValue(now);
            await cmd.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < draft.Stages.Count; i++)
        {
            await InsertStage(connection, tx, pipelineId, draft.Stages[i].Name, i);
        }

        await tx.CommitAsync();
        return (await Get(organizationId, pipelineId))!;
    }

    public async Task<PipelineView?> Get(Guid organizationId, Guid pipelineId)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM crm_pipelines WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(pipelineId);
        cmd.Parameters.AddWithValue(organizationId);
        return (await Read(cmd)).SingleOrDefault();
    }

    /// <summary>
    /// Renames and re-stages under a lock on the pipeline. Listed stages keep their ids and take their array
    /// position; unlisted ones are removed unless they hold leads (the foreign key from leads says so too).
    /// </summary>
    public async Task<PipelineUpdate> Update(Guid organizationId, Guid pipelineId, PipelineChanges changes)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("""
            UPDATE crm_pipelines SET name = coalesce($3, name), updated_at = $4
            WHERE id = $1 AND organization_id = $2
            """, connection, tx))
        {
            update.Parameters.AddWithValue(pipelineId);
            update.Parameters.AddWithValue(organizationId);
            update.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)changes.Name ?? DBNull.Value);
            update.Parameters.AddWithValue(clock.UtcNowMicroseconds());
            if (await update.ExecuteNonQueryAsync() == 0)
            {
                return new PipelineUpdate(PipelineWrite.NotFound);
            }
        }

        if (changes.Stages is { } stages && await Restage(connection, tx, pipelineId, stages) is { } refused)
        {
            return refused;
        }

        await tx.CommitAsync();
        return new PipelineUpdate(PipelineWrite.Written, (await Get(organizationId, pipelineId))!);
    }

    /// <summary>Refused (409) while any lead is in the pipeline: leads are facts a deletion would silently lose.</summary>
    public async Task<PipelineWrite> Delete(Guid organizationId, Guid pipelineId)
    {
        await using var cmd = db.CreateCommand("DELETE FROM crm_pipelines WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(pipelineId);
        cmd.Parameters.AddWithValue(organizationId);
        try
        {
            return await cmd.ExecuteNonQueryAsync() > 0 ? PipelineWrite.Written : PipelineWrite.NotFound;
        }
        catch (PostgresException e) when (e.SqlState == ForeignKeyViolation)
        {
            return PipelineWrite.HoldsLeads;
        }
    }

    public async Task<Page<PipelineView>> List(Guid organizationId, string? text, int limit, Guid? after)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns} FROM crm_pipelines
            WHERE organization_id = $1
              AND ($2::uuid IS NULL OR id < $2)
              AND ($3::text IS NULL OR name ILIKE $3)
            ORDER BY id DESC
            LIMIT $4
            """);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Uuid, after is { } cursor ? cursor : DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, text is not null ? LikePattern.Containing(text) : DBNull.Value);
        cmd.Parameters.AddWithValue(Keyset.RowsToFetch(limit));
        var (items, next) = Keyset.Page((await Read(cmd)).ToList(), limit, pipeline => pipeline.Id);
        return new Page<PipelineView>(items, next);
    }

    private static async Task<PipelineUpdate?> Restage(NpgsqlConnection connection, NpgsqlTransaction tx, Guid pipelineId, IReadOnlyList<StageDraft> stages)
    {
        var existing = new HashSet<Guid>();
        await using (var cmd = new NpgsqlCommand("SELECT id FROM crm_stages WHERE pipeline_id = $1", connection, tx))
        {
            cmd.Parameters.AddWithValue(pipelineId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                existing.Add(r.GetGuid(0));
            }
        }

        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i].Id is { } id && !existing.Contains(id))
            {
                return new PipelineUpdate(PipelineWrite.UnknownStage, StageIndex: i);
            }
        }

        var removed = existing.Except(stages.Where(s => s.Id is not null).Select(s => s.Id!.Value)).ToArray();
        if (removed.Length > 0)
        {
            await using var delete = new NpgsqlCommand("DELETE FROM crm_stages WHERE id = ANY($1)", connection, tx);
            delete.Parameters.AddWithValue(removed);
            try
            {
                await delete.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == ForeignKeyViolation)
            {
                return new PipelineUpdate(PipelineWrite.StageHoldsLeads);
            }
        }

        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i].Id is { } id)
            {
                await using var update = new NpgsqlCommand("UPDATE crm_stages SET name = $2, position = $3 WHERE id = $1", connection, tx);
                update.Parameters.AddWithValue(id);
                update.Parameters.AddWithValue(stages[i].Name);
                update.Parameters.AddWithValue(i);
                await update.ExecuteNonQueryAsync();
            }
            else
            {
                await InsertStage(connection, tx, pipelineId, stages[i].Name, i);
            }
        }

        return null;
    }

    private static async Task InsertStage(NpgsqlConnection connection, NpgsqlTransaction tx, Guid pipelineId, string name, int position)
    {
        await using var cmd = new NpgsqlCommand("INSERT INTO crm_stages (id, pipeline_id, name, position) VALUES ($1, $2, $3, $4)", connection, tx);
        cmd.Parameters.AddWithValue(TimeOrderedId.New());
        cmd.Parameters.AddWithValue(pipelineId);
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(position);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<IReadOnlyList<PipelineView>> Read(NpgsqlCommand cmd)
    {
        var rows = new List<(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)>();
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                rows.Add((r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        await using var stages = db.CreateCommand("SELECT pipeline_id, id, name, position FROM crm_stages WHERE pipeline_id = ANY($1) ORDER BY position");
        stages.Parameters.AddWithValue(rows.Select(p => p.Id).ToArray());
        var byPipeline = new Dictionary<Guid, List<StageView>>();
        await using (var r = await stages.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                var pipelineId = r.GetGuid(0);
                if (!byPipeline.TryGetValue(pipelineId, out var list))
                {
                    byPipeline[pipelineId] = list = [];
                }

                list.Add(new StageView(r.GetGuid(1), r.GetString(2), r.GetInt32(3)));
            }
        }

        return rows.Select(p => new PipelineView(p.Id, p.Name, byPipeline.GetValueOrDefault(p.Id) ?? [], p.CreatedAt, p.UpdatedAt)).ToList();
    }
}
