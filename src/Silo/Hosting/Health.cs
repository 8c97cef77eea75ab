using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Campaigns.Silo.Hosting;

/// <summary>
/// Liveness (the process answers) and readiness (PostgreSQL reachable and the cluster joined; Degraded while a grain
/// cannot read its stored state).
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static IHealthChecksBuilder AddCampaignsReadiness(this IHealthChecksBuilder checks, string connectionString)
    {
        // A singleton the container owns, so the check's data source is disposed with the host.
        checks.Services.TryAddSingleton(sp => new GrainStateCheck(connectionString, sp.GetRequiredService<IOptions<ClusterOptions>>()));
        return checks
            .AddCheck("postgresql", new PostgresCheck(connectionString), tags: [Ready])
            .AddCheck<ClusterCheck>("cluster", tags: [Ready])
            .AddCheck<GrainStateCheck>("grain-state", tags: [Ready]);
    }

    public static IEndpointRouteBuilder MapCampaignsHealth(this IEndpointRouteBuilder endpoints)
    {
        // Probes are anonymous by design: load balancers and orchestrators carry no API key.
        endpoints.MapGet("/health/live", () => TypedResults.Text("Healthy")).ExcludeFromDescription().AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteReport,
        }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    private sealed class PostgresCheck(string connectionString) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy("PostgreSQL answered.");
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The probe is public: the cause (host names, roles, server messages) goes to the log with the exception, not here.
                return HealthCheckResult.Unhealthy("PostgreSQL unreachable.", e);
            }
        }
    }

    private sealed class ClusterCheck(IGrainFactory grains) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                return silos.Count > 0
                    ? HealthCheckResult.Healthy($"{silos.Count} active silo(s).")
                    : HealthCheckResult.Unhealthy("No active silo.");
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("Cluster not joined.", e);
            }
        }
    }
}
