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
/// The outreach side of <c>crm_contacts</c>: the contact picker (with each contact's outreach status from
/// <c>outreach_participants</c>), CSV audience imports, ownership checks of picked ids, and the facts templates and
/// conditions read about one contact.
/// </summary>
public sealed class OutreachAudienceRepository(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>A participant of a campaign that is not over keeps its contact "in outreach" (projection status names).</summary>
    private const string InOutreach = """
        EXISTS (SELECT 1 FROM outreach_participants p JOIN campaigns k ON k.id = p.campaign_id
                WHERE p.organization_id = c.organization_id AND p.contact_id = c.id
                  AND k.status NOT IN ('completed', 'cancelled'))
        """;

    public async Task<Page<PickerContact>> Picker(Guid organizationId, PickerQuery query)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT * FROM (
                SELECT c.id, c.first_name, c.last_name, c.email, c.telegram_id, c.telegram_username, c.company_id, co.name,
                       {InOutreach} AS in_outreach
                FROM crm_contacts c LEFT JOIN crm_companies co ON co.id = c.company_id
                WHERE c.organization_id = $1
                  AND (c.telegram_id IS NOT NULL OR c.telegram_username IS NOT NULL)
                  AND ($2::uuid IS NULL OR c.id < $2)
                  AND ($3::text IS NULL OR c.search_text ILIKE $3)
                ORDER BY c.id DESC
            ) picked
            WHERE $4::boolean IS NULL OR in_outreach = $4
            ORDER BY id DESC
            LIMIT $5
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Uuid, query.After is { } after ? after : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, string.IsNullOrWhiteSpace(query.Search) ? DBNull.Value : LikePattern.Containing(query.Search.Trim()));
        p.AddWithValue(NpgsqlDbType.Boolean, query.Status is { } status ? status == OutreachContactStatus.InOutreach : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(query.Limit));
        var rows = new List<PickerContact>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(new PickerContact(
                    reader.GetGuid(0), Text(reader, 1), Text(reader, 2), Text(reader, 3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4), Text(reader, 5),
                    reader.IsDBNull(6) ? null : reader.GetGuid(6), Text(reader, 7),
                    reader.GetBoolean(8) ? OutreachContactStatus.InOutreach : OutreachContactStatus.New));
            }
        }

        var (items, next) = Keyset.Page(rows, query.Limit, c => c.Id);
        return new Page<PickerContact>(items, next);
    }

    /// <summary>The ids among <paramref name="contactIds"/> that are not contacts of the organization.</summary>
    public async Task<IReadOnlyList<Guid>> Missing(Guid organizationId, IReadOnlyList<Guid> contactIds)
    {
        if (contactIds.Count == 0)
        {
            return [];
        }

        await using var cmd = db.CreateCommand("""
            SELECT wanted.id FROM unnest($2::uuid[]) AS wanted (id)
            WHERE NOT EXISTS (SELECT 1 FROM crm_contacts c WHERE c.id = wanted.id AND c.organization_id = $1)
            """);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(contactIds.ToArray());
        var missing = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            missing.Add(reader.GetGuid(0));
        }

        return missing;
    }

    /// <summary>What templates and conditions read about a contact of the organization; null when there is none.</summary>
    public async Task<ContactFacts?> Facts(Guid organizationId, Guid contactId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT c.first_name, c.last_name, c.email, c.phone, c.telegram_id, co.name
            FROM crm_contacts c LEFT JOIN crm_companies co ON co.id = c.company_id
            WHERE c.id = $1 AND c.organization_id = $2
            """);
        cmd.Parameters.AddWithValue(contactId);
        cmd.Parameters.AddWithValue(organizationId);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new ContactFacts(Text(reader, 0), Text(reader, 1), Text(reader, 2), Text(reader, 3), reader.IsDBNull(4) ? null : reader.GetInt64(4), Text(reader, 5))
            : null;
    }

    /// <summary>
    /// Finds each row's contact (by telegram id, then username, then e-mail) or creates it, all in one transaction; a
    /// row the database refuses is rolled back to its savepoint, reported and skipped. A row resolving to a contact an
    /// earlier row already gave is not counted again.
    /// </summary>
    public async Task<AudienceImport> Import(Guid organizationId, IReadOnlyList<AudienceRow> rows)
    {
        var now = clock.UtcNowMicroseconds();
        var ids = new List<Guid>();
        var seen = new HashSet<Guid>();
        var errors = new List<AudienceRowError>();
        var created = 0;
        var matched = 0;
        // Company ids by lower-cased name, so a file naming one company on every row looks it up once.
        var companies = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var row in rows)
        {
            await tx.SaveAsync("row");
            try
            {
                var existing = await Find(connection, tx, organizationId, row);
                var id = existing ?? await Create(connection, tx, organizationId, row, companies, now);
                await tx.ReleaseAsync("row");
                if (!seen.Add(id))
                {
                    continue;
                }

                ids.Add(id);
                if (existing is null)
                {
                    created++;
                }
                else
                {
                    matched++;
                }
            }
            catch (PostgresException e)
            {
                await tx.RollbackAsync("row");
                errors.Add(new AudienceRowError(row.Row, e.SqlState == "23505"
                    ? "Another contact of the organization already has this telegram_id or email."
                    : $"The row was refused: {e.MessageText}"));
            }
        }

        await tx.CommitAsync();
        return new AudienceImport(ids, created, matched, errors);
    }

    private static async Task<Guid?> Find(NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, AudienceRow row)
    {
        foreach (var (condition, value) in new (string, object?)[]
        {
            ("telegram_id = $2", row.TelegramId),
            ("lower(telegram_username) = lower($2)", row.TelegramUsername),
            ("lower(email) = lower($2)", row.Email),
        })
        {
            if (value is null)
            {
                continue;
            }

            await using var cmd = new NpgsqlCommand(
                $"SELECT id FROM crm_contacts WHERE organization_id = $1 AND {condition} ORDER BY id LIMIT 1", connection, tx);
            cmd.Parameters.AddWithValue(organizationId);
            cmd.Parameters.AddWithValue(value);
            if (await cmd.ExecuteScalarAsync() is Guid id)
            {
                return id;
            }
        }

        return null;
    }

    private static async Task<Guid> Create(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, AudienceRow row, Dictionary<string, Guid> companies, DateTimeOffset now)
    {
        Guid? companyId = null;
        if (row.Company is { } company)
        {
            if (!companies.TryGetValue(company, out var known))
            {
                known = await FindOrCreateCompany(connection, tx, organizationId, company, now);
            }

            companyId = known;
        }

        var id = TimeOrderedId.New();
        await ContactRepository.InsertImported(connection, tx, organizationId, id,
            new ContactDraft(row.FirstName, row.LastName, row.Email, row.Phone, row.TelegramId, row.TelegramUsername, companyId), now);
        if (row.Company is { } name && companyId is { } resolved)
        {
            // Remembered only once the row is written: a row rolled back to its savepoint may have created the company.
            companies[name] = resolved;
        }

        return id;
    }

    /// <summary>A company named like the cell (ignoring case), created when the organization has none.</summary>
    private static async Task<Guid> FindOrCreateCompany(NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, string name, DateTimeOffset now)
    {
        await using (var find = new NpgsqlCommand(
            "SELECT id FROM crm_companies WHERE organization_id = $1 AND lower(name) = lower($2) ORDER BY id LIMIT 1", connection, tx))
        {
            find.Parameters.AddWithValue(organizationId);
            find.Parameters.AddWithValue(name);
            if (await find.ExecuteScalarAsync() is Guid existing)
            {
                return existing;
            }
        }

        var id = TimeOrderedId.New();
        await CompanyRepository.InsertNamed(connection, tx, organizationId, id, name, now);
        return id;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
