using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Tenancy;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Campaigns.Silo.Hosting;

/// <summary>
/// Readiness check <c>grain-state</c>: Degraded while any grain of this service has stored state it cannot read
/// (<c>grain_state_failures</c>), naming the first few; Healthy otherwise.
/// </summary>
/// <remarks>
/// Degraded, not Unhealthy: readiness decides whether a host gets traffic, and the table is the same for every host,
/// so Unhealthy would take every host out of service for the sake of a few grains, which no restart repairs. Degraded
/// keeps /health/ready answering 200 while its body says what is wrong.
/// </remarks>
internal sealed class GrainStateCheck(string connectionString, IOptions<ClusterOptions> cluster) : IHealthCheck, IAsyncDisposable
{
    private const int Named = 3;
    private readonly NpgsqlDataSource db = NpgsqlDataSource.Create(connectionString);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var (failures, total) = await new GrainStateFailureRepository(db).List(cluster.Value.ServiceId, Named, cancellationToken);
            if (total == 0)
            {
                return HealthCheckResult.Healthy("Every grain loaded so far could read its stored state.");
            }

            var named = string.Join("; ", failures.Select(f => $"{f.StateName} {f.GrainKey} since {f.FirstSeen:u} ({f.Attempts} attempts)"));
            var more = total > failures.Count ? $"; and {total - failures.Count} more" : "";
            return HealthCheckResult.Degraded(
                $"{total} grain(s) cannot load their stored state: {named}{more}. Run the unreadable-state command for details.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Degraded($"Could not check for grains with unreadable state: {e.Message}");
        }
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
