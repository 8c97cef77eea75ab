using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Campaigns.Benchmarks;
using Npgsql;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"{e.Message}\n\n{BenchOptions.Usage}");
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

#if DEBUG
Console.Error.WriteLine("warning: the generator is a Debug build; run with -c Release for figures worth recording.");
#endif

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop measuring, then shut the system down in order
    cts.Cancel();
};
var ct = cts.Token;

try
{
    if (options.Scenarios is [StateWriteBench.Name])
    {
        var (stateWrites, _) = await StateWriteBench.Run(options, ct);
        Console.WriteLine(stateWrites);
        if (options.Output is { } stateOutput)
        {
            await File.WriteAllTextAsync(stateOutput, stateWrites, ct);
        }

        return 0;
    }

    var apiDll = options.ApiDll ?? await BuildApi(options, ct);
    (string Markdown, string PostgresVersion, bool Failed)? pipelineReport = options.Scenarios.Contains(BenchOptions.Influencer) ? await RunInfluencer(apiDll) : null;
    (string Markdown, bool Failed)? outreachReport = options.Scenarios.Contains(OutreachBench.Name) ? await OutreachBench.Run(apiDll, options, ct) : null;
    var httpScenarios = options.Scenarios.Where(s => s != BenchOptions.Influencer && s != OutreachBench.Name).ToArray();
    if (httpScenarios.Length == 0 && outreachReport is { } outreachOnly)
    {
        Console.WriteLine();
        Console.WriteLine(outreachOnly.Markdown);
        if (options.Output is { } outreachOutput)
        {
            await File.WriteAllTextAsync(outreachOutput, outreachOnly.Markdown, ct);
            Console.WriteLine($"Wrote {Path.GetFullPath(outreachOutput)}.");
        }

        return outreachOnly.Failed ? 1 : 0;
    }

    if (httpScenarios.Length == 0)
    {
        var only = Report.Header(options, args, pipelineReport!.Value.PostgresVersion) + "\n" + pipelineReport.Value.Markdown;
        Console.WriteLine();
        Console.WriteLine(only);
        if (options.Output is { } onlyOutput)
        {
            await File.WriteAllTextAsync(onlyOutput, only, ct);
            Console.WriteLine($"Wrote {Path.GetFullPath(onlyOutput)}.");
        }

        return pipelineReport.Value.Failed ? 1 : 0;
    }

    await using var sut = await SystemUnderTest.Start(apiDll, options.KeepData, ct);
    var (organizationId, apiKey) = await sut.Bootstrap("Benchmark Org", "bench@example.test", ct);
    Console.WriteLine($"Bootstrapped organization {organizationId}.");

    var createBody = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["name"] = "Bench campaign",
        ["description"] = "Load test",
        ["kind"] = "marketing",
        ["budget"] = 500_000,
        ["currency"] = "USD",
        ["goals"] = new[] { "reach", "engagement" },
        ["platforms"] = new[] { "instagram", "tiktok" },
        ["start_date"] = "2027-01-01",
        ["end_date"] = "2027-03-31",
    });
    var ids = await Seed(sut.BaseAddress, apiKey, createBody, options.Campaigns, ct);
    Console.WriteLine($"Created {ids.Count} campaigns to read.");

    var connectionString = await sut.AttachDatabase(ct);
    if (options.BaselineDbOptions is { } extra)
    {
        connectionString = new NpgsqlConnectionStringBuilder($"{connectionString};{extra}").ConnectionString;
        Console.WriteLine($"Raw baselines use: {connectionString}");
    }

    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    var postgresVersion = (string?)await dataSource.CreateCommand("SHOW server_version").ExecuteScalarAsync(ct) ?? "?";
    var meter = new CpuMeter(sut.ProcessId, sut.PostmasterPid());
    var database = new DatabaseLoad(dataSource, organizationId);

    if (options.HostWarmup > TimeSpan.Zero)
    {
        // Tiered compilation needs a while under load before the host runs its final code: exercise every
        // measured HTTP path at once (reads, /health/live, a few creates) and discard the figures.
        Console.WriteLine($"Warming the host up ({options.HostWarmup.TotalSeconds:0.#} s of mixed traffic)...");
        using var http = new HttpLoad(options.Connections);
        var health = new Uri(sut.BaseAddress, "health/live");
        var create = new Uri(sut.BaseAddress, "api/campaigns");
        var warm = await ClosedLoop.Run("warm-up", "http", options.Connections, TimeSpan.Zero, options.HostWarmup,
            w => (w % 8) switch
            {
                0 => http.Worker([HttpLoad.PostJson(create, apiKey, createBody)], HttpStatusCode.Created),
                1 or 3 or 5 => http.Worker([HttpLoad.Get(health, null)], HttpStatusCode.OK),
                _ => http.Worker(ids.Select(id => HttpLoad.Get(new Uri(sut.BaseAddress, $"api/campaigns/{id}"), apiKey)).Take(32).ToArray(), HttpStatusCode.OK),
            },
            meter, ct);
        if (warm.Errors > 0)
        {
            throw new InvalidOperationException($"Warm-up failed: {warm.FirstError}");
        }
    }

    var abTests = new AbEventsBench(sut.BaseAddress, apiKey, dataSource, meter, options);
    var results = new List<ScenarioResult>();
    foreach (var scenario in httpScenarios)
    {
        Console.WriteLine($"Running {scenario} ({options.Warmup.TotalSeconds:0.#} s warm-up + {options.Duration.TotalSeconds:0.#} s)...");
        var result = await Run(scenario);
        results.Add(result);
        Console.WriteLine($"  {result.PerSecond,10:N0} /s   p50 {result.Latency.PercentileMillis(50):F2} ms   p99 {result.Latency.PercentileMillis(99):F2} ms   errors {result.Errors}{(result.FirstError is { } fe ? $" (first: {fe})" : "")}");
    }

    var report = Report.Markdown(options, args, results, postgresVersion, sut.OutputLinesSinceReady)
        + (abTests.Markdown is { } abGoals ? "\n" + abGoals : "")
        + (pipelineReport is { } pipeline ? "\n" + pipeline.Markdown : "");
    Console.WriteLine();
    Console.WriteLine(report);
    if (options.Output is { } output)
    {
        await File.WriteAllTextAsync(output, report, ct);
        Console.WriteLine($"Wrote {Path.GetFullPath(output)}.");
    }

    if (sut.OutputLinesSinceReady > 0)
    {
        Console.WriteLine($"The host wrote {sut.OutputLinesSinceReady} line(s) to its console during the run; the last ones:");
        foreach (var line in sut.OutputTail.TakeLast(20))
        {
            Console.WriteLine($"  | {line}");
        }
    }

    return results.Any(r => r.Errors > 0) || pipelineReport is { Failed: true } ? 1 : 0;

    // Issue 3: one fresh host per worker-loop count, all against one Apify simulator in this process.
    async Task<(string Markdown, string PostgresVersion, bool Failed)> RunInfluencer(string api)
    {
        Console.WriteLine($"Influencer pipeline: generating {options.Creators:N0} creators × {options.PostsPerCreator} posts...");
        var creators = InfluencerPipeline.MakeCreators(options.Creators, options.PostsPerCreator, DateTimeOffset.UtcNow);
        await using var simulator = await Campaigns.Simulators.Apify.ApifySimulator.Start();
        InfluencerPipeline.Configure(simulator, creators);
        var mapping = InfluencerPipeline.MappingMicrosPerPost(creators);
        var runs = new List<PipelineRun>();
        var version = "?";
        // Interleaved (16, 32, 16, 32, …) so a slow stretch of this shared machine does not fall on one loop count only.
        foreach (var loops in Enumerable.Range(0, options.Repeat).SelectMany(_ => options.WorkerLoops))
        {
            Console.WriteLine($"Running influencer with {loops} worker loop(s)...");
            var run = await InfluencerPipeline.Run(api, options, loops, simulator, creators, ct);
            version = run.PostgresVersion;
            runs.Add(run);
        }

        var markdown = InfluencerPipeline.Markdown(runs, options, mapping, ActivationDriver.Text);
        return (markdown, version, runs.Any(r => r.Failed > 0 || r.Completed < r.Jobs));
    }

    async Task<ScenarioResult> Run(string scenario)
    {
        var baseAddress = sut.BaseAddress;
        switch (scenario)
        {
            case "health":
            {
                using var http = new HttpLoad(options.Connections);
                var uri = new Uri(baseAddress, "health/live");
                return await ClosedLoop.Run("`GET /health/live` (no auth)", "http", options.Connections, options.Warmup, options.Duration,
                    _ => http.Worker([HttpLoad.Get(uri, null)], HttpStatusCode.OK), meter, ct);
            }

            case "get":
            {
                using var http = new HttpLoad(options.Connections);
                var perWorker = Math.Min(ids.Count, 32);
                return await ClosedLoop.Run("`GET /api/campaigns/{id}` (API key)", "http", options.Connections, options.Warmup, options.Duration,
                    w => http.Worker(
                        Enumerable.Range(0, perWorker).Select(k => HttpLoad.Get(new Uri(baseAddress, $"api/campaigns/{ids[(w * perWorker + k) % ids.Count]}"), apiKey)).ToArray(),
                        HttpStatusCode.OK),
                    meter, ct);
            }

            case "create":
            {
                using var http = new HttpLoad(options.CreateConcurrency);
                var uri = new Uri(baseAddress, "api/campaigns");
                return await ClosedLoop.Run("`POST /api/campaigns` (API key)", "http", options.CreateConcurrency, options.Warmup, options.Duration,
                    _ => http.Worker([HttpLoad.PostJson(uri, apiKey, createBody)], HttpStatusCode.Created), meter, ct);
            }

            case "db-select":
                return await ClosedLoop.Run("raw Npgsql: `SELECT` campaigns row by id", "db", options.Connections, options.Warmup, options.Duration,
                    w => database.SelectById(ids, w), meter, ct);

            case "db-insert":
                return await ClosedLoop.Run("raw Npgsql: `INSERT` campaigns row", "db", options.CreateConcurrency, options.Warmup, options.Duration,
                    _ => database.InsertCampaign(), meter, ct);

            case "db-create":
                return await ClosedLoop.Run("raw Npgsql: a create's 3 writes (state + row + audit)", "db", options.CreateConcurrency, options.Warmup, options.Duration,
                    _ => database.CreateEquivalent(), meter, ct);

            case var ab when AbEventsBench.Handles(ab):
                return await abTests.Run(ab, ct);

            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }
    }
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return 130;
}

static async Task<string> BuildApi(BenchOptions options, CancellationToken ct)
{
    var repository = options.Repository ?? FindRepository()
        ?? throw new InvalidOperationException("Campaigns.sln not found above the current folder; pass --repo <path> or --api-dll <path>.");
    var project = Path.Combine(repository, "src", "Api", "Campaigns.Api.csproj");
    if (!options.NoBuild)
    {
        Console.WriteLine($"Building {project} (Release)...");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var a in (string[])["build", project, "-c", "Release", "-nologo", "-v", "q"])
        {
            info.ArgumentList.Add(a);
        }

        using var build = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet build.");
        await build.WaitForExitAsync(ct);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {project} failed with exit code {build.ExitCode}.");
        }
    }

    var output = Path.Combine(repository, "src", "Api", "bin", "Release");
    return (Directory.Exists(output) ? Directory.GetFiles(output, "Campaigns.Api.dll", SearchOption.AllDirectories) : [])
        .OrderByDescending(File.GetLastWriteTimeUtc)
        .FirstOrDefault()
        ?? throw new InvalidOperationException($"No Release build of Campaigns.Api.dll under {output}.");
}

static string? FindRepository()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Campaigns.sln")))
            {
                return dir.FullName;
            }
        }
    }

    return null;
}

static async Task<IReadOnlyList<Guid>> Seed(Uri baseAddress, string apiKey, byte[] body, int count, CancellationToken ct)
{
    using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    var ids = new Guid[count];
    await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("api/campaigns", content, token);
        var text = await response.Content.ReadAsStringAsync(token);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/campaigns answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(Encoding.UTF8.GetBytes(text));
        ids[i] = json.RootElement.GetProperty("id").GetGuid();
    });

    // Read each back once through the API: checks the key and the route before any measurement.
    foreach (var id in ids.Take(4))
    {
        using var read = await client.GetAsync($"api/campaigns/{id}", ct);
        if (read.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /api/campaigns/{id} answered {(int)read.StatusCode}.");
        }
    }

    return ids;
}
