using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Campaigns.Benchmarks;

/// <summary>CPU used during a scenario, in cores (CPU-seconds per wall-second), split by who used it.</summary>
public sealed record CpuUse(double Host, double Postgres, double Generator, double Machine, double HostJit)
{
    /// <summary>Everything else on the machine: other builds and tests on a shared box show up here.</summary>
    public double Other => Math.Max(0, Machine - Host - Postgres - Generator);
}

/// <summary>
/// Reads /proc to attribute CPU to the API host process, the PostgreSQL server (postmaster and its
/// children, including exited ones) and this generator. Linux only; elsewhere it reports zeros.
/// </summary>
public sealed class CpuMeter(int hostPid, int? postmasterPid)
{
    private static readonly double TicksPerSecond = ClockTicks();

    public Snapshot Take() => new(
        Stopwatch.GetTimestamp(),
        ProcessTicks(hostPid, includeReaped: false),
        postmasterPid is { } pm ? ProcessTicks(pm, includeReaped: true) + ChildrenTicks(pm) : 0,
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        MachineBusyTicks(),
        JitThreadTicks(hostPid));

    public static CpuUse Between(Snapshot start, Snapshot end)
    {
        var wall = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds;
        if (wall <= 0)
        {
            return new CpuUse(0, 0, 0, 0, 0);
        }

        return new CpuUse(
            (end.HostTicks - start.HostTicks) / TicksPerSecond / wall,
            (end.PostgresTicks - start.PostgresTicks) / TicksPerSecond / wall,
            (end.GeneratorSeconds - start.GeneratorSeconds) / wall,
            (end.MachineBusyTicks - start.MachineBusyTicks) / TicksPerSecond / wall,
            (end.HostJitTicks - start.HostJitTicks) / TicksPerSecond / wall);
    }

    private static long ProcessTicks(int pid, bool includeReaped)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return 0;
        }

        // Fields after "(comm)": [0]=state [1]=ppid ... [11]=utime [12]=stime [13]=cutime [14]=cstime.
        var ticks = Parse(fields[11]) + Parse(fields[12]);
        return includeReaped ? ticks + Parse(fields[13]) + Parse(fields[14]) : ticks;
    }

    private static long ChildrenTicks(int parentPid)
    {
        long total = 0;
        foreach (var dir in SafeEnumerate("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            var fields = StatFields(pid);
            if (fields is not null && Parse(fields[1]) == parentPid)
            {
                total += Parse(fields[11]) + Parse(fields[12]);
            }
        }

        return total;
    }

    /// <summary>CPU of the runtime's tiered-compilation thread: non-zero means the host was still JIT-compiling.</summary>
    private static long JitThreadTicks(int pid)
    {
        long total = 0;
        foreach (var task in SafeEnumerate($"/proc/{pid}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal)
                    && int.TryParse(Path.GetFileName(task), out var tid)
                    && StatFields(pid, tid) is { } fields)
                {
                    total += Parse(fields[11]) + Parse(fields[12]);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the thread ended
            }
        }

        return total;
    }

    private static IEnumerable<string> SafeEnumerate(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string[]? StatFields(int pid, int? tid = null)
    {
        try
        {
            var text = File.ReadAllText(tid is { } t ? $"/proc/{pid}/task/{t}/stat" : $"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return close < 0 ? null : text[(close + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long MachineBusyTicks()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
            var line = File.ReadLines("/proc/stat").First();
            var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Parse).ToArray();
            return v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException or InvalidOperationException)
        {
            return 0;
        }
    }

    private static long Parse(string s) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static double ClockTicks()
    {
        try
        {
            var ticks = OperatingSystem.IsLinux() ? sysconf(ScClkTck) : -1;
            return ticks > 0 ? ticks : 100;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 100;
        }
    }

    private const int ScClkTck = 2;

    [DllImport("libc", SetLastError = true)]
    private static extern long sysconf(int name);

    public sealed record Snapshot(long Timestamp, long HostTicks, long PostgresTicks, double GeneratorSeconds, long MachineBusyTicks, long HostJitTicks);
}
