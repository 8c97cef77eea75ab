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
/// The only writer of <c>outreach_participants</c> (the participants' projection and the bulk materialization target).
/// <c>outreach_sends</c> is written by <see cref="OutreachSendRepository"/>; the CRM tables and <c>campaigns</c> are only
/// read here, joined into the statements that need them, and read back by column name.
/// </summary>
public sealed partial class OutreachParticipantRepository(NpgsqlDataSource db)
{
    private const string Columns =
        "campaign_id, contact_id, organization_id, sending_account_id, chat_id, status, current_step, next_send_at, " +
        "last_sent_at, replied_at, reason, (metadata ? 'held') AS held, version, updated_at";

    /// <summary><see cref="Columns"/> of the table aliased <c>o</c>, for queries that join it.</summary>
    private const string QualifiedColumns =
        "o.campaign_id, o.contact_id, o.organization_id, o.sending_account_id, o.chat_id, o.status, o.current_step, o.next_send_at, " +
        "o.last_sent_at, o.replied_at, o.reason, (o.metadata ? 'held') AS held, o.version, o.updated_at";

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
                var telegramId = Nullable<long>(r, "telegram_id");
                // A filter only finds people a bot can write to; a picked contact is kept, bounced, so the operator sees why.
                if (telegramId is null && !picked)
                {
                    continue;
                }

                ids.Add(r.GetGuid(r.GetOrdinal("id")));
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

        var (contact, stages) = ReadFacts(r);
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
            ids.Add(r.GetGuid(r.GetOrdinal("campaign_id")));
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
        return await r.ReadAsync() ? ReadFacts(r) : (ContactFacts.Unknown, new Dictionary<Guid, Guid>());
    }

    /// <summary>The contact's facts, each column named so <see cref="ReadFacts"/> reads them by name beside a participant's row.</summary>
    private const string FactsColumns = """
        c.id AS fact_contact_id, c.first_name, c.last_name, c.email, c.phone, c.telegram_id, co.name AS company_name,
        (SELECT coalesce(array_agg(l.pipeline_id), '{}') FROM crm_leads l WHERE l.contact_id = c.id) AS lead_pipeline_ids,
        (SELECT coalesce(array_agg(l.stage_id), '{}') FROM crm_leads l WHERE l.contact_id = c.id) AS lead_stage_ids
        """;

    /// <summary>The columns of <see cref="FactsColumns"/>; a missing contact is Unknown.</summary>
    private static (ContactFacts Contact, IReadOnlyDictionary<Guid, Guid> StageByPipeline) ReadFacts(NpgsqlDataReader r)
    {
        if (r.IsDBNull(r.GetOrdinal("fact_contact_id")))
        {
            return (ContactFacts.Unknown, new Dictionary<Guid, Guid>());
        }

        var contact = new ContactFacts(
            Text(r, "first_name"), Text(r, "last_name"), Text(r, "email"), Text(r, "phone"),
            Nullable<long>(r, "telegram_id"), Text(r, "company_name"));
        var pipelines = r.GetFieldValue<Guid[]>(r.GetOrdinal("lead_pipeline_ids"));
        var stages = r.GetFieldValue<Guid[]>(r.GetOrdinal("lead_stage_ids"));
        var byPipeline = new Dictionary<Guid, Guid>();
        for (var i = 0; i < pipelines.Length; i++)
        {
            byPipeline[pipelines[i]] = stages[i];
        }

        return (contact, byPipeline);
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

    private static string? Text(NpgsqlDataReader r, string column) =>
        r.GetOrdinal(column) is var i && r.IsDBNull(i) ? null : r.GetString(i);

    private static T? Nullable<T>(NpgsqlDataReader r, string column) where T : struct =>
        r.GetOrdinal(column) is var i && r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);

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

    /// <summary>The columns of <see cref="Columns"/>, by name.</summary>
    private static ParticipantRow ReadRow(NpgsqlDataReader r) => new(
        r.GetFieldValue<Guid>(r.GetOrdinal("campaign_id")),
        r.GetFieldValue<Guid>(r.GetOrdinal("contact_id")),
        r.GetFieldValue<Guid>(r.GetOrdinal("organization_id")),
        Nullable<Guid>(r, "sending_account_id"),
        Nullable<long>(r, "chat_id"),
        DbNames.From<ParticipantStatus>(r.GetString(r.GetOrdinal("status"))),
        r.GetInt32(r.GetOrdinal("current_step")),
        Nullable<DateTimeOffset>(r, "next_send_at"),
        Nullable<DateTimeOffset>(r, "last_sent_at"),
        Nullable<DateTimeOffset>(r, "replied_at"),
        Text(r, "reason"),
        r.GetBoolean(r.GetOrdinal("held")),
        r.GetInt64(r.GetOrdinal("version")),
        r.GetFieldValue<DateTimeOffset>(r.GetOrdinal("updated_at")),
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
