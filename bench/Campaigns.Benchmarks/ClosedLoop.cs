using System.Diagnostics;

namespace Campaigns.Benchmarks;

/// <summary>One operation of a worker: completes normally on success, throws on any failure.</summary>
public delegate ValueTask Operation(CancellationToken cancellationToken);

public sealed record ScenarioResult(
    string Name,
    string Kind,
    int Concurrency,
    TimeSpan Duration,
    long Operations,
    long Errors,
    string? FirstError,
    LatencyHistogram Latency,
    CpuUse Cpu)
{
    public double PerSecond => Operations / Duration.TotalSeconds;
}

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers, each issuing its next operation as soon as
/// the previous one completed, for a warm-up (discarded) and then a fixed measured window. Only
/// operations that complete inside the window count; each is timed into the worker's own histogram.
/// </summary>
public static class ClosedLoop
{
    public static async Task<ScenarioResult> Run(
        string name,
        string kind,
        int concurrency,
        TimeSpan warmup,
        TimeSpan duration,
        Func<int, Operation> workerFactory,
        CpuMeter meter,
        CancellationToken cancellationToken)
    {
        var operations = Enumerable.Range(0, concurrency).Select(workerFactory).ToArray();

        if (warmup > TimeSpan.Zero)
        {
            var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(operations.Select(op => Loop(op, warmupEnd, new LatencyHistogram(), cancellationToken)));
        }

        var histograms = operations.Select(_ => new LatencyHistogram()).ToArray();
        var before = meter.Take();
        var end = before.Timestamp + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var outcomes = await Task.WhenAll(operations.Select((op, i) => Loop(op, end, histograms[i], cancellationToken)));
        var after = meter.Take();
        cancellationToken.ThrowIfCancellationRequested();

        var merged = new LatencyHistogram();
        foreach (var h in histograms)
        {
            merged.Add(h);
        }

        return new ScenarioResult(
            name, kind, concurrency, duration,
            outcomes.Sum(o => o.Ok), outcomes.Sum(o => o.Errors),
            outcomes.Select(o => o.FirstError).FirstOrDefault(e => e is not null),
            merged, CpuMeter.Between(before, after));
    }

    private static async Task<(long Ok, long Errors, string? FirstError)> Loop(
        Operation operation, long end, LatencyHistogram latency, CancellationToken cancellationToken)
    {
        // Leave the caller's thread at once so all workers start together.
        await Task.Yield();
        long ok = 0, errors = 0;
        string? firstError = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= end)
            {
                break;
            }

            var succeeded = true;
            try
            {
                await operation(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                succeeded = false;
                firstError ??= e.Message;
            }

            var finished = Stopwatch.GetTimestamp();
            if (finished > end)
            {
                break; // completed after the window closed: not part of this measurement
            }

            if (succeeded)
            {
                latency.RecordTicks(finished - started);
                ok++;
            }
            else
            {
                errors++;
                if (errors > 1000 && ok == 0)
                {
                    break; // nothing works: stop hammering and report
                }
            }
        }

        return (ok, errors, firstError);
    }
}
