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

namespace Campaigns.Outreach;

/// <summary>
/// All SQL for <c>outreach_templates</c> (campaign templates and organization presets), <c>outreach_steps</c> and
/// <c>outreach_plan_versions</c>. Every change to steps, or to a template steps use, bumps the affected campaigns'
/// plan version in the same transaction.
/// </summary>
/// <remarks>A little over 400 lines: the three tables are one family, written together in the transactions that bump the plan version.</remarks>
public sealed class OutreachPlanRepository(NpgsqlDataSource db, TimeProvider clock)
{
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";
    private const string TemplateColumns = "id, campaign_id, name, channel, content, created_at, updated_at";
    private const string StepColumns = "id, order_index, template_id, delay_hours, trigger_type, conditions::text";

    /// <summary>The campaign's steps in order and the templates they use, with the plan version read in the same snapshot.</summary>
    public async Task<OutreachPlan> Load(Guid campaignId)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var steps = await ReadSteps(new NpgsqlCommand($"SELECT {StepColumns} FROM outreach_steps WHERE campaign_id = $1 ORDER BY order_index", connection, tx)
        {
            Parameters = { new() { Value = campaignId } },
        });
        var templates = await ReadTemplates(new NpgsqlCommand($"""
            SELECT {TemplateColumns} FROM outreach_templates
            WHERE id IN (SELECT template_id FROM outreach_steps WHERE campaign_id = $1)
            """, connection, tx)
        {
            Parameters = { new() { Value = campaignId } },
        });
        var version = await ReadVersion(connection, tx, campaignId);
        await tx.CommitAsync();
        return new OutreachPlan(steps, templates.ToDictionary(t => t.Id), version);
    }

    /// <summary>The campaign's plan version; 0 before its first step.</summary>
    public async Task<long> Version(Guid campaignId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await ReadVersion(connection, null, campaignId);
    }

    public async Task<IReadOnlyList<OutreachTemplate>> CampaignTemplates(Guid campaignId)
    {
        await using var cmd = db.CreateCommand($"SELECT {TemplateColumns} FROM outreach_templates WHERE campaign_id = $1 ORDER BY id");
        cmd.Parameters.AddWithValue(campaignId);
        return await ReadTemplates(cmd);
    }

    public async Task<Page<OutreachTemplate>> Presets(Guid organizationId, int limit, Guid? after)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {TemplateColumns} FROM outreach_templates
            WHERE organization_id = $1 AND campaign_id IS NULL AND ($2::uuid IS NULL OR id > $2)
            ORDER BY id LIMIT $3
            """);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Uuid, after is { } a ? a : DBNull.Value);
        cmd.Parameters.AddWithValue(Keyset.RowsToFetch(limit));
        var (items, next) = Keyset.Page((await ReadTemplates(cmd)).ToList(), limit, t => t.Id);
        return new Page<OutreachTemplate>(items, next);
    }

    /// <summary>A template of the campaign, or a preset of the organization (<paramref name="campaignId"/> null: presets only).</summary>
    public async Task<OutreachTemplate?> Template(Guid organizationId, Guid? campaignId, Guid templateId, bool presetsToo)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {TemplateColumns} FROM outreach_templates
            WHERE id = $1 AND organization_id = $2
              AND (campaign_id IS NOT DISTINCT FROM $3 OR ($4 AND campaign_id IS NULL))
            """);
        cmd.Parameters.AddWithValue(templateId);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Uuid, campaignId is { } c ? c : DBNull.Value);
        cmd.Parameters.AddWithValue(presetsToo);
        return (await ReadTemplates(cmd)).SingleOrDefault();
    }

    /// <summary>Inserts a template; null when the id is taken.</summary>
    public async Task<OutreachTemplate?> InsertTemplate(Guid organizationId, Guid? campaignId, Guid templateId, TemplateDraft draft)
    {
        await using var cmd = db.CreateCommand($"""
            INSERT INTO outreach_templates (id, organization_id, campaign_id, name, channel, content, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
            ON CONFLICT (id) DO NOTHING
            RETURNING {TemplateColumns}
            """);
        cmd.Parameters.AddWithValue(templateId);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Uuid, campaignId is { } c ? c : DBNull.Value);
        cmd.Parameters.AddWithValue(draft.Name);
        cmd.Parameters.AddWithValue(draft.Channel);
        cmd.Parameters.AddWithValue(draft.Content);
        cmd.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        return (await ReadTemplates(cmd)).SingleOrDefault();
    }

    /// <summary>Changes a template (of the campaign, or a preset when <paramref name="campaignId"/> is null) and bumps the plans of campaigns whose steps use it.</summary>
    public async Task<OutreachTemplate?> UpdateTemplate(Guid organizationId, Guid? campaignId, Guid templateId, TemplateChanges changes)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand($"""
            UPDATE outreach_templates SET name = coalesce($4, name), content = coalesce($5, content), updated_at = $6
            WHERE id = $1 AND organization_id = $2 AND campaign_id IS NOT DISTINCT FROM $3
            RETURNING {TemplateColumns}
            """, connection, tx);
        cmd.Parameters.AddWithValue(templateId);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Uuid, campaignId is { } c ? c : DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)changes.Name ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)changes.Content ?? DBNull.Value);
        cmd.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        if ((await ReadTemplates(cmd)).SingleOrDefault() is not { } template)
        {
            return null;
        }

        await using (var bump = new NpgsqlCommand("""
            UPDATE outreach_plan_versions SET version = version + 1
            WHERE campaign_id IN (SELECT campaign_id FROM outreach_steps WHERE template_id = $1)
            """, connection, tx))
        {
            bump.Parameters.AddWithValue(templateId);
            await bump.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return template;
    }

    /// <summary>Deletes a template unless a step uses it: Deleted, InUse (with the campaigns using it) or NotFound.</summary>
    public async Task<(TemplateDeletion Outcome, OutreachTemplate? Template)> DeleteTemplate(Guid organizationId, Guid? campaignId, Guid templateId)
    {
        await using var cmd = db.CreateCommand($"""
            DELETE FROM outreach_templates
            WHERE id = $1 AND organization_id = $2 AND campaign_id IS NOT DISTINCT FROM $3
            RETURNING {TemplateColumns}
            """);
        cmd.Parameters.AddWithValue(templateId);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Uuid, campaignId is { } c ? c : DBNull.Value);
        try
        {
            return (await ReadTemplates(cmd)).SingleOrDefault() is { } deleted
                ? (TemplateDeletion.Deleted, deleted)
                : (TemplateDeletion.NotFound, null);
        }
        catch (PostgresException e) when (e.SqlState == ForeignKeyViolation)
        {
            // outreach_steps.template_id has no cascade: the step keeps its template.
            return (TemplateDeletion.InUse, null);
        }
    }

    /// <summary>Whether a step of a campaign with one of <paramref name="statuses"/> (projection spelling) uses the template.</summary>
    public async Task<bool> UsedByCampaignIn(Guid templateId, IReadOnlyList<string> statuses)
    {
        await using var cmd = db.CreateCommand("""
            SELECT EXISTS (
                SELECT 1 FROM outreach_steps s JOIN campaigns c ON c.id = s.campaign_id
                WHERE s.template_id = $1 AND c.status = ANY ($2))
            """);
        cmd.Parameters.AddWithValue(templateId);
        cmd.Parameters.AddWithValue(statuses.ToArray());
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<IReadOnlyList<OutreachStep>> Steps(Guid campaignId)
    {
        await using var cmd = db.CreateCommand($"SELECT {StepColumns} FROM outreach_steps WHERE campaign_id = $1 ORDER BY order_index");
        cmd.Parameters.AddWithValue(campaignId);
        return await ReadSteps(cmd);
    }

    /// <summary>Inserts a step (appended when it has no order index); null when its order index is taken.</summary>
    public async Task<OutreachStep?> InsertStep(Guid campaignId, Guid stepId, StepDraft draft)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await LockPlan(connection, tx, campaignId);
        await using var cmd = new NpgsqlCommand($"""
            INSERT INTO outreach_steps (id, campaign_id, order_index, template_id, delay_hours, trigger_type, conditions, created_at, updated_at)
            VALUES ($1, $2, coalesce($3, (SELECT coalesce(max(order_index) + 1, 0) FROM outreach_steps WHERE campaign_id = $2)),
                    $4, $5, $6, $7::jsonb, $8, $8)
            RETURNING {StepColumns}
            """, connection, tx);
        cmd.Parameters.AddWithValue(stepId);
        cmd.Parameters.AddWithValue(campaignId);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Integer, draft.OrderIndex is { } order ? order : DBNull.Value);
        cmd.Parameters.AddWithValue(draft.TemplateId);
        cmd.Parameters.AddWithValue(draft.DelayHours);
        cmd.Parameters.AddWithValue(TriggerName(draft.Trigger));
        cmd.Parameters.AddWithValue(StepConditionsJson.Write(draft.Conditions));
        cmd.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        return await WriteStep(cmd, tx);
    }

    /// <summary>Applies the changes; NotFound when the campaign has no such step, null value when the new order index is taken.</summary>
    public async Task<(bool Found, OutreachStep? Step)> UpdateStep(Guid campaignId, Guid stepId, StepChanges changes)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await LockPlan(connection, tx, campaignId);
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM outreach_steps WHERE id = $1 AND campaign_id = $2)", connection, tx);
        exists.Parameters.AddWithValue(stepId);
        exists.Parameters.AddWithValue(campaignId);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return (false, null);
        }

        await using var cmd = new NpgsqlCommand($"""
            UPDATE outreach_steps SET
                order_index = coalesce($3, order_index), template_id = coalesce($4, template_id),
                delay_hours = coalesce($5, delay_hours), trigger_type = coalesce($6, trigger_type),
                conditions = coalesce($7::jsonb, conditions), updated_at = $8
            WHERE id = $1 AND campaign_id = $2
            RETURNING {StepColumns}
            """, connection, tx);
        var p = cmd.Parameters;
        p.AddWithValue(stepId);
        p.AddWithValue(campaignId);
        p.AddWithValue(NpgsqlDbType.Integer, changes.OrderIndex is { } order ? order : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, changes.TemplateId is { } template ? template : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Integer, changes.DelayHours is { } delay ? delay : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, changes.Trigger is { } trigger ? TriggerName(trigger) : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, changes.Conditions is { } conditions ? StepConditionsJson.Write(conditions) : DBNull.Value);
        p.AddWithValue(clock.UtcNowMicroseconds());
        return (true, await WriteStep(cmd, tx));
    }

    public async Task<OutreachStep?> DeleteStep(Guid campaignId, Guid stepId)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await LockPlan(connection, tx, campaignId);
        await using var cmd = new NpgsqlCommand($"DELETE FROM outreach_steps WHERE id = $1 AND campaign_id = $2 RETURNING {StepColumns}", connection, tx);
        cmd.Parameters.AddWithValue(stepId);
        cmd.Parameters.AddWithValue(campaignId);
        var deleted = (await ReadSteps(cmd)).SingleOrDefault();
        await tx.CommitAsync();
        return deleted;
    }

    /// <summary>
    /// Copies a campaign's templates (with new ids) and steps (pointing at the copies, or at the same presets) to a new
    /// campaign, in one transaction; a target that already has steps or templates is left alone, so a retry copies once.
    /// </summary>
    public async Task CopyPlan(Guid organizationId, Guid fromCampaignId, Guid toCampaignId)
    {
        var now = clock.UtcNowMicroseconds();
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var taken = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM outreach_templates WHERE campaign_id = $1) OR EXISTS (SELECT 1 FROM outreach_steps WHERE campaign_id = $1)",
            connection, tx))
        {
            taken.Parameters.AddWithValue(toCampaignId);
            if ((bool)(await taken.ExecuteScalarAsync())!)
            {
                return;
            }
        }

        var templates = await ReadTemplates(new NpgsqlCommand(
            $"SELECT {TemplateColumns} FROM outreach_templates WHERE campaign_id = $1 AND organization_id = $2 ORDER BY id", connection, tx)
        {
            Parameters = { new() { Value = fromCampaignId }, new() { Value = organizationId } },
        });
        var copies = new Dictionary<Guid, Guid>();
        foreach (var template in templates)
        {
            copies[template.Id] = TimeOrderedId.New();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO outreach_templates (id, organization_id, campaign_id, name, channel, content, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
                """, connection, tx);
            insert.Parameters.AddWithValue(copies[template.Id]);
            insert.Parameters.AddWithValue(organizationId);
            insert.Parameters.AddWithValue(toCampaignId);
            insert.Parameters.AddWithValue(template.Name);
            insert.Parameters.AddWithValue(template.Channel);
            insert.Parameters.AddWithValue(template.Content);
            insert.Parameters.AddWithValue(now);
            await insert.ExecuteNonQueryAsync();
        }

        var steps = await ReadSteps(new NpgsqlCommand($"SELECT {StepColumns} FROM outreach_steps WHERE campaign_id = $1 ORDER BY order_index", connection, tx)
        {
            Parameters = { new() { Value = fromCampaignId } },
        });
        foreach (var step in steps)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO outreach_steps (id, campaign_id, order_index, template_id, delay_hours, trigger_type, conditions, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $8)
                """, connection, tx);
            insert.Parameters.AddWithValue(TimeOrderedId.New());
            insert.Parameters.AddWithValue(toCampaignId);
            insert.Parameters.AddWithValue(step.OrderIndex);
            insert.Parameters.AddWithValue(copies.GetValueOrDefault(step.TemplateId, step.TemplateId));
            insert.Parameters.AddWithValue(step.DelayHours);
            insert.Parameters.AddWithValue(TriggerName(step.Trigger));
            insert.Parameters.AddWithValue(StepConditionsJson.Write(step.Conditions));
            insert.Parameters.AddWithValue(now);
            await insert.ExecuteNonQueryAsync();
        }

        if (steps.Count > 0)
        {
            await LockPlan(connection, tx, toCampaignId);
        }

        await tx.CommitAsync();
    }

    public static string TriggerName(StepTrigger trigger) => trigger == StepTrigger.AfterReply ? "after_reply" : "delay";

    /// <summary>Bumps (creating it at 1) the campaign's plan version; its row lock also orders concurrent edits of one plan.</summary>
    private static async Task LockPlan(NpgsqlConnection connection, NpgsqlTransaction tx, Guid campaignId)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO outreach_plan_versions (campaign_id, version) VALUES ($1, 1)
            ON CONFLICT (campaign_id) DO UPDATE SET version = outreach_plan_versions.version + 1
            """, connection, tx);
        cmd.Parameters.AddWithValue(campaignId);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a step insert or update and commits; a taken order index answers null.</summary>
    /// <remarks>The order key is deferred (so reorders can swap), hence it fails at commit, which ends the transaction.</remarks>
    private static async Task<OutreachStep?> WriteStep(NpgsqlCommand cmd, NpgsqlTransaction tx)
    {
        try
        {
            var step = (await ReadSteps(cmd)).Single();
            await tx.CommitAsync();
            return step;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation && e.ConstraintName == "outreach_steps_order_key")
        {
            return null;
        }
    }

    private static async Task<long> ReadVersion(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid campaignId)
    {
        await using var cmd = new NpgsqlCommand("SELECT version FROM outreach_plan_versions WHERE campaign_id = $1", connection, tx);
        cmd.Parameters.AddWithValue(campaignId);
        return await cmd.ExecuteScalarAsync() is long version ? version : 0;
    }

    private static async Task<IReadOnlyList<OutreachTemplate>> ReadTemplates(NpgsqlCommand cmd)
    {
        await using (cmd)
        {
            var templates = new List<OutreachTemplate>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                templates.Add(new OutreachTemplate(
                    reader.GetGuid(0),
                    reader.IsDBNull(1) ? null : reader.GetGuid(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetFieldValue<DateTimeOffset>(5),
                    reader.GetFieldValue<DateTimeOffset>(6)));
            }

            return templates;
        }
    }

    private static async Task<IReadOnlyList<OutreachStep>> ReadSteps(NpgsqlCommand cmd)
    {
        await using (cmd)
        {
            var steps = new List<OutreachStep>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                steps.Add(new OutreachStep(
                    reader.GetGuid(0),
                    reader.GetInt32(1),
                    reader.GetGuid(2),
                    reader.GetInt32(3),
                    reader.GetString(4) == "after_reply" ? StepTrigger.AfterReply : StepTrigger.Delay,
                    StepConditionsJson.Read(reader.GetString(5))));
            }

            return steps;
        }
    }
}

public enum TemplateDeletion
{
    Deleted,
    NotFound,
    InUse,
}
