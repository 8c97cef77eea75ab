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

/// <summary>All SQL for <c>sending_accounts</c>, and the per-account send counts read from <c>outreach_sends</c>.</summary>
public sealed class SendingAccountRepository(NpgsqlDataSource db, TimeProvider clock)
{
    private const string UniqueViolation = "23505";

    private const string Columns = "id, name, bot_user_id, bot_username, updates_mode, daily_cap, status, created_at, updated_at";

    /// <summary>False when the bot already belongs to a sending account (of any organization).</summary>
    public async Task<SendingAccountView?> Insert(
        Guid organizationId, Guid accountId, string name, string token, long botUserId, string? botUsername,
        UpdatesMode updates, int dailyCap, string webhookSecret)
    {
        var now = clock.UtcNowMicroseconds();
        await using var cmd = db.CreateCommand($"""
            INSERT INTO sending_accounts (id, organization_id, name, bot_token, bot_user_id, bot_username, updates_mode,
                                          webhook_secret, daily_cap, status, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10, $10)
            RETURNING {Columns}
            """);
        var p = cmd.Parameters;
        p.AddWithValue(accountId);
        p.AddWithValue(organizationId);
        p.AddWithValue(name);
        p.AddWithValue(token);
        p.AddWithValue(botUserId);
        p.AddWithValue(NpgsqlDbType.Text, (object?)botUsername ?? DBNull.Value);
        p.AddWithValue(DbNames.Of(updates));
        p.AddWithValue(webhookSecret);
        p.AddWithValue(dailyCap);
        p.AddWithValue(now);
        try
        {
            return (await Read(cmd)).Single();
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation && e.ConstraintName == "sending_accounts_bot_key")
        {
            return null;
        }
    }

    /// <summary>Whether another account already has this bot: checked before touching the bot's webhook.</summary>
    public async Task<bool> BotTaken(long botUserId, Guid accountId)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM sending_accounts WHERE bot_user_id = $1 AND id <> $2)");
        cmd.Parameters.AddWithValue(botUserId);
        cmd.Parameters.AddWithValue(accountId);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<SendingAccountView?> Get(Guid organizationId, Guid accountId)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM sending_accounts WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(accountId);
        cmd.Parameters.AddWithValue(organizationId);
        return (await Read(cmd)).SingleOrDefault();
    }

    /// <summary>Oldest first, so the seed's "first active account" is stable.</summary>
    public async Task<IReadOnlyList<SendingAccountView>> List(Guid organizationId)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM sending_accounts WHERE organization_id = $1 ORDER BY created_at, id");
        cmd.Parameters.AddWithValue(organizationId);
        return await Read(cmd);
    }

    /// <summary>What the silo needs to run an account: its organization, token, mode and offset. Never leaves the silo.</summary>
    public async Task<SendingAccountSecrets?> Secrets(Guid accountId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT organization_id, bot_token, bot_user_id, updates_mode, webhook_secret, daily_cap, status, polling_offset
            FROM sending_accounts WHERE id = $1
            """);
        cmd.Parameters.AddWithValue(accountId);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new SendingAccountSecrets(
            accountId, reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), DbNames.From<UpdatesMode>(reader.GetString(3)),
            reader.GetString(4), reader.GetInt32(5), DbNames.From<SendingAccountStatus>(reader.GetString(6)), reader.GetInt64(7));
    }

    /// <summary>Writes the fields the changes name; a new token comes with the bot identity getMe answered for it.</summary>
    public async Task<SendingAccountView?> Update(
        Guid organizationId, Guid accountId, SendingAccountChanges changes, (long Id, string? Username)? bot)
    {
        await using var cmd = db.CreateCommand($"""
            UPDATE sending_accounts SET
                name = coalesce($3, name),
                bot_token = coalesce($4, bot_token),
                bot_user_id = coalesce($5, bot_user_id),
                bot_username = CASE WHEN $5::bigint IS NULL THEN bot_username ELSE $6 END,
                daily_cap = coalesce($7, daily_cap),
                -- A new token that getMe accepted lifts token_refused, unless the same call sets a status.
                status = coalesce($8, CASE WHEN $4::text IS NOT NULL AND status = 'token_refused' THEN 'active' ELSE status END),
                updates_mode = coalesce($9, updates_mode),
                polling_offset = CASE WHEN $5::bigint IS NOT NULL AND $5 <> bot_user_id THEN 0 ELSE polling_offset END,
                updated_at = $10
            WHERE id = $1 AND organization_id = $2
            RETURNING {Columns}
            """);
        var p = cmd.Parameters;
        p.AddWithValue(accountId);
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Text, (object?)changes.Name ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)changes.BotToken ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Bigint, bot is { } b ? b.Id : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)bot?.Username ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Integer, changes.DailyCap is { } cap ? cap : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, changes.Status is { } status ? DbNames.Of(status) : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, changes.Updates is { } updates ? DbNames.Of(updates) : DBNull.Value);
        p.AddWithValue(clock.UtcNowMicroseconds());
        return (await Read(cmd)).SingleOrDefault();
    }

    /// <summary>Telegram answered 401 to the stored token.</summary>
    public async Task MarkTokenRefused(Guid accountId, string token)
    {
        // Only if the token is still the refused one: a PATCH may have replaced it meanwhile.
        await using var cmd = db.CreateCommand("""
            UPDATE sending_accounts SET status = 'token_refused', updated_at = $3
            WHERE id = $1 AND bot_token = $2 AND status = 'active'
            """);
        cmd.Parameters.AddWithValue(accountId);
        cmd.Parameters.AddWithValue(token);
        cmd.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<bool> Delete(Guid organizationId, Guid accountId)
    {
        await using var cmd = db.CreateCommand("DELETE FROM sending_accounts WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(accountId);
        cmd.Parameters.AddWithValue(organizationId);
        return await cmd.ExecuteNonQueryAsync() > 0;
    }

    public async Task SaveOffset(Guid accountId, long offset)
    {
        await using var cmd = db.CreateCommand("UPDATE sending_accounts SET polling_offset = greatest(polling_offset, $2) WHERE id = $1");
        cmd.Parameters.AddWithValue(accountId);
        cmd.Parameters.AddWithValue(offset);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Messages that count against the account's daily cap on [<paramref name="from"/>, <paramref name="to"/>): sent ones by
    /// their send time, and intents (in flight, or left unknown by a crash) by when they were recorded, since Telegram may
    /// have delivered them.
    /// </summary>
    public async Task<int> CountSends(Guid accountId, DateTimeOffset from, DateTimeOffset to)
    {
        await using var cmd = db.CreateCommand("""
            SELECT count(*) FROM outreach_sends
            WHERE sending_account_id = $1
              AND ((sent_at >= $2 AND sent_at < $3)
                   OR (sent_at IS NULL AND status IN ('intent', 'unknown') AND created_at >= $2 AND created_at < $3))
            """);
        cmd.Parameters.AddWithValue(accountId);
        cmd.Parameters.AddWithValue(from);
        cmd.Parameters.AddWithValue(to);
        return (int)(long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The seed's agents: each account of the organization with its messages sent on [from, to).</summary>
    public async Task<IReadOnlyList<SendingAgent>> Agents(Guid organizationId, DateTimeOffset from, DateTimeOffset to)
    {
        await using var cmd = db.CreateCommand("""
            SELECT a.id, a.name, a.bot_username, a.status, a.daily_cap,
                   (SELECT count(*) FROM outreach_sends s
                    WHERE s.sending_account_id = a.id AND s.sent_at >= $2 AND s.sent_at < $3)
            FROM sending_accounts a
            WHERE a.organization_id = $1
            ORDER BY a.created_at, a.id
            """);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(from);
        cmd.Parameters.AddWithValue(to);
        var agents = new List<SendingAgent>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            agents.Add(new SendingAgent(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                DbNames.From<SendingAccountStatus>(reader.GetString(3)), reader.GetInt32(4), (int)reader.GetInt64(5)));
        }

        return agents;
    }

    /// <summary>Every polling account that should have a poller running: what a silo start re-asserts.</summary>
    public async Task<IReadOnlyList<Guid>> ActivePollingAccounts()
    {
        await using var cmd = db.CreateCommand("SELECT id FROM sending_accounts WHERE status = 'active' AND updates_mode = 'polling'");
        var ids = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<IReadOnlyList<SendingAccountView>> Read(NpgsqlCommand cmd)
    {
        var accounts = new List<SendingAccountView>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            accounts.Add(new SendingAccountView(
                reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                DbNames.From<UpdatesMode>(reader.GetString(4)), reader.GetInt32(5), DbNames.From<SendingAccountStatus>(reader.GetString(6)),
                reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return accounts;
    }
}

/// <summary>A sending account as the silo runs it, token included; never sent to the API host.</summary>
public sealed record SendingAccountSecrets(
    Guid Id, Guid OrganizationId, string Token, long BotUserId, UpdatesMode Updates, string WebhookSecret, int DailyCap,
    SendingAccountStatus Status, long PollingOffset)
{
    public override string ToString() => $"SendingAccountSecrets {{ Id = {Id}, BotUserId = {BotUserId}, Status = {Status} }}";
}
