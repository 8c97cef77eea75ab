using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// API processes (each co-hosting a silo) joined into one cluster of their own on the shared test database, started
/// together; disposing kills whichever are still running, so a failing test leaves no process behind.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private const int ActiveStatus = 3;
    private const int DeadStatus = 6;

    private readonly string connectionString;

    private ProcessCluster(string connectionString, string clusterId, IReadOnlyList<ApiProcess> members)
    {
        this.connectionString = connectionString;
        ClusterId = clusterId;
        Members = members;
    }

    /// <summary>Also the service id: reminders are stored per service id, so other tests' hosts never fire these.</summary>
    public string ClusterId { get; }

    public IReadOnlyList<ApiProcess> Members { get; }

    /// <param name="settings">Settings every member gets on top of the database and cluster ids.</param>
    public static async Task<ProcessCluster> Start(string connectionString, int size, IReadOnlyDictionary<string, string> settings, TimeSpan readyWithin)
    {
        var clusterId = $"test-kill-{Guid.NewGuid():N}";
        var all = new Dictionary<string, string>(settings)
        {
            ["ConnectionStrings:Campaigns"] = connectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
        };
        var starting = Enumerable.Range(0, size).Select(i => ApiProcess.Start($"silo-{(char)('a' + i)}", all, readyWithin)).ToList();
        ApiProcess[] processes;
        try
        {
            processes = await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await (await started).DisposeAsync();
            }

            throw;
        }

        var cluster = new ProcessCluster(connectionString, clusterId, [.. processes]);
        try
        {
            await Waiting.Eventually(
                () => TestDatabase.Scalar<long>(
                    "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = $2", clusterId, ActiveStatus),
                active => active == size, $"{size} active silos in the membership table", readyWithin);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The member whose silo holds the grain's activation (see <see cref="GrainLocation"/>).</summary>
    public async Task<ApiProcess> HostOf<TGrain>(Guid key) where TGrain : IGrainWithGuidKey
    {
        var port = await GrainLocation.SiloPortOf<TGrain>(connectionString, ClusterId, ClusterId, key);
        return Members.SingleOrDefault(m => m.SiloPort == port)
            ?? throw new InvalidOperationException(
                $"{typeof(TGrain).Name} {key} is active on silo port {port?.ToString() ?? "(none)"}, not on any member ({string.Join(", ", Members.Select(m => $"{m.Name}: {m.SiloPort}"))}).");
    }

    /// <summary>Whether the cluster has declared the member's silo dead in the membership table.</summary>
    public async Task<bool> DeclaredDead(ApiProcess member) =>
        await TestDatabase.Scalar<int>(
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = $1 AND port = $2 ORDER BY generation DESC LIMIT 1",
            ClusterId, member.SiloPort) == DeadStatus;

    /// <summary>Everything the members wrote (the last lines of each), for assertion messages.</summary>
    public string Output => string.Join("\n\n", Members.Select(m => m.Output));

    public async ValueTask DisposeAsync()
    {
        foreach (var member in Members)
        {
            await member.DisposeAsync();
        }
    }
}
