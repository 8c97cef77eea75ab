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

/// <summary>All SQL for <c>telegram_chats</c> and <c>telegram_chat_members</c>, and the contact matching they need.</summary>
public sealed class TelegramChatRepository(NpgsqlDataSource db, TimeProvider clock)
{
    private const string UniqueViolation = "23505";

    /// <summary>
    /// Records a private chat (the user pressed Start or wrote) and returns the CRM contact this user is: the one with
    /// this telegram_id, else one with this telegram_username and no telegram_id, which then gets the id.
    /// </summary>
    public async Task<Guid?> RecordPrivateChat(Guid accountId, Guid organizationId, TelegramPerson user, DateTimeOffset at)
    {
        await using var connection = await db.OpenConnectionAsync();
        var contactId = await MatchContact(connection, organizationId, user, clock.UtcNowMicroseconds());
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO telegram_chats (sending_account_id, chat_id, organization_id, type, username, first_name, last_name,
                                        contact_id, last_message_at, created_at, updated_at)
            VALUES ($1, $2, $3, 'private', $4, $5, $6, $7, $8, $9, $9)
            ON CONFLICT (sending_account_id, chat_id) DO UPDATE SET
                username = EXCLUDED.username, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
                contact_id = coalesce(EXCLUDED.contact_id, telegram_chats.contact_id),
                left_at = NULL,
                last_message_at = greatest(telegram_chats.last_message_at, EXCLUDED.last_message_at),
                updated_at = EXCLUDED.updated_at
            RETURNING contact_id
            """, connection);
        var p = cmd.Parameters;
        p.AddWithValue(accountId);
        p.AddWithValue(user.Id);
        p.AddWithValue(organizationId);
        AddNames(p, user);
        p.AddWithValue(NpgsqlDbType.Uuid, contactId is { } id ? id : DBNull.Value);
        p.AddWithValue(at);
        p.AddWithValue(clock.UtcNowMicroseconds());
        return await cmd.ExecuteScalarAsync() is Guid stored ? stored : null;
    }

    /// <summary>The user blocked the bot (or it was removed from / left a group or channel).</summary>
    public async Task MarkLeft(Guid accountId, long chatId)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE telegram_chats SET left_at = $3, updated_at = $3 WHERE sending_account_id = $1 AND chat_id = $2 AND left_at IS NULL
            """);
        cmd.Parameters.AddWithValue(accountId);
        cmd.Parameters.AddWithValue(chatId);
        cmd.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Records that the bot is in a group, supergroup or channel (it was added, or a message from there arrived).</summary>
    public async Task RecordGroup(Guid accountId, Guid organizationId, long chatId, string type, string? title, string? username, DateTimeOffset at)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO telegram_chats (sending_account_id, chat_id, organization_id, type, title, username, last_message_at, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
            ON CONFLICT (sending_account_id, chat_id) DO UPDATE SET
                type = EXCLUDED.type, title = coalesce(EXCLUDED.title, telegram_chats.title),
                username = coalesce(EXCLUDED.username, telegram_chats.username), left_at = NULL,
                last_message_at = greatest(telegram_chats.last_message_at, EXCLUDED.last_message_at),
                updated_at = EXCLUDED.updated_at
            """);
        var p = cmd.Parameters;
        p.AddWithValue(accountId);
        p.AddWithValue(chatId);
        p.AddWithValue(organizationId);
        p.AddWithValue(type);
        p.AddWithValue(NpgsqlDbType.Text, (object?)title ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)username ?? DBNull.Value);
        p.AddWithValue(at);
        p.AddWithValue(clock.UtcNowMicroseconds());
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Users seen in a group the bot is in (the group is recorded first by <see cref="RecordGroup"/>).</summary>
    public async Task RecordMembers(Guid accountId, long chatId, IReadOnlyList<TelegramPerson> users, DateTimeOffset at)
    {
        if (users.Count == 0)
        {
            return;
        }

        await using var cmd = db.CreateCommand("""
            INSERT INTO telegram_chat_members (sending_account_id, chat_id, user_id, username, first_name, last_name, first_seen_at, last_seen_at)
            SELECT $1, $2, u.id, u.username, u.first_name, u.last_name, $7, $7
            FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[]) AS u(id, username, first_name, last_name)
            ON CONFLICT (sending_account_id, chat_id, user_id) DO UPDATE SET
                username = EXCLUDED.username, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
                last_seen_at = greatest(telegram_chat_members.last_seen_at, EXCLUDED.last_seen_at)
            """);
        var distinct = users.DistinctBy(u => u.Id).ToList();
        var p = cmd.Parameters;
        p.AddWithValue(accountId);
        p.AddWithValue(chatId);
        p.AddWithValue(distinct.Select(u => u.Id).ToArray());
        p.AddWithValue(distinct.Select(u => u.Username).ToArray());
        p.AddWithValue(distinct.Select(u => u.FirstName).ToArray());
        p.AddWithValue(distinct.Select(u => u.LastName).ToArray());
        p.AddWithValue(at);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The seed's group sources: the organization's groups and channels the bots are still in.</summary>
    public async Task<IReadOnlyList<GroupSource>> GroupSources(Guid organizationId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT c.sending_account_id, c.chat_id, c.title, c.type,
                   (SELECT count(*) FROM telegram_chat_members m WHERE m.sending_account_id = c.sending_account_id AND m.chat_id = c.chat_id)
            FROM telegram_chats c
            WHERE c.organization_id = $1 AND c.type <> 'private' AND c.left_at IS NULL
            ORDER BY c.title, c.chat_id
            """);
        cmd.Parameters.AddWithValue(organizationId);
        var sources = new List<GroupSource>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sources.Add(new GroupSource(reader.GetGuid(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), (int)reader.GetInt64(4)));
        }

        return sources;
    }

    /// <summary>
    /// The users seen in a group as the organization's contacts, in one transaction: matched by telegram_id, else by
    /// telegram_username (the contact gets the id), else created with the id, username and names Telegram showed.
    /// Null when the chat is not a group or channel of the organization's account.
    /// </summary>
    public async Task<GroupContacts?> ContactsFromGroup(Guid organizationId, Guid accountId, long chatId)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var exists = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM telegram_chats
                           WHERE sending_account_id = $1 AND chat_id = $2 AND organization_id = $3 AND type <> 'private')
            """, connection, tx))
        {
            exists.Parameters.AddWithValue(accountId);
            exists.Parameters.AddWithValue(chatId);
            exists.Parameters.AddWithValue(organizationId);
            if (!(bool)(await exists.ExecuteScalarAsync())!)
            {
                return null;
            }
        }

        var now = clock.UtcNowMicroseconds();
        // Members without a contact by telegram_id: adopt a contact with their username, else create one.
        await ContactRepository.AdoptGroupMembers(connection, tx, organizationId, accountId, chatId, now);

        var missing = new List<TelegramPerson>();
        await using (var select = new NpgsqlCommand("""
            SELECT m.user_id, m.username, m.first_name, m.last_name
            FROM telegram_chat_members m
            WHERE m.sending_account_id = $2 AND m.chat_id = $3
              AND NOT EXISTS (SELECT 1 FROM crm_contacts c WHERE c.organization_id = $1 AND c.telegram_id = m.user_id)
            """, connection, tx))
        {
            select.Parameters.AddWithValue(organizationId);
            select.Parameters.AddWithValue(accountId);
            select.Parameters.AddWithValue(chatId);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                missing.Add(new TelegramPerson(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        var created = 0;
        if (missing.Count > 0)
        {
            created = await ContactRepository.InsertTelegramUsers(connection, tx, organizationId,
                missing.Select(u => new TelegramUser(u.Id, u.Username, u.FirstName, u.LastName)).ToList(), now);
        }

        var ids = new List<Guid>();
        await using (var all = new NpgsqlCommand("""
            SELECT c.id FROM telegram_chat_members m
            JOIN crm_contacts c ON c.organization_id = $1 AND c.telegram_id = m.user_id
            WHERE m.sending_account_id = $2 AND m.chat_id = $3
            ORDER BY c.id
            """, connection, tx))
        {
            all.Parameters.AddWithValue(organizationId);
            all.Parameters.AddWithValue(accountId);
            all.Parameters.AddWithValue(chatId);
            await using var reader = await all.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        await tx.CommitAsync();
        return new GroupContacts(ids, created, ids.Count - created);
    }

    private static async Task<Guid?> MatchContact(NpgsqlConnection connection, Guid organizationId, TelegramPerson user, DateTimeOffset now)
    {
        await using (var byId = new NpgsqlCommand("SELECT id FROM crm_contacts WHERE organization_id = $1 AND telegram_id = $2", connection))
        {
            byId.Parameters.AddWithValue(organizationId);
            byId.Parameters.AddWithValue(user.Id);
            if (await byId.ExecuteScalarAsync() is Guid id)
            {
                return id;
            }
        }

        if (user.Username is null)
        {
            return null;
        }

        try
        {
            return await ContactRepository.AdoptByUsername(connection, organizationId, user.Id, user.Username, now);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            // Another update gave a contact this telegram_id meanwhile: that contact is the match.
            return await MatchContact(connection, organizationId, user with { Username = null }, now);
        }
    }

    private static void AddNames(NpgsqlParameterCollection p, TelegramPerson user)
    {
        p.AddWithValue(NpgsqlDbType.Text, (object?)user.Username ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)user.FirstName ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)user.LastName ?? DBNull.Value);
    }
}

/// <summary>A Telegram user as an update shows them.</summary>
public sealed record TelegramPerson(long Id, string? Username, string? FirstName, string? LastName);
