using System.Diagnostics;
using System.Numerics;

namespace Campaigns.Benchmarks;

/// <summary>
/// Preallocated log-linear latency buckets in microseconds (HdrHistogram-style): exact below 256 µs,
/// then 128 buckets per power of two (under 0.8% relative error). Recording never allocates.
/// One instance per worker; merged after the run.
/// </summary>
public sealed class LatencyHistogram
{
    private const int Linear = 256;
    private const int SubBuckets = 128;
    private const int MaxShift = 40;
    private const int BucketCount = Linear + MaxShift * SubBuckets;
    private static readonly double MicrosPerTick = 1_000_000.0 / Stopwatch.Frequency;

    private readonly long[] counts = new long[BucketCount];

    public long Count { get; private set; }

    public long MaxMicros { get; private set; }

    public void RecordTicks(long stopwatchTicks) => RecordMicros((long)(stopwatchTicks * MicrosPerTick));

    public void RecordMicros(long micros)
    {
        if (micros < 0)
        {
            micros = 0;
        }

        counts[Index(micros)]++;
        Count++;
        if (micros > MaxMicros)
        {
            MaxMicros = micros;
        }
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < BucketCount; i++)
        {
            counts[i] += other.counts[i];
        }

        Count += other.Count;
        MaxMicros = Math.Max(MaxMicros, other.MaxMicros);
    }

    /// <returns>The latency at <paramref name="percentile"/> (0–100) in milliseconds, or NaN when empty.</returns>
    public double PercentileMillis(double percentile)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * Count));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Math.Min(Midpoint(i), MaxMicros) / 1000.0;
            }
        }

        return MaxMicros / 1000.0;
    }

    private static int Index(long micros)
    {
        if (micros < Linear)
        {
            return (int)micros;
        }

        var msb = 63 - BitOperations.LeadingZeroCount((ulong)micros); // >= 8
        var shift = Math.Min(msb - 7, MaxShift);                          // keeps the top 8 bits: 128..255
        var sub = (int)Math.Min(micros >> shift, 2 * SubBuckets - 1);
        return Linear + (shift - 1) * SubBuckets + (sub - SubBuckets);
    }

    private static double Midpoint(int index)
    {
        if (index < Linear)
        {
            return index;
        }

        var shift = (index - Linear) / SubBuckets + 1;
        var sub = (index - Linear) % SubBuckets + SubBuckets;
        var low = (double)((long)sub << shift);
        return low + (1L << shift) / 2.0;
    }
}
