using System.Collections.Concurrent;
using System.Globalization;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Simulators.Apify;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Tests.Influencer;

/// <summary>
/// The worker's services wired as a silo wires them (<see cref="GrainServices"/>, <see cref="ApifyWorkerRegistration"/>)
/// on the shared PostgreSQL, with the real <see cref="Campaigns.Integrations.Apify.ApifyClient"/> pointed at a simulator.
/// The clock is far in the future and jobs are taken per organization, so no other test's jobs are touched.
/// </summary>
internal sealed class ApifyWorkerHarness : IAsyncDisposable
{
    public const int ClientRetryAttempts = 2;

    private readonly ServiceProvider services;

    private ApifyWorkerHarness(ServiceProvider services, ManualClock clock, RecordingScrapeCompletedHandler completed)
    {
        this.services = services;
        Clock = clock;
        Completed = completed;
    }

    public ManualClock Clock { get; }

    public RecordingScrapeCompletedHandler Completed { get; }

    public ApifyJobProcessor Processor => services.GetRequiredService<ApifyJobProcessor>();

    public ApifyJobRepository Jobs => services.GetRequiredService<ApifyJobRepository>();

    public CreatorRepository Creators => services.GetRequiredService<CreatorRepository>();

    /// <param name="token">The token the client sends: the simulator's by default, empty for "not configured".</param>
    public static ApifyWorkerHarness For(string connectionString, ApifySimulator simulator, string? token = null)
    {
        var clock = new ManualClock(new DateTimeOffset(2100, 9, 1, 8, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 10_000)));
        var completed = new RecordingScrapeCompletedHandler();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Apify:BaseUrl"] = simulator.BaseUrl,
            ["Apify:Token"] = token ?? simulator.Token,
            ["Apify:MaxRetryAttempts"] = ClientRetryAttempts.ToString(CultureInfo.InvariantCulture),
            ["Apify:RetryBaseDelay"] = "00:00:00.010",
            ["Apify:PollInterval"] = "00:00:00.010",
        }).Build();

        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IScrapeCompletedHandler>(completed)
            .AddCampaignsGrainServices(connectionString)
            .AddApifyJobWorker(configuration)
            .BuildServiceProvider();
        return new ApifyWorkerHarness(services, clock, completed);
    }

    public async Task<ApifyJob> Enqueue(Guid organizationId, ApifyJobType type, string username, Guid? profileId, string input = "{}", int maxRetries = 3) =>
        (await Jobs.Enqueue(organizationId, Guid.CreateVersion7(),
            new ApifyJobDraft(type, SocialPlatform.Instagram, username, input, Priority: 70, CreatorProfileId: profileId, MaxRetries: maxRetries))).Job;

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

/// <summary>Remembers what the worker reported through the extension point allocation tracking will use.</summary>
internal sealed class RecordingScrapeCompletedHandler : IScrapeCompletedHandler
{
    public ConcurrentQueue<(Guid JobId, IReadOnlyList<Guid> PostIds)> Calls { get; } = new();

    public Task ScrapeCompleted(ApifyJob job, IReadOnlyList<StoredPost> storedPosts, CancellationToken cancellationToken)
    {
        Calls.Enqueue((job.Id, storedPosts.Select(post => post.Id).ToList()));
        return Task.CompletedTask;
    }
}
