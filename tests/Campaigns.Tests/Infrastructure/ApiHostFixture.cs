using System.Collections.Concurrent;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Outreach;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// One running API host (co-hosting a silo) per test class, on the shared test database, plus a
/// fresh organization with an admin key. Tests that need a clean slate make their own organization.
/// </summary>
public sealed class ApiHostFixture(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Task<IssuedKey>> keysByRole = new(StringComparer.Ordinal);
    private TestApiHost? host;
    private TestOrganization? organization;
    private HttpClient? admin;

    public string ConnectionString => postgres.ConnectionString;

    public TestApiHost Host => host ?? throw new InvalidOperationException("Host not started.");

    /// <summary>The organization shared by the tests of one class.</summary>
    public TestOrganization Org => organization ?? throw new InvalidOperationException("Organization not created.");

    /// <summary>An HTTP client carrying <see cref="Org"/>'s admin key.</summary>
    public HttpClient Admin => admin ?? throw new InvalidOperationException("Host not started.");

    public async ValueTask InitializeAsync()
    {
        host = await TestApiHost.Start(postgres.ConnectionString);
        organization = await TestOrganizations.Create(postgres.ConnectionString);
        admin = host.Client(organization.AdminKey);
    }

    public HttpClient Client(string? apiKey = null) => Host.Client(apiKey);

    /// <summary>A new organization with its own admin, for tests that count or compare what an organization holds.</summary>
    public async Task<(TestOrganization Org, HttpClient Admin)> NewOrganization()
    {
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        return (org, Host.Client(org.AdminKey));
    }

    /// <summary>A user of <see cref="Org"/> with <paramref name="role"/> and a key for them, created once per class.</summary>
    public Task<IssuedKey> KeyFor(string role) => keysByRole.GetOrAdd(role, r => Admin.CreateUserWithKey(r));

    public async ValueTask DisposeAsync()
    {
        admin?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
