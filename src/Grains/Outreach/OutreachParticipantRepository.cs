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
/// All SQL for <c>outreach_participants</c> (the participants' projection and the bulk materialization target) and
/// <c>outreach_sends</c> (one row per participant and step: the "never twice" guard).
/// </summary>
/// <remarks>
/// Over 400 lines: the two tables are written together in the send path's statements. The repository split by table
/// family is part of the feature-folder restructure, which also moves the four tables it reads by ordinal.
/// </remarks>
public sealed class OutreachParticipantRepository(NpgsqlDataSource db)
{
    private const string Columns =
        "campaign_id, contact_id, organization_id, sending_account_id, chat_id, status, current_step, next_send_at, " +
        "last_sent_at, replied_at, reason, (metadata ? 'held') AS held, version, updated_at";

    /// <summary><see cref="Columns"/> of the table aliased <c>o</c>, for queries that join it.</summary>
    private const string QualifiedColumns =
        "o.campaign_id, o.contact_id, o.organization_id, o.sending_account_id, o.chat_id, o.status, o.current_step, o.next_send_at, " +
        "o.last_sent_at, o.replied_at, o.reason, (o.metadata ? 'held') AS held, o.version, o.updated_at";

    private const int RowColumnCount = 14;

    /// <summary>Why a contact picked without a Telegram id is bounced at start (a filter leaves such contacts out).</summary>
    public const string NoTelegramReason =
        "The contact has no Telegram id: a bot can only write to people who started it or whom it met in a group.";

    /// <summary>
    /// Materializes the audience in one transaction: the matching contacts (in id order, up to the limit) become
    /// participants due at <paramref name="firstDue"/>(contact). Contacts picked by id without a Telegram id are written
    /// <c>bounced</c> with <see cref="NoTelegramReason"/>. Idempotent: existing participants are kept as they are.
    /// Nothing is written when nobody can be sent to; the answer then has Sendable 0.
    /// </summary>
    public async Task<(int Sendable, int Total)> Materialize(
        Guid campaignId, Guid organizationId, Guid sendingAccountId, OutreachAudience audience,
        Func<Guid, DateTimeOffset> firstDue, DateTimeOffset now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();

        var picked = audience.ContactIds.Count > 0;
        var ids = new List<Guid>();
        var telegramIds = new List<long?>();
        await using (var select = new NpgsqlCommand("""
            SELECT c.id, c.telegram_id FROM crm_contacts c
            WHERE c.organization_id = $1
              AND (CASE WHEN cardinality($2::uuid[]) > 0 THEN c.id = ANY ($2)
                   ELSE ($3::boolean IS NOT TRUE OR c.telegram_id IS NOT NULL)
                        AND ($4::uuid IS NULL OR c.company_id = $4)
                        AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM crm_leads l WHERE l.contact_id = c.id AND l.pipeline_id = $5))
                   END)
              AND (NOT $6 OR NOT EXISTS (
                   SELECT 1 FROM outreach_participants o
                   WHERE o.organization_id = $1 AND o.contact_id = c.id AND o.campaign_id <> $7))
            ORDER BY c.id
            LIMIT $8
            """, connection, tx))
        {
            var p = select.Parameters;
            p.AddWithValue(organizationId);
            p.AddWithValue(audience.ContactIds.ToArray());
            p.AddWithValue(NpgsqlDbType.Boolean, audience.HasTelegram is { } has ? has : DBNull.Value);
            p.AddWithValue(NpgsqlDbType.Uuid, audience.CompanyId is { } company ? company : DBNull.Value);
            p.AddWithValue(NpgsqlDbType.Uuid, audience.PipelineId is { } pipeline ? pipeline : DBNull.Value);
            p.AddWithValue(audience.OnlyNew);
            p.AddWithValue(campaignId);
            p.AddWithValue(NpgsqlDbType.Bigint, audience.Limit is { } limit ? (long)limit : long.MaxValue);
            await using var r = await select.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var telegramId = r.IsDBNull(1) ? (long?)null : r.GetInt64(1);
                // A filter only finds people a bot can write to; a picked contact is kept, bounced, so the operator sees why.
                if (telegramId is null && !picked)
                {
                    continue;
                }

                ids.Add(r.GetGuid(0));
                telegramIds.Add(telegramId);
            }
        }

        var sendable = telegramIds.Count(t => t is not null);
        if (sendable == 0)
        {
            await tx.RollbackAsync();
            return (0, ids.Count);
        }

        var statuses = telegramIds.Select(t => t is null ? "bounced" : "pending").ToArray();
        var due = ids.Select((id, i) => telegramIds[i] is null ? (DateTimeOffset?)null : PostgresTime.Truncate(firstDue(id))).ToArray();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO outreach_participants
                (campaign_id, contact_id, organization_id, sending_account_id, chat_id, status, current_step, next_send_at,
                 reason, created_at, updated_at)
            SELECT $1, u.contact_id, $2, $3, u.chat_id, u.status, 0, u.next_send_at,
                   CASE WHEN u.status = 'bounced' THEN $8 END, $4, $4
            FROM unnest($5::uuid[], $6::bigint[], $7::text[], $9::timestamptz[]) AS u (contact_id, chat_id, status, next_send_at)
            ON CONFLICT (campaign_id, contact_id) DO NOTHING
            """, connection, tx))
        {
            var p = insert.Parameters;
            p.AddWithValue(campaignId);
            p.AddWithValue(organizationId);
            p.AddWithValue(sendingAccountId);
            p.AddWithValue(now);
            p.AddWithValue(ids.ToArray());
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = telegramIds.ToArray() });
            p.AddWithValue(statuses);
            p.AddWithValue(NoTelegramReason);
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, Value = due });
            await insert.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return (sendable, ids.Count);
    }

    /// <summary>Whether the campaign already has participants (a start that got that far before a crash).</summary>
    public async Task<bool> Any(Guid campaignId)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM outreach_participants WHERE campaign_id = $1)");
        cmd.Parameters.AddWithValue(campaignId);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Due participants (index <c>outreach_participants_due</c>), in due order, after the keyset cursor.</summary>
    public async Task<IReadOnlyList<(Guid ContactId, DateTimeOffset DueAt)>> Due(
        Guid campaignId, DateTimeOffset now, (DateTimeOffset DueAt, Guid ContactId)? after, int limit)
    {
        await using var cmd = db.CreateCommand("""
            SELECT contact_id, next_send_at FROM outreach_participants
            WHERE campaign_id = $1 AND status IN ('pending', 'sent', 'delivered', 'replied') AND next_send_at IS NOT NULL
              AND next_send_at <= $2
              AND ($3::timestamptz IS NULL OR (next_send_at, contact_id) > ($3, $4))
            ORDER BY next_send_at, contact_id
            LIMIT $5
            """);
        var p = cmd.Parameters;
        p.AddWithValue(campaignId);
        p.AddWithValue(now);
        p.AddWithValue(NpgsqlDbType.TimestampTz, after is { } a ? a.DueAt : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, after is { } b ? b.ContactId : DBNull.Value);
        p.AddWithValue(limit);
        var rows = new List<(Guid, DateTimeOffset)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add((r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1)));
        }

        return rows;
    }

    /// <summary>Participants still on their way: a step scheduled, or held for an operator.</summary>
    public async Task<bool> AnyOpen(Guid campaignId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT EXISTS (
                SELECT 1 FROM outreach_participants
                WHERE campaign_id = $1 AND status IN ('pending', 'sent', 'delivered', 'replied')
                  AND (next_send_at IS NOT NULL OR metadata ? 'held'))
            """);
        cmd.Parameters.AddWithValue(campaignId);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The campaign was stopped: everyone not yet final is <c>stopped</c> (their grains agree when they next wake).</summary>
    public async Task<int> StopRemaining(Guid campaignId, string reason, DateTimeOffset now)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE outreach_participants
            SET status = 'stopped', reason = $2, next_send_at = NULL, version = version + 1, updated_at = $3
            WHERE campaign_id = $1 AND status IN ('pending', 'sent', 'delivered')
            """);
        cmd.Parameters.AddWithValue(campaignId);
        cmd.Parameters.AddWithValue(reason);
        cmd.Parameters.AddWithValue(now);
        return await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The participant's row and its contact's facts in one statement: what a participant's first activation reads
    /// before its first send (the facts then serve that send's conditions and placeholders).
    /// </summary>
    public async Task<(ParticipantRow Row, ContactFacts Contact, IReadOnlyDictionary<Guid, Guid> StageByPipeline)?> GetWithFacts(Guid campaignId, Guid contactId)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {QualifiedColumns}, {FactsColumns}
            FROM outreach_participants o
            LEFT JOIN crm_contacts c ON c.id = o.contact_id AND c.organization_id = o.organization_id
            LEFT JOIN crm_companies co ON co.id = c.company_id
            WHERE o.campaign_id = $1 AND o.contact_id = $2
            """);
        cmd.Parameters.AddWithValue(campaignId);
        cmd.Parameters.AddWithValue(contactId);
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync())
        {
            return null;
        }

        var (contact, stages) = ReadFacts(r, RowColumnCount);
        return (ReadRow(r), contact, stages);
    }

    /// <summary>Writes the grain's view of the participant unless the row already holds a newer version.</summary>
    public async Task Project(ParticipantRow row)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE outreach_participants SET
                status = $3, current_step = $4, next_send_at = $5, last_sent_at = $6, replied_at = $7, reason = $8,
                metadata = CASE WHEN $9 THEN metadata || '{"held": true}' ELSE metadata - 'held' END
                           || jsonb_build_object('skipped', $12::int[]),
                version = $10, updated_at = $11
            WHERE campaign_id = $1 AND contact_id = $2 AND version < $10
            """);
        var p = cmd.Parameters;
        p.AddWithValue(row.CampaignId);
        p.AddWithValue(row.ContactId);
        p.AddWithValue(DbNames.Of(row.Status));
        p.AddWithValue(row.CurrentStep);
        p.AddWithValue(NpgsqlDbType.TimestampTz, row.NextSendAt is { } next ? next : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, row.LastSentAt is { } last ? last : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, row.RepliedAt is { } replied ? replied : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)row.Reason ?? DBNull.Value);
        p.AddWithValue(row.Held);
        p.AddWithValue(row.Version);
        p.AddWithValue(row.UpdatedAt);
        p.AddWithValue(row.Skipped.ToArray());
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The contact's participants in the organization's active or paused outreach campaigns (where a reply goes).</summary>
    public async Task<IReadOnlyList<Guid>> LiveCampaignsOf(Guid organizationId, Guid contactId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT o.campaign_id FROM outreach_participants o
            JOIN campaigns c ON c.id = o.campaign_id
            WHERE o.organization_id = $1 AND o.contact_id = $2 AND c.status IN ('active', 'paused')
            """);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(contactId);
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            ids.Add(r.GetGuid(0));
        }

        return ids;
    }

    /// <summary>What conditions and templates read: the contact (with its company's name) and its stage per pipeline.</summary>
    public async Task<(ContactFacts Contact, IReadOnlyDictionary<Guid, Guid> StageByPipeline)> Facts(Guid organizationId, Guid contactId)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {FactsColumns}
            FROM crm_contacts c LEFT JOIN crm_companies co ON co.id = c.company_id
            WHERE c.id = $1 AND c.organization_id = $2
            """);
        cmd.Parameters.AddWithValue(contactId);
        cmd.Parameters.AddWithValue(organizationId);
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? ReadFacts(r, 0) : (ContactFacts.Unknown, new Dictionary<Guid, Guid>());
    }

    private const string FactsColumns = """
        c.id, c.first_name, c.last_name, c.email, c.phone, c.telegram_id, co.name,
        (SELECT coalesce(array_agg(l.pipeline_id), '{}') FROM crm_leads l WHERE l.contact_id = c.id),
        (SELECT coalesce(array_agg(l.stage_id), '{}') FROM crm_leads l WHERE l.contact_id = c.id)
        """;

    /// <summary>The facts at <paramref name="offset"/> (the columns of <see cref="FactsColumns"/>); a missing contact is Unknown.</summary>
    private static (ContactFacts Contact, IReadOnlyDictionary<Guid, Guid> StageByPipeline) ReadFacts(NpgsqlDataReader r, int offset)
    {
        if (r.IsDBNull(offset))
        {
            return (ContactFacts.Unknown, new Dictionary<Guid, Guid>());
        }

        var contact = new ContactFacts(
            Text(r, offset + 1), Text(r, offset + 2), Text(r, offset + 3), Text(r, offset + 4),
            r.IsDBNull(offset + 5) ? null : r.GetInt64(offset + 5), Text(r, offset + 6));
        var pipelines = r.GetFieldValue<Guid[]>(offset + 7);
        var stages = r.GetFieldValue<Guid[]>(offset + 8);
        var byPipeline = new Dictionary<Guid, Guid>();
        for (var i = 0; i < pipelines.Length; i++)
        {
            byPipeline[pipelines[i]] = stages[i];
        }

        return (contact, byPipeline);
    }

    /// <summary>
    /// Records the intent to send a step, before Telegram is called. Null when this call recorded it; otherwise the
    /// status of the row already there (a send of this step that happened, failed or may have happened).
    /// </summary>
    public async Task<string?> RecordIntent(Guid campaignId, Guid contactId, Guid organizationId, int step, Guid accountId, DateTimeOffset now)
    {
        await using var cmd = db.CreateCommand("""
            WITH inserted AS (
                INSERT INTO outreach_sends (id, campaign_id, contact_id, organization_id, step_index, sending_account_id, status, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, 'intent', $7)
                ON CONFLICT (campaign_id, contact_id, step_index) DO NOTHING
                RETURNING 1)
            SELECT CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN NULL
                   ELSE (SELECT status FROM outreach_sends WHERE campaign_id = $2 AND contact_id = $3 AND step_index = $5) END
            """);
        var p = cmd.Parameters;
        p.AddWithValue(TimeOrderedId.New());
        p.AddWithValue(campaignId);
        p.AddWithValue(contactId);
        p.AddWithValue(organizationId);
        p.AddWithValue(step);
        p.AddWithValue(accountId);
        p.AddWithValue(now);
        return await cmd.ExecuteScalarAsync() as string;
    }

    /// <summary>The send of the step happened: its message id and instant (only from intent, so a late write cannot undo another outcome).</summary>
    public Task MarkSent(Guid campaignId, Guid contactId, int step, long messageId, DateTimeOffset at) =>
        SetOutcome(campaignId, contactId, step, "sent", messageId, null, at);

    /// <summary>The step ended bounced or failed with Telegram's words.</summary>
    public Task MarkEnded(Guid campaignId, Guid contactId, int step, string status, string? error) =>
        SetOutcome(campaignId, contactId, step, status, null, error, null);

    /// <summary>
    /// The step's outcome is not known (a crash after the intent, or an answer from Telegram that never came): it becomes
    /// unknown, never re-sent automatically. <paramref name="error"/> says why; none means the crash.
    /// </summary>
    public Task MarkUnknown(Guid campaignId, Guid contactId, int step, string? error = null) =>
        SetOutcome(campaignId, contactId, step, "unknown", null, error ?? "The silo stopped while sending; the message may or may not have been delivered.", null);

    /// <summary>Telegram asked to wait (429): nothing was sent, the intent is withdrawn and the step is tried again later.</summary>
    public async Task WithdrawIntent(Guid campaignId, Guid contactId, int step)
    {
        await using var cmd = db.CreateCommand(
            "DELETE FROM outreach_sends WHERE campaign_id = $1 AND contact_id = $2 AND step_index = $3 AND status = 'intent'");
        cmd.Parameters.AddWithValue(campaignId);
        cmd.Parameters.AddWithValue(contactId);
        cmd.Parameters.AddWithValue(step);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>An operator's retry: the unknown row becomes an intent again (one more attempt) so it can be sent.</summary>
    public async Task<bool> ReopenUnknown(Guid campaignId, Guid contactId, int step)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE outreach_sends SET status = 'intent', attempts = attempts + 1, error = NULL
            WHERE campaign_id = $1 AND contact_id = $2 AND step_index = $3 AND status = 'unknown'
            """);
        cmd.Parameters.AddWithValue(campaignId);
        cmd.Parameters.AddWithValue(contactId);
        cmd.Parameters.AddWithValue(step);
        return await cmd.ExecuteNonQueryAsync() == 1;
    }

    private async Task SetOutcome(Guid campaignId, Guid contactId, int step, string status, long? messageId, string? error, DateTimeOffset? sentAt)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE outreach_sends SET status = $4, telegram_message_id = coalesce($5, telegram_message_id), error = $6, sent_at = coalesce($7, sent_at)
            WHERE campaign_id = $1 AND contact_id = $2 AND step_index = $3 AND status = 'intent'
            """);
        var p = cmd.Parameters;
        p.AddWithValue(campaignId);
        p.AddWithValue(contactId);
        p.AddWithValue(step);
        p.AddWithValue(status);
        p.AddWithValue(NpgsqlDbType.Bigint, messageId is { } id ? id : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)error ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, sentAt is { } at ? at : DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The row of a step already sent (state lagging behind the row after a crash between the two writes).</summary>
    public async Task<DateTimeOffset?> SentAt(Guid campaignId, Guid contactId, int step)
    {
        await using var cmd = db.CreateCommand(
            "SELECT sent_at FROM outreach_sends WHERE campaign_id = $1 AND contact_id = $2 AND step_index = $3 AND status IN ('sent', 'delivered')");
        cmd.Parameters.AddWithValue(campaignId);
        cmd.Parameters.AddWithValue(contactId);
        cmd.Parameters.AddWithValue(step);
        return await cmd.ExecuteScalarAsync() is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    /// <summary>A page of the campaign's participants (index <c>outreach_participants_status</c> with a status, the key without).</summary>
    public async Task<ParticipantPage> List(Guid campaignId, ParticipantStatus? status, Guid? after, int limit)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns} FROM outreach_participants
            WHERE campaign_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::uuid IS NULL OR contact_id > $3)
            ORDER BY contact_id
            LIMIT $4
            """);
        var p = cmd.Parameters;
        p.AddWithValue(campaignId);
        p.AddWithValue(NpgsqlDbType.Text, status is { } s ? DbNames.Of(s) : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, after is { } a ? a : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(limit));
        var (items, next) = Keyset.Page((await Read(cmd)).Select(row => row.ToView()).ToList(), limit, v => v.ContactId);
        return new ParticipantPage(items, next);
    }

    public async Task<OutreachStats> Stats(Guid campaignId)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var byStatus = new Dictionary<string, int>();
        int replied = 0, held = 0;
        await using (var cmd = new NpgsqlCommand("""
            SELECT status, count(*), count(replied_at), count(*) FILTER (WHERE metadata ? 'held')
            FROM outreach_participants WHERE campaign_id = $1 GROUP BY status
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue(campaignId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                byStatus[r.GetString(0)] = (int)r.GetInt64(1);
                replied += (int)r.GetInt64(2);
                held += (int)r.GetInt64(3);
            }
        }

        var steps = new SortedDictionary<int, int[]>();
        int[] Step(int index) => steps.TryGetValue(index, out var row) ? row : steps[index] = new int[6];
        await using (var cmd = new NpgsqlCommand("""
            SELECT step_index, status, count(*) FROM outreach_sends WHERE campaign_id = $1 GROUP BY step_index, status
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue(campaignId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var column = r.GetString(1) switch
                {
                    "sent" or "delivered" => 0,
                    "failed" => 2,
                    "bounced" => 3,
                    "unknown" => 4,
                    _ => -1,
                };
                if (column >= 0)
                {
                    Step(r.GetInt32(0))[column] += (int)r.GetInt64(2);
                }
            }
        }

        await using (var cmd = new NpgsqlCommand("""
            SELECT s.step, count(*) FROM outreach_participants p, unnest(
                ARRAY(SELECT jsonb_array_elements_text(coalesce(p.metadata -> 'skipped', '[]'))::int)) AS s (step)
            WHERE p.campaign_id = $1 AND p.metadata ? 'skipped'
            GROUP BY s.step
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue(campaignId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                Step(r.GetInt32(0))[1] += (int)r.GetInt64(1);
            }
        }

        // The step each replier last received before replying (the funnel's "replied after").
        await using (var cmd = new NpgsqlCommand("""
            SELECT last.step_index, count(*) FROM outreach_participants p
            CROSS JOIN LATERAL (
                SELECT max(s.step_index) AS step_index FROM outreach_sends s
                WHERE s.campaign_id = p.campaign_id AND s.contact_id = p.contact_id
                  AND s.status IN ('sent', 'delivered') AND s.sent_at <= p.replied_at) last
            WHERE p.campaign_id = $1 AND p.replied_at IS NOT NULL AND last.step_index IS NOT NULL
            GROUP BY last.step_index
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue(campaignId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                Step(r.GetInt32(0))[5] += (int)r.GetInt64(1);
            }
        }

        await tx.CommitAsync();
        int Count(string status) => byStatus.GetValueOrDefault(status);
        return new OutreachStats(
            byStatus.Values.Sum(), Count("pending"), Count("sent"), Count("delivered"), replied, Count("bounced"),
            Count("stopped"), Count("failed"), Count("completed"), steps.Values.Sum(s => s[0]), held,
            steps.Select(pair => new StepFunnel(pair.Key, pair.Value[0], pair.Value[1], pair.Value[2], pair.Value[3], pair.Value[4], pair.Value[5])).ToList());
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static async Task<List<ParticipantRow>> Read(NpgsqlCommand cmd)
    {
        var rows = new List<ParticipantRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add(ReadRow(r));
        }

        return rows;
    }

    private static ParticipantRow ReadRow(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetGuid(2),
        r.IsDBNull(3) ? null : r.GetGuid(3),
        r.IsDBNull(4) ? null : r.GetInt64(4),
        DbNames.From<ParticipantStatus>(r.GetString(5)),
        r.GetInt32(6),
        r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
        r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
        r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9),
        Text(r, 10),
        r.GetBoolean(11),
        r.GetInt64(12),
        r.GetFieldValue<DateTimeOffset>(13),
        []);
}

/// <summary>One row of <c>outreach_participants</c> as the grain writes it.</summary>
public sealed record ParticipantRow(
    Guid CampaignId,
    Guid ContactId,
    Guid OrganizationId,
    Guid? SendingAccountId,
    long? ChatId,
    ParticipantStatus Status,
    int CurrentStep,
    DateTimeOffset? NextSendAt,
    DateTimeOffset? LastSentAt,
    DateTimeOffset? RepliedAt,
    string? Reason,
    bool Held,
    long Version,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<int> Skipped)
{
    public ParticipantView ToView() => new(
        CampaignId, ContactId, Status, CurrentStep, NextSendAt, LastSentAt, RepliedAt, Reason, SendingAccountId, ChatId, Held, UpdatedAt);
}
