using Campaigns.Silo.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Configuration;

namespace Campaigns.Tests.Hosting;

/// <summary>/health/ready is public: what it says about an unreachable database must not carry the driver's words.</summary>
public sealed class ReadinessTextTests
{
    [Fact]
    public async Task An_unreachable_database_is_reported_without_its_error_text()
    {
        var services = new ServiceCollection().AddLogging();
        services.Configure<ClusterOptions>(o => o.ServiceId = "readiness-text");
        services.AddHealthChecks().AddCampaignsReadiness("Host=127.0.0.1;Port=1;Username=secret_role;Password=hunter2;Database=hidden_db;Timeout=2");
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        var report = await health.CheckHealthAsync(check => check.Name == "postgresql", TestContext.Current.CancellationToken);

        var postgres = report.Entries["postgresql"];
        Assert.Equal(HealthStatus.Unhealthy, postgres.Status);
        Assert.Equal("PostgreSQL unreachable.", postgres.Description);
        Assert.NotNull(postgres.Exception); // for the log
    }
}
