using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;

namespace Campaigns.Tenancy;

/// <summary>All SQL for organizations, users and API keys.</summary>
public sealed class TenancyRepository(NpgsqlDataSource db, TimeProvider clock)
{
    private const string UniqueViolation = "23505";

    /// <summary>
    /// Creates the organization (or finds it by name), makes the e-mail an admin of it and issues a
    /// new key, all in one transaction. Re-running it for an existing organization is the recovery
    /// path for a lost admin key.
    /// </summary>
    public async Task<(Guid OrganizationId, bool OrganizationCreated, CreatedApiKey Key)> Bootstrap(string organizationName, string email)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var now = clock.UtcNowMicroseconds();

        Guid orgId;
        bool created;
        await using (var find = new NpgsqlCommand("SELECT id FROM organizations WHERE lower(name) = lower($1)", connection, tx))
        {
            find.Parameters.AddWithValue(organizationName);
            var existing = await find.ExecuteScalarAsync();
            created = existing is null;
            orgId = existing as Guid? ?? TimeOrderedId.New();
        }

        if (created)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO organizations (id, name, created_at) VALUES ($1, $2, $3)", connection, tx);
            insert.Parameters.AddWithValue(orgId);
            insert.Parameters.AddWithValue(organizationName);
            insert.Parameters.AddWithValue(now);
            await insert.ExecuteNonQueryAsync();
        }

        Guid userId;
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO users (id, organization_id, email, role, created_at) VALUES ($1, $2, $3, 'admin', $4)
            ON CONFLICT (organization_id, lower(email)) DO UPDATE SET role = 'admin'
            RETURNING id
            """, connection, tx))
        {
            upsert.Parameters.AddWithValue(TimeOrderedId.New());
            upsert.Parameters.AddWithValue(orgId);
            upsert.Parameters.AddWithValue(email);
            upsert.Parameters.AddWithValue(now);
            userId = (Guid)(await upsert.ExecuteScalarAsync())!;
        }

        var key = await InsertApiKey(connection, tx, orgId, userId, Role.Admin, "bootstrap", now);
        await tx.CommitAsync();
        return (orgId, created, key);
    }

    public async Task<UserView?> CreateUser(Guid organizationId, string email, Role role)
    {
        var user = new UserView(TimeOrderedId.New(), email, role, clock.UtcNowMicroseconds());
        await using var cmd = db.CreateCommand("INSERT INTO users (id, organization_id, email, role, created_at) VALUES ($1, $2, $3, $4, $5)");
        cmd.Parameters.AddWithValue(user.Id);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(email);
        cmd.Parameters.AddWithValue(DbNames.Of(role));
        cmd.Parameters.AddWithValue(user.CreatedAt);
        try
        {
            await cmd.ExecuteNonQueryAsync();
            return user;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<UserView>> ListUsers(Guid organizationId)
    {
        await using var cmd = db.CreateCommand($"{SelectUsers} WHERE organization_id = $1 ORDER BY id");
        cmd.Parameters.AddWithValue(organizationId);
        var users = new List<UserView>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            users.Add(ReadUser(r));
        }

        return users;
    }

    /// <summary>
    /// Changes a user's role and disabled state in one transaction that locks the organization's users, so two admins
    /// demoting each other at once cannot leave it with no active admin.
    /// </summary>
    public async Task<(UserUpdate Outcome, UserView? User)> UpdateUser(Guid organizationId, Guid userId, Role? role, bool? disabled)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var users = new List<UserView>();
        await using (var read = new NpgsqlCommand($"{SelectUsers} WHERE organization_id = $1 ORDER BY id FOR UPDATE", connection, tx))
        {
            read.Parameters.AddWithValue(organizationId);
            await using var r = await read.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                users.Add(ReadUser(r));
            }
        }

        if (users.FirstOrDefault(u => u.Id == userId) is not { } current)
        {
            return (UserUpdate.NotFound, null);
        }

        var changed = current with
        {
            Role = role ?? current.Role,
            DisabledAt = disabled switch { true => current.DisabledAt ?? clock.UtcNowMicroseconds(), false => null, null => current.DisabledAt },
        };
        if (!users.Select(u => u.Id == userId ? changed : u).Any(u => u is { Role: Role.Admin, DisabledAt: null }))
        {
            return (UserUpdate.LastAdmin, null);
        }

        await using (var write = new NpgsqlCommand("UPDATE users SET role = $2, disabled_at = $3 WHERE id = $1", connection, tx))
        {
            write.Parameters.AddWithValue(userId);
            write.Parameters.AddWithValue(DbNames.Of(changed.Role));
            write.Parameters.AddWithValue(changed.DisabledAt is { } at ? at : DBNull.Value);
            await write.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return (UserUpdate.Updated, changed);
    }

    private const string SelectUsers = "SELECT id, email, role, created_at, disabled_at FROM users";

    private static UserView ReadUser(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetString(1), DbNames.From<Role>(r.GetString(2)), r.GetFieldValue<DateTimeOffset>(3),
            r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4));

    /// <returns>Null when the user is not an active user of the organization.</returns>
    public async Task<CreatedApiKey?> CreateApiKey(Guid organizationId, Guid userId, string name, Guid? issuedBy)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var find = new NpgsqlCommand("SELECT role FROM users WHERE id = $1 AND organization_id = $2 AND disabled_at IS NULL", connection, tx);
        find.Parameters.AddWithValue(userId);
        find.Parameters.AddWithValue(organizationId);
        if (await find.ExecuteScalarAsync() is not string role)
        {
            return null;
        }

        var key = await InsertApiKey(connection, tx, organizationId, userId, DbNames.From<Role>(role), name, clock.UtcNowMicroseconds(), issuedBy);
        await tx.CommitAsync();
        return key;
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListApiKeys(Guid organizationId)
    {
        await using var cmd = db.CreateCommand($"{SelectKeys} WHERE k.organization_id = $1 ORDER BY k.id");
        cmd.Parameters.AddWithValue(organizationId);
        return await ReadKeys(cmd);
    }

    /// <summary>Revoking twice is harmless: the first revocation time is kept.</summary>
    public async Task<ApiKeyView?> RevokeApiKey(Guid organizationId, Guid apiKeyId)
    {
        await using var revoke = db.CreateCommand(
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, $3) WHERE id = $1 AND organization_id = $2");
        revoke.Parameters.AddWithValue(apiKeyId);
        revoke.Parameters.AddWithValue(organizationId);
        revoke.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        if (await revoke.ExecuteNonQueryAsync() == 0)
        {
            return null;
        }

        await using var read = db.CreateCommand($"{SelectKeys} WHERE k.id = $1");
        read.Parameters.AddWithValue(apiKeyId);
        return (await ReadKeys(read)).Single();
    }

    public async Task<Principal?> Authenticate(byte[] keyHash)
    {
        await using var cmd = db.CreateCommand("""
            SELECT k.organization_id, k.user_id, k.id, u.role
            FROM api_keys k JOIN users u ON u.id = k.user_id
            WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.disabled_at IS NULL
            """);
        cmd.Parameters.AddWithValue(keyHash);
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync()
            ? new Principal(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), DbNames.From<Role>(r.GetString(3)))
            : null;
    }

    private const string SelectKeys = """
        SELECT k.id, k.user_id, k.name, k.prefix, u.role, k.created_at, k.revoked_at, k.issued_by
        FROM api_keys k JOIN users u ON u.id = k.user_id
        """;

    private static async Task<IReadOnlyList<ApiKeyView>> ReadKeys(NpgsqlCommand cmd)
    {
        var keys = new List<ApiKeyView>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            keys.Add(new ApiKeyView(
                r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), DbNames.From<Role>(r.GetString(4)),
                r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetGuid(7)));
        }

        return keys;
    }

    private static async Task<CreatedApiKey> InsertApiKey(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, Guid userId, Role role, string name, DateTimeOffset now,
        Guid? issuedBy = null)
    {
        var secret = ApiKeySecret.Generate();
        var view = new ApiKeyView(TimeOrderedId.New(), userId, name, ApiKeySecret.PrefixOf(secret), role, now, null, issuedBy);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO api_keys (id, organization_id, user_id, name, prefix, key_hash, created_at, issued_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, connection, tx);
        cmd.Parameters.AddWithValue(view.Id);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(userId);
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(view.Prefix);
        cmd.Parameters.AddWithValue(ApiKeySecret.Hash(secret));
        cmd.Parameters.AddWithValue(now);
        cmd.Parameters.AddWithValue(issuedBy is { } issuer ? issuer : DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
        return new CreatedApiKey(view, secret);
    }
}
