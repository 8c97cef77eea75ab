using System.Globalization;

namespace Campaigns.Benchmarks;

/// <summary>Command-line options; every run is bounded by <see cref="Duration"/> and <see cref="Warmup"/> per scenario.</summary>
public sealed record BenchOptions
{
    public static readonly string[] AllScenarios = ["health", "get", "db-select", "create", "db-insert", "db-create", Influencer];

    /// <summary>The scenario of issue 3: queue → Apify simulator → mapping → upsert, on a host of its own per loop count.</summary>
    public const string Influencer = "influencer";

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
    public bool PgStatements { get; init; }
    public bool Help { get; init; }
    public int Creators { get; init; } = 2_000;
    public int PostsPerCreator { get; init; } = 50;
    public int[] WorkerLoops { get; init; } = [8];
    public int Repeat { get; init; } = 1;
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromMilliseconds(50);
    public TimeSpan PipelineTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public int Participants { get; init; } = 100_000;
    public int OutreachConcurrency { get; init; } = 64;

    public const string Usage = """
        Campaigns load benchmark: starts the single-command system (Release build of src/Api, its own
        PostgreSQL in a fresh folder under the temp directory), bootstraps an org and key, then measures
        each scenario with a closed-loop load generator on loopback and prints a markdown table.

        dotnet run -c Release --project bench/Campaigns.Benchmarks -- [options]

          --duration <s>            measured seconds per scenario (default 10)
          --warmup <s>              discarded warm-up seconds per scenario (default 5)
          --host-warmup <s>         mixed reads, health checks and creates before the first scenario,
                                    so the host's JIT has settled (default 20); the influencer scenario
                                    runs its first creators' jobs this long before measuring
          --connections <n>         concurrent connections for reads and /health/live (default 64)
          --create-concurrency <n>  concurrent creates, HTTP and raw SQL (default 64)
          --campaigns <n>           campaigns created up front and read round-robin (default 256)
          --scenarios <list>        comma-separated subset of: health,get,db-select,create,db-insert,db-create,influencer
                                    (--scenario is accepted as a synonym), or, not run by default, the A/B test
                                    scenarios: ab-events,ab-events-db,ab-assign, or state-writes alone (grain-state
                                    bytes, serializer CPU and writes/s, legacy JSON against the current format)
          --creators <n>            influencer: creators seeded, allocated and scraped (a profile and a posts job each; default 2000)
          --posts-per-creator <n>   influencer: posts the Apify simulator returns per creator (default 50)
          --worker-loops <list>     influencer: Apify__Workers values to measure, each on a fresh host (default 8)
          --repeat <n>              influencer: measure the loop counts this many times over, interleaved, each on a
                                    fresh host, and judge the goals on each loop count's median (default 1)
          --idle-poll-ms <n>        influencer: Apify__IdlePollInterval of the host, in ms (default 50)
          --pipeline-timeout <s>    influencer: give up waiting for the queue to drain after this long (default 600)
          --participants <n>        outreach (not run by default: --scenarios outreach): contacts materialized and
                                    sent to (default 100000; at most 100000, a sending account's daily cap)
          --outreach-concurrency <n> outreach: Outreach__DispatchConcurrency of the host and the raw send baseline's (default 64)
          --out <file>              also write the markdown report to this file
          --baseline-db-options <s> Npgsql settings appended to the raw baselines' connection string only,
                                    to try a driver setting before proposing it (e.g. "No Reset On Close=true")
          --no-build                do not run 'dotnet build -c Release' on src/Api first
          --api-dll <path>          run this Campaigns.Api.dll instead of src/Api/bin/Release/*/Campaigns.Api.dll
          --repo <path>             repository root (default: found upwards from the current folder)
          --keep-data               keep the temporary PostgreSQL data folder
          --pg-statements           influencer: load pg_stat_statements in the host's PostgreSQL and list the
                                    statements that took the most time during the pipeline (a profiling aid: the
                                    extension's own bookkeeping costs a little); BENCH_PG_SERVER_OPTIONS replaces
                                    the server settings it adds, e.g. to load auto_explain as well
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
                "--scenarios" or "--scenario" => o with { Scenarios = Names(Value()) },
                "--creators" => o with { Creators = Positive(Value()) },
                "--posts-per-creator" => o with { PostsPerCreator = Positive(Value()) },
                "--worker-loops" => o with { WorkerLoops = Counts(Value()) },
                "--repeat" => o with { Repeat = Positive(Value()) },
                "--idle-poll-ms" => o with { IdlePoll = TimeSpan.FromMilliseconds(Positive(Value())) },
                "--pipeline-timeout" => o with { PipelineTimeout = Seconds(Value()) },
                "--participants" => o with { Participants = int.TryParse(Value(), out var p) && p is > 0 and <= 100_000 ? p : throw new ArgumentException("--participants must be 1 to 100000.") },
                "--outreach-concurrency" => o with { OutreachConcurrency = Positive(Value()) },
                "--out" => o with { Output = Value() },
                "--baseline-db-options" => o with { BaselineDbOptions = Value() },
                "--api-dll" => o with { ApiDll = Path.GetFullPath(Value()) },
                "--repo" => o with { Repository = Path.GetFullPath(Value()) },
                "--no-build" => o with { NoBuild = true },
                "--keep-data" => o with { KeepData = true },
                "--pg-statements" => o with { PgStatements = true },
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

    private static int[] Counts(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Positive).ToArray() is { Length: > 0 } counts
            ? counts
            : throw new ArgumentException($"'{value}' names no counts.");

    private static string[] Names(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Except(AllScenarios).Except(AbEventsBench.Scenarios).Except([OutreachBench.Name, StateWriteBench.Name]).ToList();
        return unknown.Count == 0
            ? names
            : throw new ArgumentException($"Unknown scenario(s) {string.Join(", ", unknown)}; known: {string.Join(",", AllScenarios)}.");
    }
}
