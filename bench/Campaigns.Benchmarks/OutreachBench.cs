using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Campaigns.Simulators.Telegram;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Benchmarks;

/// <summary>
/// Issue 4's scenario: N contacts become participants of an outreach campaign (one step, no window, no spacing) on a
/// fresh host pointed at the Telegram simulator in this process (every user may be messaged: no rate limit, no 403).
/// Measures the start (materialization), sustained sends per second, the host's resident memory per idle participant
/// (a second campaign whose window is closed) and duplicates in the simulator's record; beside raw baselines of the
/// same run: the materialization as one raw SQL statement, and sendMessage calls straight to the simulator.
/// </summary>
public static class OutreachBench
{
    public const string Name = "outreach";

    public static async Task<(string Markdown, bool Failed)> Run(string apiDll, BenchOptions options, CancellationToken ct)
    {
        var contacts = options.Participants;
        await using var simulator = await TelegramSimulator.Start();
        var bot = simulator.AddBot("bench_outreach_bot");
        bot.AnyoneMayBeMessaged = true;
        await using var sut = await SystemUnderTest.Start(apiDll, options.KeepData, ct, new Dictionary<string, string>
        {
            ["Telegram__BaseUrl"] = simulator.BaseUrl,
            ["Telegram__LongPollTimeout"] = "00:00:10",
            ["Outreach__DispatchTick"] = "00:00:00.200",
            ["Outreach__DispatchConcurrency"] = options.OutreachConcurrency.ToString(CultureInfo.InvariantCulture),
        });
        var (organizationId, apiKey) = await sut.Bootstrap("Outreach Bench Org", "outreach@example.test", ct);
        using var http = new HttpClient { BaseAddress = sut.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var connectionString = await sut.AttachDatabase(ct);
        await using var db = NpgsqlDataSource.Create(connectionString);
        var meter = new CpuMeter(sut.ProcessId, sut.PostmasterPid());

        Console.WriteLine($"Outreach: seeding {contacts:N0} contacts with Telegram ids...");
        await SeedContacts(db, organizationId, contacts, ct);
        var account = await Json(await http.PostAsJsonAsync("api/sending-accounts",
            new { name = "Bench bot", bot_token = bot.Token, daily_cap = 100_000 }, ct), HttpStatusCode.Created);
        var accountId = account["id"]!.GetValue<string>();

        // Idle participants: a campaign whose only sending day is not today, measured after start.
        var idle = await NewCampaign(http, accountId, closedWindow: true, ct);
        var rssBefore = ResidentBytes(sut.ProcessId);
        var idleStart = Stopwatch.GetTimestamp();
        await Json(await http.PostAsync($"api/campaigns/{idle}/start", null, ct), HttpStatusCode.OK);
        var idleStartSeconds = Stopwatch.GetElapsedTime(idleStart).TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(5), ct); // a few dispatch ticks: none of them may wake anyone
        var rssAfter = ResidentBytes(sut.ProcessId);
        Console.WriteLine($"  idle campaign started in {idleStartSeconds:F1} s; host RSS {rssBefore / 1e6:F0} → {rssAfter / 1e6:F0} MB");
        await Json(await http.PostAsync($"api/campaigns/{idle}/stop", null, ct), HttpStatusCode.OK);

        var rawMaterialize = await RawMaterialize(db, organizationId, ct);
        Console.WriteLine($"  raw materialization of {contacts:N0} rows: {rawMaterialize:F1} s");

        var live = await NewCampaign(http, accountId, closedWindow: false, ct);
        var cpuStart = meter.Take();
        var started = Stopwatch.GetTimestamp();
        await Json(await http.PostAsync($"api/campaigns/{live}/start", null, ct), HttpStatusCode.OK);
        var startSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"  live campaign started in {startSeconds:F1} s; sending...");

        // Sustained rate: between 10 % and 90 % of the sends, so the ramp-up and the tail do not count.
        double? at10 = null, at90 = null;
        var deadline = Stopwatch.GetTimestamp() + (long)(options.PipelineTimeout.TotalSeconds * Stopwatch.Frequency);
        while (simulator.SentCount < contacts && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(200, ct);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var sent = simulator.SentCount;
            if ((int)elapsed / 10 != (int)(elapsed - 0.2) / 10)
            {
                Console.WriteLine($"    {elapsed:F0} s: {sent:N0} sent");
            }

            if (at10 is null && sent >= contacts / 10)
            {
                at10 = elapsed;
            }

            if (at90 is null && sent >= contacts * 9 / 10)
            {
                at90 = elapsed;
            }
        }

        var total = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = CpuMeter.Between(cpuStart, meter.Take());
        var messages = simulator.Messages;
        var duplicates = messages.GroupBy(m => m.ChatId).Count(g => g.Count() > 1);
        var sustained = at10 is { } a && at90 is { } b && b > a ? contacts * 0.8 / (b - a) : 0;
        Console.WriteLine($"  {messages.Count:N0} sent in {total:F1} s; sustained {sustained:N0}/s; duplicates {duplicates}");

        var raw = await RawSends(simulator.BaseUrl, bot.Token, options.OutreachConcurrency, TimeSpan.FromSeconds(10), ct);
        Console.WriteLine($"  raw sendMessage to the simulator: {raw:N0}/s");

        var perIdle = (rssAfter - rssBefore) / (double)contacts;
        var failed = messages.Count < contacts || duplicates > 0;
        var markdown = $"""
            ## Outreach (issue 4) — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC

            {contacts:N0} participants, one step, no window, no spacing, simulator without limits; dispatch concurrency {options.OutreachConcurrency}.

            | measure | figure | goal | raw baseline (same run) |
            |---|---|---|---|
            | start (materialize + schedule), live campaign | {startSeconds:F1} s | ≤ 30 s | one `INSERT … SELECT` of the same rows: {rawMaterialize:F1} s |
            | start, idle campaign (window closed) | {idleStartSeconds:F1} s | ≤ 30 s | |
            | sustained sends/s (10 %→90 %) | {sustained:N0} | ≥ 500 | sendMessage straight to the simulator, {options.OutreachConcurrency} concurrent: {raw:N0}/s |
            | all sent after | {total:F1} s ({messages.Count:N0} messages) | | |
            | host RSS growth per idle participant | {perIdle:F0} B ({rssBefore / 1e6:F0} → {rssAfter / 1e6:F0} MB, not after a forced GC) | ≤ 2 KB | |
            | duplicates (chats with more than one message) | {duplicates} | 0 | |
            | CPU while sending (cores) | host {cpu.Host:F2}, PostgreSQL {cpu.Postgres:F2}, generator+simulator {cpu.Generator:F2}, other {cpu.Other:F2} | | |
            """;
        return (markdown, failed);
    }

    private static async Task<string> NewCampaign(HttpClient http, string accountId, bool closedWindow, CancellationToken ct)
    {
        var tomorrow = (int)DateTimeOffset.UtcNow.AddDays(1).DayOfWeek;
        var body = new JsonObject
        {
            ["name"] = closedWindow ? "Idle outreach" : "Live outreach",
            ["kind"] = "outreach",
            ["budget"] = 0,
            ["target_audience"] = new JsonObject
            {
                ["filters"] = new JsonObject { ["has_telegram"] = true },
                ["bd_account_id"] = accountId,
                ["send_delay_seconds"] = 0,
            },
        };
        if (closedWindow)
        {
            body["schedule"] = new JsonObject
            {
                ["timezone"] = "UTC",
                ["working_hours"] = new JsonObject { ["start"] = "09:00", ["end"] = "18:00" },
                ["days_of_week"] = new JsonArray(tomorrow),
            };
        }

        var campaign = await Json(await http.PostAsJsonAsync("api/campaigns", body, ct), HttpStatusCode.Created);
        var id = campaign["id"]!.GetValue<string>();
        var template = await Json(await http.PostAsJsonAsync($"api/campaigns/{id}/templates", new { name = "Intro", content = "Hello {{contact.first_name}}!" }, ct), HttpStatusCode.Created);
        await Json(await http.PostAsJsonAsync($"api/campaigns/{id}/steps", new { template_id = template["id"]!.GetValue<string>(), delay_hours = 0 }, ct), HttpStatusCode.Created);
        return id;
    }

    private static async Task SeedContacts(NpgsqlDataSource db, Guid organizationId, int count, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY crm_contacts (id, organization_id, first_name, telegram_id, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(organizationId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync($"Contact{i}", NpgsqlDbType.Text, ct);
            await writer.WriteAsync(1_000_000_000L + i, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>The floor of a start: the same rows written by one statement, into a campaign id nobody uses, then removed.</summary>
    private static async Task<double> RawMaterialize(NpgsqlDataSource db, Guid organizationId, CancellationToken ct)
    {
        var campaign = Guid.NewGuid();
        var started = Stopwatch.GetTimestamp();
        await using (var cmd = db.CreateCommand("""
            INSERT INTO outreach_participants (campaign_id, contact_id, organization_id, chat_id, status, next_send_at, created_at, updated_at)
            SELECT $1, id, organization_id, telegram_id, 'pending', now() + interval '1 year', now(), now()
            FROM crm_contacts WHERE organization_id = $2 AND telegram_id IS NOT NULL
            ON CONFLICT DO NOTHING
            """))
        {
            cmd.CommandTimeout = 300;
            cmd.Parameters.AddWithValue(campaign);
            cmd.Parameters.AddWithValue(organizationId);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await using var delete = db.CreateCommand("DELETE FROM outreach_participants WHERE campaign_id = $1");
        delete.CommandTimeout = 300;
        delete.Parameters.AddWithValue(campaign);
        await delete.ExecuteNonQueryAsync(ct);
        return seconds;
    }

    /// <summary>The ceiling of the send path: sendMessage form posts straight to the simulator, closed loop.</summary>
    private static async Task<double> RawSends(string baseUrl, string token, int concurrency, TimeSpan duration, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri($"{baseUrl}/bot{token}/") };
        long sent = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            var chat = 2_000_000_000L + w * 1_000_000L;
            while (Stopwatch.GetTimestamp() < until)
            {
                using var content = new StringContent($"{{\"chat_id\":{chat++},\"text\":\"raw\"}}", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("sendMessage", content, ct);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref sent);
                }
            }
        }));
        return sent / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!;
    }
}
