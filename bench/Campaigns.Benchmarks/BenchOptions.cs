using System.Globalization;

namespace Campaigns.Benchmarks;

/// <summary>Command-line options; every run is bounded by <see cref="Duration"/> and <see cref="Warmup"/> per scenario.</summary>
public sealed record BenchOptions
{
    public static readonly string[] AllScenarios = ["health", "get", "db-select", "create", "db-insert", "db-create"];

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan HostWarmup { get; init; } = TimeSpan.FromSeconds(20);
    public int Connections { get; init; } = 64;
    public int CreateConcurrency { get; init; } = 64;
    public int Campaigns { get; init; } = 256;
    public string[] Scenarios { get; init; } = AllScenarios;
    public string? Output { get; init; }
    public string? BaselineDbOptions { get; init; }
    public string? ApiDll { get; init; }
    public string? Repository { get; init; }
    public bool NoBuild { get; init; }
    public bool KeepData { get; init; }
    public bool Help { get; init; }

    public const string Usage = """
        Campaigns load benchmark: starts the single-command system (Release build of src/Api, its own
        PostgreSQL in a fresh folder under the temp directory), bootstraps an org and key, then measures
        each scenario with a closed-loop load generator on loopback and prints a markdown table.

        dotnet run -c Release --project bench/Campaigns.Benchmarks -- [options]

          --duration <s>            measured seconds per scenario (default 10)
          --warmup <s>              discarded warm-up seconds per scenario (default 5)
          --host-warmup <s>         mixed reads, health checks and creates before the first scenario,
                                    so the host's JIT has settled (default 20)
          --connections <n>         concurrent connections for reads and /health/live (default 64)
          --create-concurrency <n>  concurrent creates, HTTP and raw SQL (default 64)
          --campaigns <n>           campaigns created up front and read round-robin (default 256)
          --scenarios <list>        comma-separated subset of: health,get,db-select,create,db-insert,db-create
                                    (or, not run by default, the A/B test scenarios: ab-events,ab-events-db,ab-assign)
          --out <file>              also write the markdown report to this file
          --baseline-db-options <s> Npgsql settings appended to the raw baselines' connection string only,
                                    to try a driver setting before proposing it (e.g. "No Reset On Close=true")
          --no-build                do not run 'dotnet build -c Release' on src/Api first
          --api-dll <path>          run this Campaigns.Api.dll instead of src/Api/bin/Release/*/Campaigns.Api.dll
          --repo <path>             repository root (default: found upwards from the current folder)
          --keep-data               keep the temporary PostgreSQL data folder
        """;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--duration" => o with { Duration = Seconds(Value()) },
                "--warmup" => o with { Warmup = Seconds(Value()) },
                "--host-warmup" => o with { HostWarmup = Seconds(Value()) },
                "--connections" => o with { Connections = Positive(Value()) },
                "--create-concurrency" => o with { CreateConcurrency = Positive(Value()) },
                "--campaigns" => o with { Campaigns = Positive(Value()) },
                "--scenarios" => o with { Scenarios = Names(Value()) },
                "--out" => o with { Output = Value() },
                "--baseline-db-options" => o with { BaselineDbOptions = Value() },
                "--api-dll" => o with { ApiDll = Path.GetFullPath(Value()) },
                "--repo" => o with { Repository = Path.GetFullPath(Value()) },
                "--no-build" => o with { NoBuild = true },
                "--keep-data" => o with { KeepData = true },
                "-h" or "--help" => o with { Help = true },
                var other => throw new ArgumentException($"Unknown option '{other}'."),
            };
        }

        return o;
    }

    private static TimeSpan Seconds(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 600
            ? TimeSpan.FromSeconds(s)
            : throw new ArgumentException($"'{value}' is not a number of seconds between 0 and 600.");

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 10_000
            ? n
            : throw new ArgumentException($"'{value}' is not a count between 1 and 10000.");

    private static string[] Names(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Except(AllScenarios).Except(AbEventsBench.Scenarios).ToList();
        return unknown.Count == 0
            ? names
            : throw new ArgumentException($"Unknown scenario(s) {string.Join(", ", unknown)}; known: {string.Join(",", AllScenarios)}.");
    }
}
