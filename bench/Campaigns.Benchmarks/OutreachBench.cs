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
using Telegram.Bot;

namespace Campaigns.Benchmarks;

/// <summary>What one outreach run measured, with its same-run raw baselines.</summary>
public sealed record OutreachRun(
    int Participants,
    TimeSpan IdleStart,
    long IdleRssDeltaBytes,
    TimeSpan Start,
    TimeSpan ToLastSend,
    long Sent,
    long DuplicateMessages,
    double SustainedPerSecond,
    long RssBeforeBytes,
    long RssPeakBytes,
    CpuUse Cpu,
    IReadOnlyDictionary<string, long> ParticipantStatuses,
    IReadOnlyDictionary<string, long> SendStatuses,
    TimeSpan RawMaterialize,
    double RawSendsPerSecond,
    string? HostOutput)
{
    public double OverallPerSecond => Sent / ToLastSend.TotalSeconds;

    public double IdleBytesPerParticipant => (double)IdleRssDeltaBytes / Participants;

    public double PeakBytesPerParticipant => (double)(RssPeakBytes - RssBeforeBytes) / Participants;
}

/// <summary>
/// Issue 4's scenario: an outreach campaign of N participants (default 100,000) against the Telegram simulator with no
/// rate limits: time to start, sends per second, silo memory per idle participant, duplicates. Beside it, in the same
/// run: the materialization as one raw SQL statement, and raw Telegram.Bot sends to the same simulator.
/// </summary>
public static class OutreachBench
{
    private const int SendConcurrency = 16;

    public static async Task<OutreachRun> Run(string apiDll, BenchOptions options, CancellationToken ct)
    {
        var n = options.Participants;
        await using var simulator = await TelegramSimulator.Start();
        var bot = simulator.AddBot("bench_outreach_bot");
        bot.AnyoneMayBeMessaged = true;
        var warmBot = simulator.AddBot("bench_warmup_bot");
        warmBot.AnyoneMayBeMessaged = true;

        var environment = new Dictionary<string, string> { ["Telegram__BaseUrl"] = simulator.BaseUrl };
        await using var sut = await SystemUnderTest.Start(apiDll, options.KeepData, ct, environment);
        var (organizationId, apiKey) = await sut.Bootstrap("Outreach Bench", "outreach@example.test", ct);
        var connectionString = await sut.AttachDatabase(ct);
        await using var db = NpgsqlDataSource.Create(connectionString);
        var meter = new CpuMeter(sut.ProcessId, sut.PostmasterPid());
        using var api = new HttpClient { BaseAddress = sut.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

        var account = await Id(api, "api/sending-accounts", new { name = "Bench bot", bot_token = bot.Token, daily_cap = Math.Min(n, 100_000) }, ct);
        var warmAccount = await Id(api, "api/sending-accounts", new { name = "Warm-up bot", bot_token = warmBot.Token, daily_cap = 10_000 }, ct);
        var company = await Id(api, "api/companies", new { name = "Bench audience" }, ct);
        var warmCompany = await Id(api, "api/companies", new { name = "Bench warm-up audience" }, ct);

        Console.WriteLine($"  seeding {n:N0} + 2,000 contacts with raw COPY...");
        await SeedContacts(db, organizationId, company, 0, n, ct);
        await SeedContacts(db, organizationId, warmCompany, n, 2_000, ct);

        // Warm-up: the whole path on a small campaign from another account, so the host's JIT has settled.
        Console.WriteLine("  warm-up campaign (2,000 participants)...");
        var warm = await Campaign(api, "Warm-up", warmAccount, warmCompany, 2_000, schedule: null, ct);
        await Post(api, $"api/campaigns/{warm}/start", ct);
        await WaitForSends(simulator, 2_000, TimeSpan.FromMinutes(3), null, ct);
        await Task.Delay(TimeSpan.FromSeconds(5), ct);

        // Idle participants: a campaign whose window is closed all day today, started, then left alone.
        var closedDay = (int)DateTime.UtcNow.AddDays(3).DayOfWeek;
        var idleSchedule = new { timezone = "UTC", working_hours = new { start = "09:00", end = "10:00" }, days_of_week = new[] { closedDay } };
        var idle = await Campaign(api, "Idle", account, company, n, idleSchedule, ct);
        var rssIdleBefore = Rss(sut.ProcessId);
        var idleClock = Stopwatch.StartNew();
        await Post(api, $"api/campaigns/{idle}/start", ct);
        var idleStart = idleClock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        var idleDelta = Rss(sut.ProcessId) - rssIdleBefore;
        Console.WriteLine($"  idle campaign: started in {idleStart.TotalSeconds:F1} s; host RSS +{idleDelta / 1024.0 / 1024:F1} MiB");
        await Post(api, $"api/campaigns/{idle}/stop", ct);

        // The measured campaign.
        var measured = await Campaign(api, "Measured", account, company, n, schedule: null, ct);
        var rssBefore = Rss(sut.ProcessId);
        var cpuStart = meter.Take();
        var clock = Stopwatch.StartNew();
        await Post(api, $"api/campaigns/{measured}/start", ct);
        var start = clock.Elapsed;
        Console.WriteLine($"  measured campaign started in {start.TotalSeconds:F1} s; sending...");
        var peak = rssBefore;
        var samples = await WaitForSends(simulator, n, options.PipelineTimeout, () => peak = Math.Max(peak, Rss(sut.ProcessId)), ct);
        var cpu = CpuMeter.Between(cpuStart, meter.Take());
        var toLast = samples[^1].At;
        var sent = samples[^1].Count;
        Console.WriteLine($"  {sent:N0} sends in {toLast.TotalSeconds:F1} s from the start request");

        var duplicates = simulator.Messages.Where(m => m.BotId == bot.Id).GroupBy(m => m.ChatId).Sum(g => (long)g.Count() - 1);
        var participants = await Counts(db, "SELECT status, count(*) FROM outreach_participants WHERE campaign_id = $1 GROUP BY status", measured, ct);
        var sends = await Counts(db, "SELECT status, count(*) FROM outreach_sends WHERE campaign_id = $1 GROUP BY status", measured, ct);

        Console.WriteLine("  raw baselines...");
        var rawMaterialize = await RawMaterialize(db, organizationId, company, ct);
        var rawSends = await RawSends(simulator, options, ct);

        var output = sut.OutputLinesSinceReady > 0 ? string.Join("\n", sut.OutputTail.TakeLast(10)) : null;
        return new OutreachRun(n, idleStart, idleDelta, start, toLast, sent, duplicates, Sustained(samples, n), rssBefore, peak, cpu,
            participants, sends, rawMaterialize, rawSends, output);
    }

    public static string Markdown(OutreachRun r)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"#### Outreach (issue 4): {r.Participants:N0} participants, one step, Telegram simulator without limits");
        sb.AppendLine();
        sb.AppendLine("| Figure | Product | Raw baseline, same run | Goal |");
        sb.AppendLine("|---|---:|---:|---|");
        sb.AppendLine(ci, $"| Start (`POST …/start`: materialize + schedule) | {r.Start.TotalSeconds:F1} s | {r.RawMaterialize.TotalSeconds:F1} s (one `INSERT … SELECT` of the same rows) | ≤ 30 s: {(r.Start.TotalSeconds <= 30 ? "met" : "**missed**")} |");
        sb.AppendLine(ci, $"| Sustained sends/s (10 %→90 % of the sends) | {r.SustainedPerSecond:N0} | {r.RawSendsPerSecond:N0} (Telegram.Bot `SendMessage`, {SendConcurrency} loops) | ≥ 500: {(r.SustainedPerSecond >= 500 ? "met" : "**missed**")} |");
        sb.AppendLine(ci, $"| Overall sends/s (start request → last send) | {r.OverallPerSecond:N0} | | |");
        sb.AppendLine(ci, $"| Host memory per idle participant (RSS growth 10 s after starting a closed-window campaign of {r.Participants:N0}; start took {r.IdleStart.TotalSeconds:F1} s) | {r.IdleBytesPerParticipant:N0} B | | ≤ 2 KB: {(r.IdleBytesPerParticipant <= 2048 ? "met" : "**missed**")} |");
        sb.AppendLine(ci, $"| Host peak RSS growth per participant while sending | {r.PeakBytesPerParticipant:N0} B ({r.RssBeforeBytes / 1048576.0:F0} → {r.RssPeakBytes / 1048576.0:F0} MiB) | | |");
        sb.AppendLine(ci, $"| Messages the simulator received / duplicates | {r.Sent:N0} / {r.DuplicateMessages:N0} | | 0 duplicates: {(r.DuplicateMessages == 0 ? "met" : "**missed**")} |");
        sb.AppendLine(ci, $"| CPU cores while sending: host / pg / generator (simulator) / other | {r.Cpu.Host:F2} / {r.Cpu.Postgres:F2} / {r.Cpu.Generator:F2} / {r.Cpu.Other:F2} | | |");
        sb.AppendLine();
        sb.AppendLine(ci, $"- Participants by status: {Join(r.ParticipantStatuses)}; send rows by status: {Join(r.SendStatuses)}.");
        if (r.HostOutput is { } output)
        {
            sb.AppendLine(ci, $"- The host wrote to its console during the run; the last lines:\n\n```\n{output}\n```");
        }

        return sb.ToString();
    }

    private static string Join(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value:N0}"));

    private static async Task<Guid> Campaign(HttpClient api, string name, Guid account, Guid company, int limit, object? schedule, CancellationToken ct)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = $"Outreach bench: {name}",
            ["kind"] = "outreach",
            ["budget"] = 0,
            ["target_audience"] = new
            {
                filters = new { has_telegram = true, company_id = company },
                limit,
                only_new = false,
                bd_account_id = account,
                send_delay_seconds = 0,
            },
        };
        if (schedule is not null)
        {
            body["schedule"] = schedule;
        }

        var id = await Id(api, "api/campaigns", body, ct);
        var template = await Id(api, $"api/campaigns/{id}/templates",
            new { name = "Opener", channel = "telegram", content = "Hi {{contact.first_name}}, may I ask you about {{company.name}}?" }, ct);
        await Id(api, $"api/campaigns/{id}/steps", new { order_index = 0, template_id = template, delay_hours = 0, trigger_type = "delay" }, ct);
        return id;
    }

    private static async Task<Guid> Id(HttpClient api, string path, object body, CancellationToken ct)
    {
        using var response = await api.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /{path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    private static async Task Post(HttpClient api, string path, CancellationToken ct)
    {
        using var response = await api.PostAsync(path, null, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    /// <summary>Contacts straight into crm_contacts (setup, not measured): telegram ids from 10,000,000 + offset.</summary>
    private static async Task SeedContacts(NpgsqlDataSource db, Guid organizationId, Guid company, int offset, int count, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY crm_contacts (id, organization_id, first_name, last_name, telegram_id, company_id, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        var now = DateTimeOffset.UtcNow;
        for (var i = offset; i < offset + count; i++)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(organizationId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync($"Person{i}", NpgsqlDbType.Text, ct);
            await writer.WriteAsync("Bench", NpgsqlDbType.Text, ct);
            await writer.WriteAsync(10_000_000L + i, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(company, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>Polls the simulator's count of new messages until <paramref name="expected"/> or a stall.</summary>
    private static async Task<List<(TimeSpan At, long Count)>> WaitForSends(
        TelegramSimulator simulator, int expected, TimeSpan timeout, Action? sample, CancellationToken ct)
    {
        // Counted from the simulator's total: one campaign sends at a time here.
        var before = simulator.SentCount;
        var clock = Stopwatch.StartNew();
        var samples = new List<(TimeSpan, long)>();
        var lastChange = TimeSpan.Zero;
        long last = -1;
        while (true)
        {
            var count = simulator.SentCount - before;
            sample?.Invoke();
            if (count != last)
            {
                samples.Add((clock.Elapsed, count));
                last = count;
                lastChange = clock.Elapsed;
            }

            if (count >= expected)
            {
                return samples;
            }

            if (clock.Elapsed > timeout || clock.Elapsed - lastChange > TimeSpan.FromSeconds(90))
            {
                Console.WriteLine($"  stopped waiting at {count:N0} of {expected:N0} sends ({clock.Elapsed.TotalSeconds:F0} s)");
                return samples.Count > 0 ? samples : [(clock.Elapsed, 0)];
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>Sends per second between the 10 % and the 90 % marks: the steady state, without ramp-up and tail.</summary>
    private static double Sustained(List<(TimeSpan At, long Count)> samples, int expected)
    {
        var from = samples.FirstOrDefault(s => s.Count >= expected / 10);
        var to = samples.FirstOrDefault(s => s.Count >= expected * 9 / 10);
        return to.At > from.At ? (to.Count - from.Count) / (to.At - from.At).TotalSeconds : 0;
    }

    private static async Task<Dictionary<string, long>> Counts(NpgsqlDataSource db, string sql, Guid campaign, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue(campaign);
        var counts = new Dictionary<string, long>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            counts[r.GetString(0)] = r.GetInt64(1);
        }

        return counts;
    }

    /// <summary>The same participants' rows as one statement into a scratch copy of the table.</summary>
    private static async Task<TimeSpan> RawMaterialize(NpgsqlDataSource db, Guid organizationId, Guid company, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE raw_participants (LIKE outreach_participants INCLUDING ALL)", connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using var insert = new NpgsqlCommand("""
            INSERT INTO raw_participants (campaign_id, contact_id, organization_id, sending_account_id, chat_id, status, current_step,
                                          next_send_at, created_at, updated_at)
            SELECT $3, c.id, c.organization_id, $3, c.telegram_id, 'pending', 0, now(), now(), now()
            FROM crm_contacts c
            WHERE c.organization_id = $1 AND c.company_id = $2 AND c.telegram_id IS NOT NULL
            ON CONFLICT DO NOTHING
            """, connection);
        insert.Parameters.AddWithValue(organizationId);
        insert.Parameters.AddWithValue(company);
        insert.Parameters.AddWithValue(Guid.CreateVersion7());
        var clock = Stopwatch.StartNew();
        await insert.ExecuteNonQueryAsync(ct);
        return clock.Elapsed;
    }

    /// <summary>Telegram.Bot straight at the simulator: what the HTTP round trips alone allow on this machine.</summary>
    private static async Task<double> RawSends(TelegramSimulator simulator, BenchOptions options, CancellationToken ct)
    {
        var rawBot = simulator.AddBot("bench_raw_bot");
        rawBot.AnyoneMayBeMessaged = true;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = SendConcurrency });
        var client = new TelegramBotClient(new TelegramBotClientOptions(rawBot.Token, simulator.BaseUrl), http);
        var duration = options.Duration;
        long sent = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, SendConcurrency).Select(async loop =>
        {
            var chat = 50_000_000L + loop * 1_000_000L;
            while (clock.Elapsed < duration)
            {
                await client.SendMessage(chat++, "Hi Person, may I ask you about Bench audience?", cancellationToken: ct);
                Interlocked.Increment(ref sent);
            }
        }));
        return sent / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Resident set size of a process, from /proc.</summary>
    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
