using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Campaigns.Benchmarks;

/// <summary>The run as markdown: environment, one table row per scenario, and the goals of issue 2.</summary>
public static class Report
{
    private const double GetGoalPerSecond = 20_000;
    private const double GetShareOfHealthGoal = 0.5;
    private const double GetP99GoalMillis = 10;
    private const double CreateGoalPerSecond = 1_000;

    public static string Markdown(BenchOptions options, string[] args, IReadOnlyList<ScenarioResult> results, string postgresVersion, int hostOutputLines)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(Header(options, args, postgresVersion));
        sb.AppendLine(ci, $"- Host warmed up with {options.HostWarmup.TotalSeconds:0.#} s of mixed traffic first; each scenario: {options.Warmup.TotalSeconds:0.#} s warm-up (discarded), then {options.Duration.TotalSeconds:0.#} s measured; closed loop on loopback; generator, host and PostgreSQL share the machine.");
        if (options.BaselineDbOptions is { } extra)
        {
            sb.AppendLine(ci, $"- Raw baselines ran with extra Npgsql settings `{extra}` (the product does not).");
        }

        sb.AppendLine(ci, $"- Reads: {options.Connections} connections over {options.Campaigns} campaigns; creates: {options.CreateConcurrency} concurrent. Host log level Warning; it wrote {hostOutputLines} console line(s) during the run.");
        sb.AppendLine();
        sb.AppendLine("| Scenario | Concurrency | Ops/s | p50 ms | p90 ms | p99 ms | max ms | Ops | Errors | CPU cores: host / pg / generator / other | CPU µs per op: host + pg |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var r in results)
        {
            var l = r.Latency;
            sb.AppendLine(ci,
                $"| {r.Name} | {r.Concurrency} | {r.PerSecond:N0} | {l.PercentileMillis(50):F2} | {l.PercentileMillis(90):F2} | {l.PercentileMillis(99):F2} | {l.MaxMicros / 1000.0:F1} | {r.Operations:N0} | {r.Errors:N0} | {r.Cpu.Host:F2} / {r.Cpu.Postgres:F2} / {r.Cpu.Generator:F2} / {r.Cpu.Other:F2} | {PerOp(r.Cpu.Host, r)} + {PerOp(r.Cpu.Postgres, r)} |");
        }

        foreach (var r in results.Where(r => r.Kind == "http" && r.Cpu.HostJit > 0.02 && r.Cpu.HostJit > 0.05 * r.Cpu.Host))
        {
            sb.AppendLine();
            sb.AppendLine(ci, $"Note: the host was still JIT-compiling during {r.Name} ({r.Cpu.HostJit / r.Cpu.Host:P0} of its CPU); a longer --warmup or --host-warmup would give steadier figures.");
        }

        var errors = results.Where(r => r.FirstError is not null).ToList();
        foreach (var r in errors)
        {
            sb.AppendLine();
            sb.AppendLine(ci, $"First error in {r.Name}: {r.FirstError}");
        }

        var health = results.FirstOrDefault(r => r.Name.Contains("/health/live", StringComparison.Ordinal));
        var get = results.FirstOrDefault(r => r.Name.Contains("GET /api/campaigns", StringComparison.Ordinal));
        var create = results.FirstOrDefault(r => r.Name.Contains("POST /api/campaigns", StringComparison.Ordinal));
        if (get is null && create is null)
        {
            return sb.ToString();
        }

        sb.AppendLine();
        sb.AppendLine("Goals (issue 2):");
        sb.AppendLine();
        if (get is not null)
        {
            sb.AppendLine(ci, $"- Authenticated GETs ≥ {GetGoalPerSecond:N0}/s: {get.PerSecond:N0}/s — {Verdict(get.PerSecond >= GetGoalPerSecond)}");
            if (health is not null)
            {
                var share = get.PerSecond / health.PerSecond;
                sb.AppendLine(ci, $"- GETs ≥ {GetShareOfHealthGoal:P0} of `/health/live` ({health.PerSecond:N0}/s): {share:P0} — {Verdict(share >= GetShareOfHealthGoal)}");
            }

            var p99 = get.Latency.PercentileMillis(99);
            sb.AppendLine(ci, $"- GET p99 < {GetP99GoalMillis} ms: {p99:F2} ms — {Verdict(p99 < GetP99GoalMillis)}");
        }

        if (create is not null)
        {
            sb.AppendLine(ci, $"- Creates ≥ {CreateGoalPerSecond:N0}/s: {create.PerSecond:N0}/s — {Verdict(create.PerSecond >= CreateGoalPerSecond)}");
        }

        return sb.ToString();
    }

    /// <summary>The run's date, command and machine.</summary>
    public static string Header(BenchOptions options, string[] args, string postgresVersion)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"### Run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();
        sb.AppendLine(ci, $"- Command: `dotnet run -c Release --project bench/Campaigns.Benchmarks{(args.Length > 0 ? " -- " + string.Join(' ', args) : "")}`");
        sb.AppendLine(ci, $"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, PostgreSQL {postgresVersion} (the system's own local server: fsync on)");
        return sb.ToString();
    }

    /// <summary>CPU time per operation: steadier than rates when other work shares the machine.</summary>
    private static string PerOp(double cores, ScenarioResult r) =>
        r.PerSecond > 0 ? (cores / r.PerSecond * 1_000_000).ToString("F0", CultureInfo.InvariantCulture) : "–";

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
