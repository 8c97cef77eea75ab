using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Campaigns.Silo.StoredState;

/// <summary>
/// Keeps <c>grain_state_failures</c> in step with what this silo's reads find: a failed read records the grain, a
/// successful one clears it. Bookkeeping only: its own failures are logged and never change the outcome of the read.
/// </summary>
/// <remarks>
/// Every activation reads state, and the table is empty almost always, so a successful read does not pay a DELETE
/// unless the table may hold rows: that is checked at most every <see cref="RecheckAfter"/>, and assumed at once after
/// this silo records one. A record another silo wrote within that time before this silo's successful read of the same
/// grain stays until the grain's next activation here after the check (the cost of not asking on every activation).
/// </remarks>
public sealed class UnreadableStateLedger(
    GrainStateFailureRepository failures, IOptions<ClusterOptions> cluster, ILocalSiloDetails silo, TimeProvider clock, ILogger<UnreadableStateLedger> logger)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(10);

    /// <summary>Long enough for any deserializer's message; short enough that a message quoting a whole payload stays readable.</summary>
    private const int MaxErrorLength = 2000;

    private readonly string serviceId = cluster.Value.ServiceId;
    private readonly Lock gate = new();
    private bool mayHoldRecords = true;
    // Environment.TickCount64 rather than the injected clock: a test that stops time for the grains must not stop re-checks.
    private long? checkedAtTicks;
    private Task<bool>? check;
    private int recorded;

    public async Task Record(UnreadableStateException unreadable)
    {
        lock (gate)
        {
            // Before the write: a check that started earlier must not conclude the table is empty after it.
            mayHoldRecords = true;
            recorded++;
        }

        try
        {
            var error = unreadable.Reason.Length > MaxErrorLength ? unreadable.Reason[..MaxErrorLength] + "…" : unreadable.Reason;
            await failures.Record(serviceId, unreadable.StateName, unreadable.GrainId, unreadable.GrainKey, error,
                $"{silo.DnsHostName} {silo.SiloAddress}", clock.GetUtcNow());
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not record that grain {GrainId} cannot load its stored state '{StateName}'; the failure itself is reported to the caller",
                unreadable.GrainId, unreadable.StateName);
        }
    }

    public async Task Loaded(string stateName, GrainId grainId)
    {
        if (!await MayHoldRecords())
        {
            return;
        }

        try
        {
            if (await failures.Clear(serviceId, stateName, grainId.ToString()))
            {
                logger.LogInformation("Grain {GrainId} loaded its stored state '{StateName}' again; its unreadable-state record is cleared", grainId, stateName);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Grain {GrainId} loaded its stored state '{StateName}' but its unreadable-state record could not be cleared; the next load retries",
                grainId, stateName);
        }
    }

    private Task<bool> MayHoldRecords()
    {
        lock (gate)
        {
            if (check is { IsCompleted: false } running)
            {
                return running;
            }

            if (checkedAtTicks is { } at && Environment.TickCount64 - at < RecheckAfter.TotalMilliseconds)
            {
                return Task.FromResult(mayHoldRecords);
            }

            // On the thread pool, so the check never completes inside this lock, whatever the database answers.
            var recordedBefore = recorded;
            check = Task.Run(() => Check(recordedBefore));
            return check;
        }
    }

    private async Task<bool> Check(int recordedBefore)
    {
        bool found;
        try
        {
            found = await failures.Any(serviceId);
        }
        catch (Exception e)
        {
            // Unknown: keep trying to clear, which is what a table with rows needs.
            logger.LogWarning(e, "Could not check for unreadable-state records");
            found = true;
        }

        lock (gate)
        {
            mayHoldRecords = found || recorded != recordedBefore;
            checkedAtTicks = Environment.TickCount64;
            return mayHoldRecords;
        }
    }
}
