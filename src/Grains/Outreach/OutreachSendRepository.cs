using Campaigns.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Outreach;

/// <summary>
/// The only writer of <c>outreach_sends</c>: one row per participant and step, recorded as an intent before Telegram is
/// called and then given its outcome — the "never twice" guard of the send path (docs/ARCHITECTURE.md).
/// </summary>
/// <remarks>
/// Each method is one statement and one round trip, as it was when these lived in
/// <see cref="OutreachParticipantRepository"/>; the send path's cost depends on that. The funnel's counts read this table
/// inside <see cref="OutreachParticipantRepository.Stats"/>'s snapshot (a read, not a write).
/// </remarks>
public sealed class OutreachSendRepository(NpgsqlDataSource db)
{
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
}
