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

/// <summary>All SQL that writes <c>crm_companies</c> (its one writer).</summary>
public sealed class CompanyRepository(NpgsqlDataSource db, TimeProvider clock)
{
    private const string Columns = "id, name, domain, created_at, updated_at";

    public async Task<CompanyView> Insert(Guid organizationId, Guid companyId, CompanyDraft draft)
    {
        await using var cmd = db.CreateCommand($"""
            INSERT INTO crm_companies (id, organization_id, name, domain, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $5)
            RETURNING {Columns}
            """);
        cmd.Parameters.AddWithValue(companyId);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(draft.Name);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)draft.Domain ?? DBNull.Value);
        cmd.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        return (await Read(cmd)).Single();
    }

    public async Task<CompanyView?> Get(Guid organizationId, Guid companyId)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM crm_companies WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(companyId);
        cmd.Parameters.AddWithValue(organizationId);
        return (await Read(cmd)).SingleOrDefault();
    }

    public async Task<CompanyView?> Update(Guid organizationId, Guid companyId, CompanyChanges changes)
    {
        await using var cmd = db.CreateCommand($"""
            UPDATE crm_companies SET
                name = coalesce($3, name),
                domain = CASE WHEN $4 THEN $5 ELSE domain END,
                updated_at = $6
            WHERE id = $1 AND organization_id = $2
            RETURNING {Columns}
            """);
        var p = cmd.Parameters;
        p.AddWithValue(companyId);
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Text, (object?)changes.Name ?? DBNull.Value);
        p.AddWithValue(changes.SetDomain);
        p.AddWithValue(NpgsqlDbType.Text, (object?)changes.Domain ?? DBNull.Value);
        p.AddWithValue(clock.UtcNowMicroseconds());
        return (await Read(cmd)).SingleOrDefault();
    }

    /// <summary>Its contacts stay, without a company (ON DELETE SET NULL).</summary>
    public async Task<bool> Delete(Guid organizationId, Guid companyId)
    {
        await using var cmd = db.CreateCommand("DELETE FROM crm_companies WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(companyId);
        cmd.Parameters.AddWithValue(organizationId);
        return await cmd.ExecuteNonQueryAsync() > 0;
    }

    /// <summary>Newest first, keyset-paginated; <paramref name="text"/> searches name and domain.</summary>
    public async Task<Page<CompanyView>> List(Guid organizationId, string? text, int limit, Guid? after)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns} FROM crm_companies
            WHERE organization_id = $1
              AND ($2::uuid IS NULL OR id < $2)
              AND ($3::text IS NULL OR (name || ' ' || coalesce(domain, '')) ILIKE $3)
            ORDER BY id DESC
            LIMIT $4
            """);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Uuid, after is { } cursor ? cursor : DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, text is not null ? LikePattern.Containing(text) : DBNull.Value);
        cmd.Parameters.AddWithValue(Keyset.RowsToFetch(limit));
        var (items, next) = Keyset.Page((await Read(cmd)).ToList(), limit, company => company.Id);
        return new Page<CompanyView>(items, next);
    }

    /// <summary>
    /// Creates a company with just a name inside the caller's transaction (a CSV audience import names companies by
    /// cell); the caller has looked for one of that name first.
    /// </summary>
    public static async Task InsertNamed(NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, Guid companyId, string name, DateTimeOffset now)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO crm_companies (id, organization_id, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)", connection, tx);
        insert.Parameters.AddWithValue(companyId);
        insert.Parameters.AddWithValue(organizationId);
        insert.Parameters.AddWithValue(name);
        insert.Parameters.AddWithValue(now);
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<IReadOnlyList<CompanyView>> Read(NpgsqlCommand cmd)
    {
        var rows = new List<CompanyView>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add(new CompanyView(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4)));
        }

        return rows;
    }
}
