using System.Net;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Silo.StoredState;
using Campaigns.StoredState;
using Campaigns.Tenancy;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace Campaigns.Tests.StoredState;

/// <summary>
/// The guard's bookkeeping never changes what a read answers: a record it cannot write does not hide the unreadable
/// state, a record it cannot clear does not fail a good read, and an unreachable database is not taken for bad bytes.
/// </summary>
public sealed class UnreadableStateGuardTests : IAsyncDisposable
{
    private static readonly Guid Key = Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static readonly GrainId Campaign = GrainId.Create(GrainType.Create("campaign"), GrainIdKeyExtensions.CreateGuidKey(Key));

    /// <summary>Nothing listens on port 1: every statement of the ledger fails at once.</summary>
    private readonly NpgsqlDataSource unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=2;Username=nobody;Database=nothing");
    private readonly CapturedLogs logs = new();
    private readonly ILoggerFactory logging;

    public UnreadableStateGuardTests() => logging = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));

    [Fact]
    public async Task A_failure_that_cannot_be_recorded_still_reaches_the_caller_as_unreadable_state()
    {
        var guard = Guard(new FailingStorage(new FormatException("bad bytes")));

        var failure = await Assert.ThrowsAsync<UnreadableStateException>(() => guard.ReadStateAsync("campaign", Campaign, new GrainState<object>()));

        Assert.Equal(("campaign", Campaign.ToString(), Key.ToString(), "FormatException: bad bytes"), (failure.StateName, failure.GrainId, failure.GrainKey, failure.Reason));
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Contains("cannot load its stored state") && e.Contains(Key.ToString()));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Could not record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_good_read_succeeds_when_its_record_cannot_be_checked_or_cleared()
    {
        var guard = Guard(new FailingStorage(null));

        await guard.ReadStateAsync("campaign", Campaign, new GrainState<object>());

        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_passes_through_as_it_is()
    {
        var unreachableDatabase = new NpgsqlException("Failed to connect to 127.0.0.1:5432");
        var guard = Guard(new FailingStorage(unreachableDatabase));

        var thrown = await Assert.ThrowsAsync<NpgsqlException>(() => guard.ReadStateAsync("campaign", Campaign, new GrainState<object>()));

        Assert.Same(unreachableDatabase, thrown);
        Assert.DoesNotContain(logs.Entries, e => e.Contains("cannot load its stored state"));
    }

    public async ValueTask DisposeAsync()
    {
        logging.Dispose();
        await unreachable.DisposeAsync();
    }

    private UnreadableStateGuard Guard(IGrainStorage inner) => new(
        inner,
        new UnreadableStateLedger(new GrainStateFailureRepository(unreachable), Options.Create(new ClusterOptions { ServiceId = "guard-tests" }),
            new Silo(), TimeProvider.System, logging.CreateLogger<UnreadableStateLedger>()),
        logging.CreateLogger<UnreadableStateGuard>());

    /// <summary>Reads fail with <paramref name="failure"/>, or succeed when it is null.</summary>
    private sealed class FailingStorage(Exception? failure) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            failure is null ? Task.CompletedTask : Task.FromException(failure);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }

    private sealed class Silo : ILocalSiloDetails
    {
        public string Name => "guard-test-silo";

        public string ClusterId => "guard-tests";

        public string DnsHostName => "localhost";

        public SiloAddress SiloAddress { get; } = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);

        public SiloAddress GatewayAddress => SiloAddress;
    }
}
