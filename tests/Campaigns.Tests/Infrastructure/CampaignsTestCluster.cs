using Campaigns.Influencer;
using Campaigns.Silo;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Outreach;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// TestClusters whose silos run the real runtime wiring (<see cref="SiloConfiguration.UseCampaignsRuntime"/>):
/// ADO.NET membership, grain storage and reminders on the shared test PostgreSQL.
/// </summary>
public static class CampaignsTestCluster
{
    public static async Task<TestCluster> Deploy(string? clusterId = null, string? serviceId = null, short silos = 1)
    {
        _ = PostgresFixture.Current ?? throw new InvalidOperationException("Deploy a test cluster only after the PostgreSQL fixture has started.");
        var builder = new TestClusterBuilder(silos);
        builder.Options.ClusterId = clusterId ?? NewId("cluster");
        builder.Options.ServiceId = serviceId ?? NewId("service");
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<PostgresSilo>();
        builder.AddClientBuilderConfigurator<PostgresClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static string NewId(string kind) => $"test-{kind}-{Guid.NewGuid():N}";

    public static async Task Shutdown(TestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    private sealed class PostgresSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseCampaignsRuntime(PostgresFixture.Current!, TimeSpan.FromSeconds(1));
            StoredState.RoundTripCheckingSerializer.Install(siloBuilder.Services);
            // Tests share one database; a worker here would take (or hold) other tests' due jobs.
            siloBuilder.Services.Configure<ApifyWorkerOptions>(o => o.WorkerEnabled = false);
        }
    }

    private sealed class PostgresClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = SiloConfiguration.Invariant;
                o.ConnectionString = PostgresFixture.Current!;
            });
    }
}

/// <summary>One PostgreSQL-backed cluster shared by the grain tests; each test uses its own ids and organizations.</summary>
public sealed class ClusterFixture(PostgresFixture postgres) : IAsyncLifetime
{
    private TestCluster? cluster;

    public PostgresFixture Postgres { get; } = postgres;

    public TestCluster Cluster => cluster ?? throw new InvalidOperationException("Cluster not deployed.");

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync() => cluster = await CampaignsTestCluster.Deploy();

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await CampaignsTestCluster.Shutdown(cluster);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "PostgreSQL cluster";
}
