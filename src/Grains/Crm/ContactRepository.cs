using System.Text.Json.Nodes;
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

/// <summary>All SQL that writes <c>crm_contacts</c> (its one writer); the statements other features run inside their own transactions are in ContactRepository.InTransaction.cs.</summary>
public sealed partial class ContactRepository(NpgsqlDataSource db, TimeProvider clock)
{
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";
    public const int MaxAttributes = 50;

    private const string Columns =
        "id, first_name, last_name, email, phone, telegram_id, telegram_username, company_id, attributes::text, created_at, updated_at";

    public async Task<(ContactWrite Outcome, ContactView? Contact)> Insert(Guid organizationId, Guid contactId, ContactDraft draft)
    {
        var now = clock.UtcNowMicroseconds();
        await using var connection = await db.OpenConnectionAsync();
        if (draft.CompanyId is { } companyId && !await CompanyExists(connection, organizationId, companyId))
        {
            return (ContactWrite.CompanyMissing, null);
        }

        await using var cmd = new NpgsqlCommand($"""
            INSERT INTO crm_contacts (id, organization_id, first_name, last_name, email, phone, telegram_id, telegram_username,
                                      company_id, attributes, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $11)
            RETURNING {Columns}
            """, connection);
        cmd.Parameters.AddWithValue(contactId);
        cmd.Parameters.AddWithValue(organizationId);
        AddValues(cmd.Parameters, draft);
        cmd.Parameters.AddWithValue(now);
        return await Write(cmd);
    }

    public async Task<ContactView?> Get(Guid organizationId, Guid contactId)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM crm_contacts WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(contactId);
        cmd.Parameters.AddWithValue(organizationId);
        return (await Read(cmd)).SingleOrDefault();
    }

    /// <summary>Applies the merge patch to the row under a lock, so concurrent patches of other fields are not lost.</summary>
    public async Task<(ContactWrite Outcome, ContactView? Contact)> Update(Guid organizationId, Guid contactId, ContactChanges changes)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var select = new NpgsqlCommand($"SELECT {Columns} FROM crm_contacts WHERE id = $1 AND organization_id = $2 FOR UPDATE", connection, tx);
        select.Parameters.AddWithValue(contactId);
        select.Parameters.AddWithValue(organizationId);
        if ((await Read(select)).SingleOrDefault() is not { } current)
        {
            return (ContactWrite.NotFound, null);
        }

        var values = changes.Values;
        bool Has(ContactField field) => changes.Fields.Contains(field);
        var attributes = Has(ContactField.Attributes) ? MergeAttributes(current.Attributes, values.Attributes) : current.Attributes;
        if (JsonNode.Parse(attributes)!.AsObject().Count > MaxAttributes)
        {
            return (ContactWrite.TooManyAttributes, null);
        }

        if (Has(ContactField.CompanyId) && values.CompanyId is { } companyId && !await CompanyExists(connection, organizationId, companyId))
        {
            return (ContactWrite.CompanyMissing, null);
        }

        var next = new ContactDraft(
            Has(ContactField.FirstName) ? values.FirstName : current.FirstName,
            Has(ContactField.LastName) ? values.LastName : current.LastName,
            Has(ContactField.Email) ? values.Email : current.Email,
            Has(ContactField.Phone) ? values.Phone : current.Phone,
            Has(ContactField.TelegramId) ? values.TelegramId : current.TelegramId,
            Has(ContactField.TelegramUsername) ? values.TelegramUsername : current.TelegramUsername,
            Has(ContactField.CompanyId) ? values.CompanyId : current.CompanyId,
            attributes);
        await using var update = new NpgsqlCommand($"""
            UPDATE crm_contacts SET first_name = $3, last_name = $4, email = $5, phone = $6, telegram_id = $7,
                telegram_username = $8, company_id = $9, attributes = $10::jsonb, updated_at = $11
            WHERE id = $1 AND organization_id = $2
            RETURNING {Columns}
            """, connection, tx);
        update.Parameters.AddWithValue(contactId);
        update.Parameters.AddWithValue(organizationId);
        AddValues(update.Parameters, next);
        update.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        var result = await Write(update);
        if (result.Outcome == ContactWrite.Written)
        {
            await tx.CommitAsync();
        }

        return result;
    }

    /// <summary>Deletes the contact and, by cascade, its leads.</summary>
    public async Task<bool> Delete(Guid organizationId, Guid contactId)
    {
        await using var cmd = db.CreateCommand("DELETE FROM crm_contacts WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(contactId);
        cmd.Parameters.AddWithValue(organizationId);
        return await cmd.ExecuteNonQueryAsync() > 0;
    }

    /// <summary>Newest first, keyset-paginated on the time-ordered id.</summary>
    public async Task<Page<ContactView>> List(Guid organizationId, ContactQuery query)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns} FROM crm_contacts c
            WHERE c.organization_id = $1
              AND ($2::uuid IS NULL OR c.id < $2)
              AND ($3::text IS NULL OR c.search_text ILIKE $3)
              AND ($4::uuid IS NULL OR c.company_id = $4)
              AND ($5::boolean IS NULL OR (c.telegram_id IS NOT NULL) = $5)
              AND ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM crm_leads l WHERE l.pipeline_id = $6 AND l.contact_id = c.id))
            ORDER BY c.id DESC
            LIMIT $7
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Uuid, query.After is { } after ? after : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, query.Text is { } text ? LikePattern.Containing(text) : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, query.CompanyId is { } company ? company : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Boolean, query.HasTelegram is { } telegram ? telegram : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, query.PipelineId is { } pipeline ? pipeline : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(query.Limit));
        var (items, next) = Keyset.Page((await Read(cmd)).ToList(), query.Limit, contact => contact.Id);
        return new Page<ContactView>(items, next);
    }

    /// <summary>RFC 7396 on a flat object: a null member removes the attribute, any other replaces it.</summary>
    private static string MergeAttributes(string current, string patch)
    {
        var merged = JsonNode.Parse(current)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(patch)!.AsObject())
        {
            merged.Remove(key);
            if (value is not null)
            {
                merged[key] = value.DeepClone();
            }
        }

        return merged.ToJsonString();
    }

    private static void AddValues(NpgsqlParameterCollection p, ContactDraft draft)
    {
        p.AddWithValue(NpgsqlDbType.Text, (object?)draft.FirstName ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)draft.LastName ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)draft.Email ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)draft.Phone ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Bigint, draft.TelegramId is { } telegramId ? telegramId : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)draft.TelegramUsername ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, draft.CompanyId is { } companyId ? companyId : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, draft.Attributes);
    }

    /// <summary>Runs an insert or update, telling the unique keys apart.</summary>
    private static async Task<(ContactWrite Outcome, ContactView? Contact)> Write(NpgsqlCommand cmd)
    {
        try
        {
            return (await Read(cmd)).SingleOrDefault() is { } contact ? (ContactWrite.Written, contact) : (ContactWrite.NotFound, null);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation && e.ConstraintName == "crm_contacts_telegram_id_key")
        {
            return (ContactWrite.TelegramIdTaken, null);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation && e.ConstraintName == "crm_contacts_email_key")
        {
            return (ContactWrite.EmailTaken, null);
        }
        catch (PostgresException e) when (e.SqlState == ForeignKeyViolation)
        {
            // The company was deleted between the check and the write.
            return (ContactWrite.CompanyMissing, null);
        }
    }

    private static async Task<bool> CompanyExists(NpgsqlConnection connection, Guid organizationId, Guid companyId)
    {
        await using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM crm_companies WHERE id = $1 AND organization_id = $2)", connection);
        cmd.Parameters.AddWithValue(companyId);
        cmd.Parameters.AddWithValue(organizationId);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<IReadOnlyList<ContactView>> Read(NpgsqlCommand cmd)
    {
        var rows = new List<ContactView>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add(new ContactView(
                r.GetGuid(0),
                r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : r.GetInt64(5),
                r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : r.GetGuid(7),
                r.GetString(8),
                r.GetFieldValue<DateTimeOffset>(9),
                r.GetFieldValue<DateTimeOffset>(10)));
        }

        return rows;
    }
}
