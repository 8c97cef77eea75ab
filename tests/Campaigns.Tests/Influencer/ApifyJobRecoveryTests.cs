using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Npgsql;

namespace Campaigns.Tests.Influencer;

/// <summary>
/// Recovery of jobs a stopped silo left <c>running</c>, on the real database. As in <see cref="ApifyJobRepositoryTests"/>,
/// each test has its own organization and far-future clock and recovers only its organization's jobs.
/// </summary>
public sealed class ApifyJobRecoveryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    private readonly ManualClock clock = new(new DateTimeOffset(2100, 5, 10, 8, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 10_000)));
    private NpgsqlDataSource? source;
    private Guid org;

    private ApifyJobRepository Jobs => new(source!, clock, ApifyRetryBackoff.Default);

    public async ValueTask InitializeAsync()
    {
        source = NpgsqlDataSource.Create(postgres.ConnectionString);
        org = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (source is not null)
        {
            await source.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_abandoned_job_goes_back_to_pending_with_the_attempt_counted_and_the_reason()
    {
        var job = await TakeRunning(maxRetries: 3);
        clock.Advance(Timeout + TimeSpan.FromSeconds(1));

        Assert.Equal(1, await Jobs.RecoverAbandoned(Timeout, org));

        var recovered = (await Jobs.Get(org, job.Id))!;
        Assert.Equal((ApifyJobStatus.Pending, 1), (recovered.Status, recovered.RetryCount));
        Assert.Equal(clock.GetUtcNow() + ApifyRetryBackoff.Default.After(1), recovered.ScheduledAt);
        Assert.Equal(
            "The job was still running after 15 minutes with no worker finishing it (a silo probably stopped); returned to the queue.",
            recovered.ErrorMessage);
        Assert.Null(recovered.CompletedAt);
        Assert.False(await Jobs.Complete(job.Id, "[]", 0m)); // the lost worker, should it come back, finds it no longer its own
    }

    [Fact]
    public async Task An_abandoned_job_with_no_retries_left_fails_for_good()
    {
        var job = await TakeRunning(maxRetries: 0);
        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, await Jobs.RecoverAbandoned(Timeout, org));

        var failed = (await Jobs.Get(org, job.Id))!;
        Assert.Equal((ApifyJobStatus.Failed, 1), (failed.Status, failed.RetryCount));
        Assert.Equal(clock.GetUtcNow(), failed.CompletedAt);
        Assert.Equal(
            "The job was still running after 15 minutes with no worker finishing it (a silo probably stopped); no retries left.",
            failed.ErrorMessage);
        Assert.Null(await Jobs.TakeNext(org));
    }

    [Fact]
    public async Task A_job_running_within_the_timeout_is_left_to_its_worker()
    {
        var job = await TakeRunning(maxRetries: 3);
        clock.Advance(Timeout); // exactly the timeout: not yet older than it

        Assert.Equal(0, await Jobs.RecoverAbandoned(Timeout, org));

        var running = (await Jobs.Get(org, job.Id))!;
        Assert.Equal((ApifyJobStatus.Running, 0), (running.Status, running.RetryCount));
        Assert.Null(running.ErrorMessage);
        Assert.True(await Jobs.Complete(job.Id, "[]", 0m));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await Jobs.RecoverAbandoned(Timeout, org)); // completed jobs are not running
        Assert.Equal(ApifyJobStatus.Completed, (await Jobs.Get(org, job.Id))!.Status);
    }

    [Fact]
    public async Task Silos_recovering_at_once_count_each_job_once()
    {
        var jobs = new List<ApifyJob>();
        for (var i = 0; i < 20; i++)
        {
            jobs.Add(await TakeRunning(maxRetries: 3));
        }

        clock.Advance(Timeout + TimeSpan.FromMinutes(1));
        var recovered = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Jobs.RecoverAbandoned(Timeout, org))));

        Assert.Equal(20, recovered.Sum());
        foreach (var job in jobs)
        {
            var now = (await Jobs.Get(org, job.Id))!;
            Assert.Equal((ApifyJobStatus.Pending, 1), (now.Status, now.RetryCount));
        }
    }

    private async Task<ApifyJob> TakeRunning(int maxRetries)
    {
        var draft = new ApifyJobDraft(ApifyJobType.PostsScrape, SocialPlatform.Instagram, "evora.bread", "{}", Priority: 70, MaxRetries: maxRetries);
        var queued = (await Jobs.Enqueue(org, Guid.CreateVersion7(), draft)).Job;
        var taken = await Jobs.TakeNext(org);
        Assert.Equal(queued.Id, taken?.Id);
        return taken!;
    }
}
