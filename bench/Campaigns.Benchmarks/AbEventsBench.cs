using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Benchmarks;

/// <summary>
/// The A/B test scenarios (issue 5): event ingestion through <c>POST /api/ab-tests/{id}/events</c> in batches of
/// <see cref="BatchSize"/> fresh events, the same events inserted with raw Npgsql into the same table in the same run,
/// and assignment calls. Goals: ≥ 50,000 events/s over HTTP with 16 connections; ≥ 5,000 assignments/s.
/// </summary>
public sealed class AbEventsBench(Uri baseAddress, string apiKey, NpgsqlDataSource db, CpuMeter meter, BenchOptions options)
{
    public const int BatchSize = 100;
    public const int EventConnections = 16;
    public static readonly string[] Scenarios = ["ab-events", "ab-events-db", "ab-assign"];

    /// <summary>
    /// <c>BENCH_AB_EVENT_IDS=v7</c> sends time-ordered event ids (UUIDv7) instead of random ones (v4, the default): the
    /// index on (test_id, event_id) then grows at its right edge instead of touching a random page per event.
    /// </summary>
    private static readonly bool TimeOrderedIds = Environment.GetEnvironmentVariable("BENCH_AB_EVENT_IDS") == "v7";

    private (Guid TestId, Guid[] Variants)? test;
    private long eventsSent;
    private byte[]? lastBody;
    private readonly List<string> goals = [];
    private string? countCheck;

    /// <summary>The issue's goals against what ran, and the count check; null when no A/B scenario ran.</summary>
    public string? Markdown => goals.Count == 0 && countCheck is null
        ? null
        : "Goals (issue 5):\n\n" + string.Join("\n", goals.Select(g => "- " + g)) + (countCheck is null ? "" : "\n- " + countCheck) + "\n";

    public static bool Handles(string scenario) => Scenarios.Contains(scenario);

    public async Task<ScenarioResult> Run(string scenario, CancellationToken ct)
    {
        test ??= await CreateTest(ct);
        if (scenario == "ab-assign")
        {
            var assigned = await Measure(scenario, ct);
            goals.Add(FormattableString.Invariant($"Assignments ≥ 5,000/s: {assigned.PerSecond:N0}/s — {(assigned.PerSecond >= 5_000 ? "met" : "**missed**")}"));
            return assigned;
        }

        // What PostgreSQL writes per stored event (warm-up included) says where its CPU goes.
        var before = await Wal(ct);
        var result = await Measure(scenario, ct);
        var after = await Wal(ct);
        var events = Math.Max(1, after.Events - before.Events);
        var wal = after.Wal.Since(before.Wal);
        Console.WriteLine($"  WAL per stored event: {wal.Bytes / (double)events:N0} bytes, " +
            $"{wal.FullPageImages / (double)events:F2} full-page images ({events:N0} events, {(TimeOrderedIds ? "UUIDv7" : "UUIDv4")} ids)");
        if (scenario == "ab-events")
        {
            var perSecond = result.PerSecond * BatchSize;
            goals.Add(FormattableString.Invariant($"Events ≥ 50,000/s over HTTP: {perSecond:N0}/s — {(perSecond >= 50_000 ? "met" : "**missed**")}"));
            countCheck = await CheckCounts(ct);
            Console.WriteLine($"  {countCheck}");
        }

        return result;
    }

    /// <summary>
    /// No event counted twice or lost: every event the API accepted (warm-up included) is one stored row and one count in
    /// the test's results, and the last batch sent again is all duplicates.
    /// </summary>
    private async Task<string> CheckCounts(CancellationToken ct)
    {
        var (testId, _) = test!.Value;
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var resent = await client.PostAsync($"api/ab-tests/{testId}/events",
            new ByteArrayContent(lastBody ?? throw new InvalidOperationException("No batch was sent."))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            }, ct);
        using var resentAnswer = JsonDocument.Parse(await resent.Content.ReadAsStringAsync(ct));
        var (accepted, duplicates) = (resentAnswer.RootElement.GetProperty("accepted").GetInt32(), resentAnswer.RootElement.GetProperty("duplicates").GetInt32());

        await using var cmd = db.CreateCommand("SELECT count(*) FROM ab_test_events WHERE test_id = $1");
        cmd.Parameters.AddWithValue(testId);
        var stored = (long)(await cmd.ExecuteScalarAsync(ct))!;

        using var results = JsonDocument.Parse(await client.GetStringAsync($"api/ab-tests/{testId}/results", ct));
        var counted = results.RootElement.GetProperty("results").GetProperty("variants").EnumerateArray()
            .Sum(v => v.GetProperty("impressions").GetInt64() + v.GetProperty("clicks").GetInt64() + v.GetProperty("conversions").GetInt64());

        var sent = Interlocked.Read(ref eventsSent);
        var exact = sent == stored && stored == counted && accepted == 0 && duplicates == BatchSize;
        return FormattableString.Invariant(
            $"No event counted twice or lost: {sent:N0} events accepted over HTTP (warm-up included), {stored:N0} rows stored, {counted:N0} counted in the results; the last batch sent again: {accepted} accepted, {duplicates} duplicates — {(exact ? "met" : "**missed**")}");
    }

    private async Task<(WalUse Wal, long Events)> Wal(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT count(*) FROM ab_test_events");
        return (await WalUse.Take(db, ct), (long)(await cmd.ExecuteScalarAsync(ct))!);
    }

    private async Task<ScenarioResult> Measure(string scenario, CancellationToken ct)
    {
        var (testId, variants) = test!.Value;
        switch (scenario)
        {
            case "ab-events":
            {
                using var handler = Handler(EventConnections);
                using var invoker = new HttpMessageInvoker(handler);
                var uri = new Uri(baseAddress, $"api/ab-tests/{testId}/events");
                return await ClosedLoop.Run($"`POST /api/ab-tests/{{id}}/events` ({BatchSize} new events per request)", "http", EventConnections,
                    options.Warmup, options.Duration, w => PostEvents(invoker, uri, variants, w), meter, ct);
            }

            case "ab-events-db":
            {
                // Its own test id: the same table and statement shape, but not counted into the HTTP test's results.
                var rawTestId = Guid.CreateVersion7();
                return await ClosedLoop.Run($"raw Npgsql: `INSERT … unnest … ON CONFLICT DO NOTHING RETURNING`, {BatchSize} events per statement", "db", EventConnections,
                    options.Warmup, options.Duration, w => InsertEvents(rawTestId, variants, w), meter, ct);
            }

            case "ab-assign":
            {
                using var http = new HttpLoad(options.Connections);
                var uri = new Uri(baseAddress, $"api/ab-tests/{testId}/assign");
                return await ClosedLoop.Run("`POST /api/ab-tests/{id}/assign`", "http", options.Connections, options.Warmup, options.Duration,
                    w => http.Worker(Enumerable.Range(0, 32).Select(k => HttpLoad.PostJson(uri, apiKey,
                        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["subject_id"] = $"subject-{w}-{k}" }))).ToArray(), HttpStatusCode.OK),
                    meter, ct);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }
    }

    private async Task<(Guid, Guid[])> CreateTest(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var campaign = await Post(client, "api/campaigns", new Dictionary<string, object> { ["name"] = "A/B bench", ["kind"] = "marketing", ["budget"] = 1_000 }, ct);
        var campaignId = campaign.RootElement.GetProperty("id").GetGuid();
        using var created = await Post(client, $"api/campaigns/{campaignId}/ab-test", new Dictionary<string, object>
        {
            ["name"] = "Bench test",
            ["variants"] = new object[]
            {
                new Dictionary<string, object> { ["name"] = "control", ["is_control"] = true, ["content"] = new Dictionary<string, string> { ["instagram"] = "A" } },
                new Dictionary<string, object> { ["name"] = "b", ["content"] = new Dictionary<string, string> { ["instagram"] = "B" } },
            },
        }, ct);
        var root = created.RootElement;
        Console.WriteLine($"Created A/B test {root.GetProperty("id").GetGuid()} on campaign {campaignId}.");
        return (root.GetProperty("id").GetGuid(), root.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToArray());
    }

    private static async Task<JsonDocument> Post(HttpClient client, string path, object body, CancellationToken ct)
    {
        using var response = await client.PostAsync(path, new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return response.StatusCode == HttpStatusCode.Created
            ? JsonDocument.Parse(text)
            : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Each request carries new event ids, so every event is a real insert (a resent body would only hit conflicts).</summary>
    private Operation PostEvents(HttpMessageInvoker invoker, Uri uri, Guid[] variants, int worker)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        var sink = new byte[4096];
        var n = worker;
        return Send;

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        async ValueTask Send(CancellationToken ct)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartArray("events");
                for (var i = 0; i < BatchSize; i++, n++)
                {
                    json.WriteStartObject();
                    json.WriteString("event_id", TimeOrderedIds ? Guid.CreateVersion7() : Guid.NewGuid());
                    json.WriteString("variant_id", variants[n % variants.Length]);
                    // Mostly impressions, a few clicks and conversions: the usual shape of the stream.
                    json.WriteString("type", (n % 20) switch { 0 => "conversion", 1 or 2 => "click", _ => "impression" });
                    if (n % 20 == 0)
                    {
                        json.WriteNumber("value", 19.99m);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            var body = buffer.WrittenSpan.ToArray();
            using var request = HttpLoad.PostJson(uri, apiKey, body);
            using var response = await invoker.SendAsync(request, ct);
            await using (var stream = await response.Content.ReadAsStreamAsync(ct))
            {
                while (await stream.ReadAsync(sink, ct) > 0)
                {
                }
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new HttpRequestException($"POST {uri.AbsolutePath} answered {(int)response.StatusCode}.");
            }

            Interlocked.Add(ref eventsSent, BatchSize);
            lastBody = body;
        }
    }

    /// <summary>The product's statement for one batch, alone: one pooled connection, one autocommit statement.</summary>
    private Operation InsertEvents(Guid testId, Guid[] variants, int worker)
    {
        var testIds = Enumerable.Repeat(testId, BatchSize).ToArray();
        var eventIds = new Guid[BatchSize];
        var variantIds = new Guid[BatchSize];
        var types = new short[BatchSize];
        var values = new decimal[BatchSize];
        var n = worker;
        return Insert;

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        async ValueTask Insert(CancellationToken ct)
        {
            for (var i = 0; i < BatchSize; i++, n++)
            {
                eventIds[i] = TimeOrderedIds ? Guid.CreateVersion7() : Guid.NewGuid();
                variantIds[i] = variants[n % variants.Length];
                types[i] = (short)((n % 20) switch { 0 => 2, 1 or 2 => 1, _ => 0 });
                values[i] = n % 20 == 0 ? 19.99m : 0m;
            }

            await using var cmd = db.CreateCommand("""
                INSERT INTO ab_test_events (test_id, event_id, variant_id, type, value)
                SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::smallint[], $5::numeric[])
                ON CONFLICT (test_id, event_id) DO NOTHING
                RETURNING test_id, event_id
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = testIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            cmd.Parameters.Add(new NpgsqlParameter { Value = eventIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            cmd.Parameters.Add(new NpgsqlParameter { Value = variantIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            cmd.Parameters.Add(new NpgsqlParameter { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint });
            cmd.Parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
            var returned = 0;
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                returned++;
            }

            if (returned != BatchSize)
            {
                throw new InvalidOperationException($"Expected {BatchSize} new rows, got {returned}.");
            }
        }
    }

    private static SocketsHttpHandler Handler(int connections) => new()
    {
        MaxConnectionsPerServer = connections,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        ActivityHeadersPropagator = null,
    };
}
