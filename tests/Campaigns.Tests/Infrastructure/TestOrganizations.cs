using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;

namespace Campaigns.Tests.Infrastructure;

/// <summary>Creates organizations with an admin key, the way the bootstrap command does.</summary>
public static class TestOrganizations
{
    public static async Task<TestOrganization> Create(string connectionString, string? name = null)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        name ??= $"Org {Guid.NewGuid():N}";
        var email = $"admin-{Guid.NewGuid():N}@example.test";
        var (organizationId, _, key) = await new TenancyRepository(db, TimeProvider.System).Bootstrap(name, email);
        return new TestOrganization(organizationId, name, email, key.Key.UserId, key.Secret);
    }
}

public sealed record TestOrganization(Guid Id, string Name, string AdminEmail, Guid AdminUserId, string AdminKey);
