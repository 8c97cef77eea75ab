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
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Campaigns.Tests.Influencer;

/// <summary>
/// The worker as a silo runs it: a hosted service on the real clock, serving every organization, so on a database of its
/// own; Apify is the simulator.
/// </summary>
public sealed class ApifyJobWorkerLoopTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Running_worker_completes_due_jobs_of_every_organization_and_stops_cleanly()
    {
        await using var database = await IsolatedDatabase.Create(postgres.ConnectionString, Cancellation);
        await using var simulator = await ApifySimulator.Start();
        using var host = WorkerHost(database.ConnectionString, simulator);
        var jobs = host.Services.GetRequiredService<ApifyJobRepository>();
        var enqueued = new List<(Guid Org, Guid Job)>();
        foreach (var username in new[] { "coimbra.books", "nazare.waves" })
        {
            var org = (await TestOrganizations.Create(database.ConnectionString)).Id;
            var job = await jobs.Enqueue(org, Guid.CreateVersion7(), new ApifyJobDraft(ApifyJobType.PostsScrape, SocialPlatform.Instagram, username, "{}", 70));
            enqueued.Add((org, job.Job.Id));
        }

        await host.StartAsync(Cancellation);
        foreach (var (org, job) in enqueued)
        {
            Assert.Equal(ApifyJobStatus.Completed, (await WaitFor(jobs, org, job, status => status == ApifyJobStatus.Completed)).Status);
        }

        var stopping = host.StopAsync(Cancellation);
        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(10), Cancellation)));
    }

    [Fact]
    public async Task Shutdown_during_a_run_puts_the_job_back_in_the_queue_with_the_reason()
    {
        await using var database = await IsolatedDatabase.Create(postgres.ConnectionString, Cancellation);
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.HangNext(1, TimeSpan.FromMinutes(5));
        using var host = WorkerHost(database.ConnectionString, simulator);
        var jobs = host.Services.GetRequiredService<ApifyJobRepository>();
        var org = (await TestOrganizations.Create(database.ConnectionString)).Id;
        var job = (await jobs.Enqueue(org, Guid.CreateVersion7(), new ApifyJobDraft(ApifyJobType.PostsScrape, SocialPlatform.Instagram, "tavira.fish", "{}", 70))).Job;

        await host.StartAsync(Cancellation);
        await WaitFor(jobs, org, job.Id, status => status == ApifyJobStatus.Running);
        await host.StopAsync(Cancellation);

        var requeued = (await jobs.Get(org, job.Id))!;
        Assert.Equal((ApifyJobStatus.Pending, 1), (requeued.Status, requeued.RetryCount));
        Assert.Contains("worker stopped", requeued.ErrorMessage);
    }

    [Fact]
    public async Task A_job_held_for_want_of_a_token_runs_once_a_worker_with_a_token_starts()
    {
        await using var database = await IsolatedDatabase.Create(postgres.ConnectionString, Cancellation);
        await using var simulator = await ApifySimulator.Start();
        using var host = WorkerHost(database.ConnectionString, simulator);
        var jobs = host.Services.GetRequiredService<ApifyJobRepository>();
        var org = (await TestOrganizations.Create(database.ConnectionString)).Id;
        var job = (await jobs.Enqueue(org, Guid.CreateVersion7(), new ApifyJobDraft(ApifyJobType.PostsScrape, SocialPlatform.Instagram, "lagos.sail", "{}", 70))).Job;
        // As a token-less silo leaves it.
        Assert.Equal(job.Id, (await jobs.TakeNext(org))!.Id);
        Assert.True(await jobs.Hold(job.Id, "Apify is not configured: no API token (set Apify__Token)."));

        await host.StartAsync(Cancellation);
        await WaitFor(jobs, org, job.Id, status => status == ApifyJobStatus.Completed);
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task A_starting_worker_returns_a_job_a_stopped_silo_left_running_to_the_queue()
    {
        await using var database = await IsolatedDatabase.Create(postgres.ConnectionString, Cancellation);
        await using var simulator = await ApifySimulator.Start();
        using var host = WorkerHost(database.ConnectionString, simulator);
        var jobs = host.Services.GetRequiredService<ApifyJobRepository>();
        var org = (await TestOrganizations.Create(database.ConnectionString)).Id;
        // Taken 40 minutes ago (beyond the 30-minute default) by a silo that is gone: a repository on a clock set back that far takes it.
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var past = new ApifyJobRepository(source, new ManualClock(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(40)), ApifyRetryBackoff.Default);
        var job = (await past.Enqueue(org, Guid.CreateVersion7(), new ApifyJobDraft(ApifyJobType.PostsScrape, SocialPlatform.Instagram, "sines.port", "{}", 70))).Job;
        Assert.Equal(job.Id, (await past.TakeNext(org))!.Id);

        await host.StartAsync(Cancellation);
        // The backoff (a minute) keeps it pending long enough to see.
        var recovered = await WaitFor(jobs, org, job.Id, status => status == ApifyJobStatus.Pending);
        await host.StopAsync(Cancellation);

        Assert.Equal(1, recovered.RetryCount);
        Assert.Contains("no worker finishing it", recovered.ErrorMessage);
    }

    private static IHost WorkerHost(string connectionString, ApifySimulator simulator)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Apify:BaseUrl"] = simulator.BaseUrl,
            ["Apify:Token"] = simulator.Token,
            ["Apify:Workers"] = "2",
            ["Apify:IdlePollInterval"] = "00:00:00.050",
            ["Apify:RetryBaseDelay"] = "00:00:00.010",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // No silo here, so no allocation grains to tell: record what the worker reports instead.
        builder.Services.AddSingleton<IScrapeCompletedHandler>(new RecordingScrapeCompletedHandler());
        builder.Services.AddCampaignsGrainServices(connectionString).AddApifyJobWorker(builder.Configuration);
        return builder.Build();
    }

    private static async Task<ApifyJob> WaitFor(ApifyJobRepository jobs, Guid org, Guid jobId, Func<ApifyJobStatus, bool> reached)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var job = (await jobs.Get(org, jobId))!;
            if (reached(job.Status))
            {
                return job;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Job {jobId} is still {job.Status} ({job.ErrorMessage}) after {Deadline}.");
            await Task.Delay(TimeSpan.FromMilliseconds(50), Cancellation);
        }
    }
}
