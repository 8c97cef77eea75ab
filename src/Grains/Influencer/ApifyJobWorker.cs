using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Integrations.Apify;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaigns.Influencer;

/// <summary>
/// The queue worker every silo runs: <see cref="ApifyWorkerOptions.Workers"/> loops that each take the top due job and
/// process it (<see cref="ApifyJobProcessor"/>), resting for <see cref="ApifyWorkerOptions.IdlePollInterval"/> when
/// none is due. One loop also releases held jobs periodically so they get their chance again, and recovers jobs a
/// stopped silo left running (at start, then as often).
/// </summary>
public sealed partial class ApifyJobWorker(
    IServiceScopeFactory scopes,
    ApifyJobRepository jobs,
    IOptions<ApifyWorkerOptions> options,
    IOptions<ApifyOptions> apifyOptions,
    TimeProvider clock,
    ILogger<ApifyJobWorker> logger) : BackgroundService
{
    private ApifyWorkerOptions Options => options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.WorkerEnabled)
        {
            LogDisabled(logger);
            return Task.CompletedTask;
        }

        var loops = Math.Max(1, Options.Workers);
        LogStarting(logger, loops);
        return Task.WhenAll(Enumerable.Range(0, loops).Select(loop => Loop(releasesHeld: loop == 0, stoppingToken)));
    }

    private async Task Loop(bool releasesHeld, CancellationToken stoppingToken)
    {
        // Leave the host's start-up path before the first database call.
        await Task.Yield();
        var nextRelease = clock.GetUtcNow();
        var nextRecovery = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Needs no token: a recovered job is only requeued, and held by its next taker if no token is set.
                if (releasesHeld && clock.GetUtcNow() >= nextRecovery)
                {
                    nextRecovery = clock.GetUtcNow() + Options.ReleaseHeldInterval;
                    var recovered = await jobs.RecoverAbandoned(Options.RunningJobTimeout);
                    if (recovered > 0)
                    {
                        LogRecovered(logger, recovered, Options.RunningJobTimeout);
                    }
                }

                // Without a token a released job would only be taken (counting a call) and held again.
                if (releasesHeld && apifyOptions.Value.HasToken && clock.GetUtcNow() >= nextRelease)
                {
                    nextRelease = clock.GetUtcNow() + Options.ReleaseHeldInterval;
                    var released = await jobs.ReleaseHeld();
                    if (released > 0)
                    {
                        LogReleased(logger, released);
                    }
                }

                if (!await ProcessNext(stoppingToken))
                {
                    await Task.Delay(Options.IdlePollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                // The database may be away for a moment; the loop outlives any one failure.
                LogLoopFailed(logger, error);
                try
                {
                    await Task.Delay(Options.IdlePollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        LogStopped(logger);
    }

    /// <summary>One job in a scope of its own, so the typed <see cref="ApifyClient"/> gets a fresh handler from the factory.</summary>
    private async Task<bool> ProcessNext(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApifyJobProcessor>().ProcessNext(organizationId: null, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Apify job worker disabled (Apify:WorkerEnabled is false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Apify job worker starting {Loops} loop(s)")]
    private static partial void LogStarting(ILogger logger, int loops);

    [LoggerMessage(Level = LogLevel.Information, Message = "Apify job worker released {Count} held job(s)")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apify job worker returned {Count} job(s) left running longer than {Timeout} to the queue")]
    private static partial void LogRecovered(ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Apify job worker loop failed; continuing after the idle interval")]
    private static partial void LogLoopFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Apify job worker loop stopped")]
    private static partial void LogStopped(ILogger logger);
}
