using Campaigns.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Crm;

/// <summary>
/// Writes of <c>crm_contacts</c> that other features make inside their own transaction (Telegram group members and
/// private chats become contacts; CSV audience imports create them row by row under savepoints). They take the caller's
/// connection and transaction so those stay atomic, and live here so this repository stays the table's only writer.
/// </summary>
public sealed partial class ContactRepository
{
    /// <summary>
    /// Members of a group without a contact by telegram_id adopt a contact with their username (it gets their id).
    /// Reads <c>telegram_chat_members</c> of the account's chat.
    /// </summary>
    public static async Task AdoptGroupMembers(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, Guid accountId, long chatId, DateTimeOffset now)
    {
        await using var adopt = new NpgsqlCommand("""
            UPDATE crm_contacts c SET telegram_id = pick.user_id, updated_at = $4
            FROM (SELECT DISTINCT ON (m.user_id) cc.id, m.user_id
                  FROM telegram_chat_members m
                  JOIN crm_contacts cc ON cc.organization_id = $1 AND cc.telegram_id IS NULL AND m.username IS NOT NULL
                                      AND lower(cc.telegram_username) = lower(m.username)
                  WHERE m.sending_account_id = $2 AND m.chat_id = $3
                    AND NOT EXISTS (SELECT 1 FROM crm_contacts x WHERE x.organization_id = $1 AND x.telegram_id = m.user_id)
                  ORDER BY m.user_id, cc.id) pick
            WHERE c.id = pick.id
            """, connection, tx);
        adopt.Parameters.AddWithValue(organizationId);
        adopt.Parameters.AddWithValue(accountId);
        adopt.Parameters.AddWithValue(chatId);
        adopt.Parameters.AddWithValue(now);
        await adopt.ExecuteNonQueryAsync();
    }

    /// <summary>Creates contacts for Telegram users (id, username, names as Telegram shows them); one already there by telegram_id is skipped.</summary>
    /// <returns>How many were created.</returns>
    public static async Task<int> InsertTelegramUsers(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, IReadOnlyList<TelegramUser> users, DateTimeOffset now)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO crm_contacts (id, organization_id, first_name, last_name, telegram_id, telegram_username, attributes, created_at, updated_at)
            SELECT u.id, $1, u.first_name, u.last_name, u.telegram_id, u.username, '{}'::jsonb, $7, $7
            FROM unnest($2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[]) AS u(id, telegram_id, username, first_name, last_name)
            ON CONFLICT (organization_id, telegram_id) WHERE telegram_id IS NOT NULL DO NOTHING
            """, connection, tx);
        var p = insert.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(users.Select(_ => TimeOrderedId.New()).ToArray());
        p.AddWithValue(users.Select(u => u.TelegramId).ToArray());
        p.AddWithValue(users.Select(u => u.Username).ToArray());
        p.AddWithValue(users.Select(u => u.FirstName).ToArray());
        p.AddWithValue(users.Select(u => u.LastName).ToArray());
        p.AddWithValue(now);
        return await insert.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Gives the oldest contact with this username and no telegram_id the id; null when there is none. Throws the unique
    /// violation when another contact got the id meanwhile, for the caller to match that one instead.
    /// </summary>
    public static async Task<Guid?> AdoptByUsername(NpgsqlConnection connection, Guid organizationId, long telegramId, string username, DateTimeOffset now)
    {
        await using var adopt = new NpgsqlCommand("""
            UPDATE crm_contacts SET telegram_id = $2, updated_at = $4
            WHERE id = (SELECT id FROM crm_contacts
                        WHERE organization_id = $1 AND telegram_id IS NULL AND lower(telegram_username) = lower($3)
                        ORDER BY id LIMIT 1)
            RETURNING id
            """, connection);
        adopt.Parameters.AddWithValue(organizationId);
        adopt.Parameters.AddWithValue(telegramId);
        adopt.Parameters.AddWithValue(username);
        adopt.Parameters.AddWithValue(now);
        return await adopt.ExecuteScalarAsync() is Guid adopted ? adopted : null;
    }

    /// <summary>Creates an imported contact (no attributes); a unique key already taken throws, for the caller's savepoint.</summary>
    public static async Task InsertImported(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, Guid contactId, ContactDraft draft, DateTimeOffset now)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO crm_contacts (id, organization_id, first_name, last_name, email, phone, telegram_id, telegram_username,
                                      company_id, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
            """, connection, tx);
        var p = cmd.Parameters;
        p.AddWithValue(contactId);
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Text, (object?)draft.FirstName ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)draft.LastName ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)draft.Email ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)draft.Phone ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Bigint, draft.TelegramId is { } telegramId ? telegramId : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)draft.TelegramUsername ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, draft.CompanyId is { } c ? c : DBNull.Value);
        p.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A Telegram user to make a contact of.</summary>
public sealed record TelegramUser(long TelegramId, string? Username, string? FirstName, string? LastName);
