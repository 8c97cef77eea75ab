using System.Diagnostics;
using System.Text;
using Campaigns.AbTesting;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.Silo.Hosting;
using Campaigns.Silo.StoredState;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace Campaigns.Benchmarks;

/// <summary>
/// What a grain-state write costs in the legacy format (Orleans' Newtonsoft JSON serializer, as 29e0195 configured it)
/// and in the current one (docs/ARCHITECTURE.md, "Grain state storage"): bytes, serializer CPU, and writes/s through
/// the ADO.NET provider's own write function on a durable PostgreSQL, beside a raw Npgsql baseline that writes
/// bytes serialized in advance with the same statement.
/// </summary>
public static class StateWriteBench
{
    public const string Name = "state-writes";
    private const int Workers = 8;

    public static async Task<(string Markdown, bool Failed)> Run(BenchOptions options, CancellationToken ct)
    {
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var current = new GrainStateSerializer(services.GetRequiredService<Serializer>());
        // As silos of 29e0195 had it: Orleans' default settings and its type-checking binder (the converters it also adds
        // are for runtime types no state holds).
        var legacyOptions = new OrleansJsonSerializerOptions();
        legacyOptions.JsonSerializerSettings.SerializationBinder = new OrleansJsonSerializationBinder(
            services.GetRequiredService<Orleans.Serialization.TypeSystem.TypeConverter>(), services.GetRequiredService<Orleans.Serialization.TypeSystem.TypeResolver>());
        var legacy = new JsonGrainStorageSerializer(new OrleansJsonSerializer(Options.Create(legacyOptions)));

        var dataDirectory = Path.Combine(Path.GetTempPath(), $"campaigns-state-bench-{Guid.NewGuid():N}");
        await using var server = await LocalPostgres.Start(dataDirectory, null, "state_bench", durable: true, deleteOnDispose: true, ct);
        await DatabaseMigrator.Apply(server.ConnectionString, NullLogger.Instance, ct);
        await using var database = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server.ConnectionString) { MaxPoolSize = Workers * 2 }.ConnectionString);

        var report = new StringBuilder();
        report.AppendLine($"### Grain-state writes, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine()
            .AppendLine($"PostgreSQL {await database.CreateCommand("SHOW server_version").ExecuteScalarAsync(ct)} (fsync on, synchronous commit), {Workers} writers, {options.Duration.TotalSeconds:0.#} s per row; serializer figures are medians of 2,000 calls after a warm-up.").AppendLine()
            .AppendLine("| state | format | bytes | serialize µs | deserialize µs | writes/s | vs raw Npgsql |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|");
        // The first seconds of writes on a fresh server are slower (cold caches, first checkpoint): not measured.
        await Writes(database, "warm-up", new byte[512], null, TimeSpan.FromSeconds(5), ct);
        foreach (var sample in Samples())
        {
            var raw = await Writes(database, sample.Name + "/raw", sample.Write(current), null, options.Duration, ct);
            foreach (var (format, serializer) in new (string, IGrainStorageSerializer)[] { ("legacy JSON", legacy), ("Orleans binary v1", current) })
            {
                var bytes = sample.Write(serializer);
                var (serialize, deserialize) = sample.Cpu(serializer);
                var rate = await Writes(database, sample.Name + "/" + format, bytes, serializer == current ? sample.WriteAgain(current) : sample.WriteAgain(legacy), options.Duration, ct);
                report.AppendLine($"| {sample.Name} | {format} | {bytes.Length:N0} | {serialize:F1} | {deserialize:F1} | {rate:N0} | {rate / raw:P0} |");
            }

            report.AppendLine($"| {sample.Name} | raw Npgsql (bytes made in advance) | {sample.Write(current).Length:N0} | – | – | {raw:N0} | 100 % |");
        }

        return (report.ToString(), false);
    }

    /// <summary>Writes/s of <see cref="Workers"/> loops, each updating its own row; <paramref name="serialize"/> runs per write when given.</summary>
    private static async Task<double> Writes(NpgsqlDataSource database, string key, byte[] payload, Func<byte[]>? serialize, TimeSpan duration, CancellationToken ct)
    {
        var count = 0L;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            int? version = null;
            var id = Guid.NewGuid();
            var grainKey = BitConverter.ToInt64(id.ToByteArray(), 0);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                await using var command = new NpgsqlCommand(
                    "SELECT orleans_write_to_storage($1, $2, $3, $4, $5, NULL, $6, $7, $8)", connection);
                command.Parameters.AddWithValue(key.GetHashCode() ^ worker);
                command.Parameters.AddWithValue(grainKey);
                command.Parameters.AddWithValue((long)worker);
                command.Parameters.AddWithValue(key.GetHashCode());
                command.Parameters.AddWithValue("bench");
                command.Parameters.AddWithValue(key);
                command.Parameters.AddWithValue(version is { } v ? v : DBNull.Value);
                command.Parameters.AddWithValue(serialize is null ? payload : serialize());
                version = (int)(await command.ExecuteScalarAsync(ct))!;
                Interlocked.Increment(ref count);
            }
        }, ct)));
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private sealed record Sample(string Name, Func<IGrainStorageSerializer, byte[]> Write, Func<IGrainStorageSerializer, Func<byte[]>> WriteAgain, Func<IGrainStorageSerializer, (double, double)> Cpu);

    private static Sample Of<T>(string name, T state) => new(
        name,
        serializer => serializer.Serialize(state).ToArray(),
        serializer => () => serializer.Serialize(state).ToArray(),
        serializer => Measure(serializer, state));

    private static (double SerializeMicros, double DeserializeMicros) Measure<T>(IGrainStorageSerializer serializer, T state)
    {
        var bytes = serializer.Serialize(state);
        for (var i = 0; i < 500; i++)
        {
            serializer.Deserialize<T>(serializer.Serialize(state));
        }

        var write = new double[2_000];
        var read = new double[2_000];
        for (var i = 0; i < write.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            serializer.Serialize(state);
            write[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            started = Stopwatch.GetTimestamp();
            serializer.Deserialize<T>(bytes);
            read[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(write);
        Array.Sort(read);
        return (write[write.Length / 2], read[read.Length / 2]);
    }

    private static IEnumerable<Sample> Samples()
    {
        var now = DateTimeOffset.UtcNow;
        var org = Guid.NewGuid();
        yield return Of("outreach participant", new ParticipantState
        {
            OrganizationId = org, SendingAccountId = Guid.NewGuid(), ChatId = 7_000_000_001, Status = ParticipantStatus.Sent, CurrentStep = 1,
            NextSendAt = now.AddDays(2), LastSentAt = now, Version = 3, ReminderFor = now.AddDays(2), UpdatedAt = now,
        });
        var snapshot = new CampaignSnapshot(CampaignStatus.Active, DateOnly.FromDateTime(now.UtcDateTime), null,
            new TrackingConfig(["#brandx"], ["#ad"], ["@brandx"], "brandx.com/go/*"));
        var creator = new CreatorCandidate(Guid.NewGuid(), Guid.NewGuid(), "instagram", "anna_style", 48_000, 0.042m, true, ["fashion", "beauty"], "Berlin, Germany");
        yield return Of("influencer allocation", new AllocationState
        {
            OrganizationId = org, CampaignId = Guid.NewGuid(), Creator = creator, AllocatedBudget = 100_000, CurrentBudget = 100_000,
            Status = AllocationStatus.Accepted, Metrics = new AllocationMetrics(120_000, 5_400, 0, 0, 0.045, 12, now, false),
            Campaign = snapshot, AcceptedAt = now, CreatedAt = now, UpdatedAt = now, Version = 14, Position = 3,
        });
        yield return Of("influencer campaign, 50 allocations", new CampaignState
        {
            OrganizationId = org, Name = "Spring drop", Kind = CampaignKind.Influencer, Status = CampaignStatus.Active, Budget = 5_000_000,
            CurrentBudget = 5_000_000, Goals = ["reach"], Platforms = ["instagram"], CreatedAt = now, UpdatedAt = now, Version = 60,
            Influencer = new InfluencerBrief(AudienceSize.MidTier, "Berlin", "Women 20-35", snapshot.TrackingConfig),
            Allocations = [.. Enumerable.Range(0, 50).Select(_ => new AllocationSlot { Id = Guid.NewGuid(), Creator = creator with { CreatorId = Guid.NewGuid() }, Budget = 100_000, Created = true })],
        });
        yield return Of("outreach campaign, 1,000-contact CSV audience", new CampaignState
        {
            OrganizationId = org, Name = "Founders Q1", Kind = CampaignKind.Outreach, Status = CampaignStatus.Active, CreatedAt = now, UpdatedAt = now, Version = 9,
            Outreach = new OutreachBrief(
                new OutreachSchedule("Europe/Moscow", new TimeOnly(9, 0), new TimeOnly(18, 0), [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday]),
                OutreachBrief.Empty.Audience with { ContactIds = [.. Enumerable.Range(0, 1_000).Select(_ => Guid.NewGuid())], SendingAccountId = Guid.NewGuid(), SendDelaySeconds = 60 },
                null, null, 15),
        });
        yield return Of("A/B test, 3 variants", new AbTestState
        {
            OrganizationId = org, CampaignId = Guid.NewGuid(), Name = "Subject line", Status = AbTestStatus.Running, PrimaryMetric = AbMetric.ConversionRate,
            MinSampleSize = 100, ConfidenceLevel = 0.95, CreatedAt = now, UpdatedAt = now, Version = 2,
            Variants = [.. Enumerable.Range(0, 3).Select(i => new AbVariantView(Guid.NewGuid(), $"variant {i}", i == 0, """{"instagram":"Hello"}""", 1))],
        });
    }
}
