using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
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
/// The Apify job queue on the real database. Each test has its own organization and a clock in the far future, and takes
/// only its organization's jobs, so tests sharing the database (or a worker on the real clock) never take each other's.
/// </summary>
public sealed class ApifyJobRepositoryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly ManualClock clock = new(new DateTimeOffset(2100, 3, 10, 8, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 10_000)));
    private NpgsqlDataSource? source;
    private Guid org;

    private ApifyJobRepository Jobs => new(source!, clock, ApifyRetryBackoff.Default);

    private ApifyLimitRepository Limits => new(source!, clock);

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
    public async Task Concurrent_takers_never_get_the_same_job()
    {
        for (var i = 0; i < 30; i++)
        {
            await Enqueue(priority: 50);
        }

        async Task<List<Guid>> Drain()
        {
            var taken = new List<Guid>();
            while (await Jobs.TakeNext(org) is { } job)
            {
                taken.Add(job.Id);
            }

            return taken;
        }

        var takers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Drain)));
        var all = takers.SelectMany(t => t).ToList();
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Distinct().Count());
        var page = await Jobs.List(org, new ApifyJobQuery(ApifyJobStatus.Running, null, null, null, 100, null));
        Assert.Equal(30, page.Items.Count);
    }

    [Fact]
    public async Task The_highest_priority_is_taken_first_then_the_earliest_scheduled()
    {
        var low = await Enqueue(priority: 60);
        var firstMedium = await Enqueue(priority: 70);
        clock.Advance(TimeSpan.FromSeconds(1));
        var secondMedium = await Enqueue(priority: 70);
        var high = await Enqueue(priority: 80);

        var order = new List<Guid>();
        while (await Jobs.TakeNext(org) is { } job)
        {
            Assert.Equal(ApifyJobStatus.Running, job.Status);
            Assert.Equal(clock.GetUtcNow(), job.StartedAt);
            order.Add(job.Id);
        }

        Assert.Equal([high.Id, firstMedium.Id, secondMedium.Id, low.Id], order);
    }

    [Fact]
    public async Task A_failing_job_backs_off_exponentially_then_fails_with_its_message_and_can_be_retried()
    {
        var queued = await Enqueue(priority: 70, maxRetries: 2);

        var failed = await TakeAndFail(queued.Id, "Apify answered 500 (1)");
        Assert.Equal((ApifyJobStatus.Pending, 1), (failed.Status, failed.RetryCount));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), failed.ScheduledAt);
        Assert.Null(await Jobs.TakeNext(org)); // not due during the backoff

        clock.Advance(TimeSpan.FromMinutes(1));
        failed = await TakeAndFail(queued.Id, "Apify answered 500 (2)");
        Assert.Equal((ApifyJobStatus.Pending, 2), (failed.Status, failed.RetryCount));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(2), failed.ScheduledAt);

        clock.Advance(TimeSpan.FromMinutes(2));
        failed = await TakeAndFail(queued.Id, "Actor run TIMED-OUT");
        Assert.Equal((ApifyJobStatus.Failed, 3), (failed.Status, failed.RetryCount));
        Assert.Equal("Actor run TIMED-OUT", failed.ErrorMessage);
        Assert.Equal(clock.GetUtcNow(), failed.CompletedAt);
        Assert.Null(await Jobs.TakeNext(org));

        var retried = await Jobs.Retry(org, queued.Id);
        Assert.Equal((ApifyJobStatus.Pending, 0), (retried.Job!.Status, retried.Job.RetryCount));
        Assert.Equal(queued.Id, (await Jobs.TakeNext(org))?.Id);
        Assert.Equal(CommandOutcome.Conflict, (await Jobs.Retry(org, queued.Id)).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await Jobs.Retry(Guid.NewGuid(), queued.Id)).Outcome);
    }

    [Fact]
    public async Task Enqueue_is_idempotent_per_allocation_and_job_type_while_a_job_is_outstanding()
    {
        var allocation = Guid.NewGuid();
        var first = await Jobs.Enqueue(org, Guid.CreateVersion7(), Draft(ApifyJobType.PostsScrape, 60, allocation));
        var repeated = await Jobs.Enqueue(org, Guid.CreateVersion7(), Draft(ApifyJobType.PostsScrape, 60, allocation));
        var profile = await Jobs.Enqueue(org, Guid.CreateVersion7(), Draft(ApifyJobType.ProfileScrape, 80, allocation));
        Assert.True(first.Created);
        Assert.False(repeated.Created);
        Assert.Equal(first.Job.Id, repeated.Job.Id);
        Assert.True(profile.Created);

        var taken = await Jobs.TakeNext(org);
        Assert.Equal(profile.Job.Id, taken?.Id);
        Assert.False((await Jobs.Enqueue(org, Guid.CreateVersion7(), Draft(ApifyJobType.ProfileScrape, 80, allocation))).Created); // running
        Assert.True(await Jobs.Complete(profile.Job.Id, """{"followersCount": 45000}""", 0.0125m));
        Assert.True((await Jobs.Enqueue(org, Guid.CreateVersion7(), Draft(ApifyJobType.ProfileScrape, 80, allocation))).Created);

        var done = await Jobs.Get(org, profile.Job.Id);
        Assert.Equal((ApifyJobStatus.Completed, 0.0125m), (done!.Status, done.CostUsd));
        Assert.Contains("45000", done.ResultData);
    }

    [Fact]
    public async Task The_daily_call_limit_holds_jobs_with_the_reason_and_a_new_day_releases_them()
    {
        await Limits.Put(org, new ApifyLimitsChange(CallsPerDay: 1, UsdPerMonth: null));
        var first = await Enqueue(priority: 80);
        var second = await Enqueue(priority: 70);

        Assert.Equal(first.Id, (await Jobs.TakeNext(org))?.Id);
        Assert.Null(await Jobs.TakeNext(org));
        var held = await Jobs.Get(org, second.Id);
        Assert.Equal(ApifyJobStatus.Held, held!.Status);
        Assert.StartsWith("Daily Apify call limit reached: 1 of 1 calls", held.HeldReason);
        Assert.False(await TestDatabase.Scalar<bool>("SELECT can_make_apify_call($1, 1, $2)", org, clock.GetUtcNow()));
        Assert.Equal(0, await Jobs.ReleaseHeld(org));

        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await TestDatabase.Scalar<bool>("SELECT can_make_apify_call($1, 1, $2)", org, clock.GetUtcNow()));
        Assert.Equal(1, await Jobs.ReleaseHeld(org));
        var released = await Jobs.TakeNext(org);
        Assert.Equal(second.Id, released?.Id);
        Assert.Null(released!.HeldReason);
        Assert.Equal(1, (await Limits.Get(org)).CallsToday);
    }

    [Fact]
    public async Task The_monthly_budget_holds_jobs_once_spent_and_raising_it_lets_them_run()
    {
        await Limits.Put(org, new ApifyLimitsChange(CallsPerDay: null, UsdPerMonth: 1.00m));
        var expensive = await Enqueue(priority: 80);
        var next = await Enqueue(priority: 70);

        Assert.Equal(expensive.Id, (await Jobs.TakeNext(org))?.Id);
        Assert.True(await Jobs.Complete(expensive.Id, "[]", 1.25m));
        Assert.Null(await Jobs.TakeNext(org));
        var limits = await Limits.Get(org);
        Assert.Equal((1, 1.25m, 1), (limits.CallsToday, limits.UsdThisMonth, limits.HeldJobs));
        Assert.StartsWith("Monthly Apify budget reached: 1.25 of 1.00 USD", limits.Refusal);
        Assert.Equal(limits.Refusal, (await Jobs.Get(org, next.Id))!.HeldReason);

        await Limits.Put(org, new ApifyLimitsChange(CallsPerDay: null, UsdPerMonth: 5m));
        Assert.Equal(1, await Jobs.ReleaseHeld(org));
        Assert.Equal(next.Id, (await Jobs.TakeNext(org))?.Id);
    }

    [Fact]
    public async Task A_job_held_for_a_reason_outside_the_limits_shows_it_until_released()
    {
        var job = await Enqueue(priority: 80);
        Assert.Equal(job.Id, (await Jobs.TakeNext(org))?.Id);
        Assert.True(await Jobs.Hold(job.Id, "No Apify token is configured (Apify__Token)."));
        Assert.False(await Jobs.Hold(job.Id, "again")); // only a running job can be held

        var held = await Jobs.Get(org, job.Id);
        Assert.Equal((ApifyJobStatus.Held, "No Apify token is configured (Apify__Token)."), (held!.Status, held.HeldReason));
        Assert.Null(await Jobs.TakeNext(org));
        Assert.Equal(1, await Jobs.ReleaseHeld(org));
        Assert.Equal(job.Id, (await Jobs.TakeNext(org))?.Id);
    }

    [Fact]
    public async Task A_zero_daily_limit_refuses_every_call()
    {
        await Limits.Put(org, new ApifyLimitsChange(CallsPerDay: 0, UsdPerMonth: null));
        Assert.False(await TestDatabase.Scalar<bool>("SELECT can_make_apify_call($1, 1, $2)", org, clock.GetUtcNow()));
        Assert.True(await TestDatabase.Scalar<bool>("SELECT can_make_apify_call($1, 1, $2)", Guid.NewGuid(), clock.GetUtcNow()));
        Assert.StartsWith("Daily Apify call limit reached: 0 of 0 calls", (await Limits.Get(org)).Refusal);
    }

    [Fact]
    public async Task Concurrent_takes_of_an_organization_without_limits_count_every_call()
    {
        for (var i = 0; i < 40; i++)
        {
            await Enqueue(priority: 50);
        }

        var takers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Drain)));
        Assert.Equal(40, takers.SelectMany(t => t).Distinct().Count());
        var limits = await Limits.Get(org);
        Assert.Equal((40, 0m, (string?)null, 0), (limits.CallsToday, limits.UsdThisMonth, limits.Refusal, limits.HeldJobs));
        Assert.Equal(40L, await TestDatabase.Scalar<long>("SELECT sum(calls) FROM apify_usage WHERE organization_id = $1", org));
    }

    [Fact]
    public async Task Concurrent_takes_never_pass_a_daily_limit()
    {
        await Limits.Put(org, new ApifyLimitsChange(CallsPerDay: 10, UsdPerMonth: null));
        for (var i = 0; i < 30; i++)
        {
            await Enqueue(priority: 50);
        }

        var takers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Drain)));
        Assert.Equal(10, takers.SelectMany(t => t).Distinct().Count());
        var limits = await Limits.Get(org);
        Assert.Equal((10, 20), (limits.CallsToday, limits.HeldJobs));
        Assert.StartsWith("Daily Apify call limit reached: 10 of 10 calls", limits.Refusal);
    }

    [Fact]
    public async Task An_organization_without_limits_takes_while_its_limits_row_is_locked_and_one_with_a_limit_waits()
    {
        await Limits.Put(org, new ApifyLimitsChange(CallsPerDay: null, UsdPerMonth: null)); // a row with no limits
        await Enqueue(priority: 50);
        await Enqueue(priority: 50);
        var timeout = TestContext.Current.CancellationToken;

        await using (var holder = await LockLimitsRow())
        {
            var take = Jobs.TakeNext(org);
            Assert.Same(take, await Task.WhenAny(take, Task.Delay(TimeSpan.FromSeconds(10), timeout)));
            Assert.NotNull(await take);
        }

        await Limits.Put(org, new ApifyLimitsChange(CallsPerDay: 100, UsdPerMonth: null));
        Task<ApifyJob?> limited;
        await using (var holder = await LockLimitsRow())
        {
            limited = Jobs.TakeNext(org);
            await Task.Delay(TimeSpan.FromMilliseconds(300), timeout);
            Assert.False(limited.IsCompleted); // check-then-count still goes through the row lock
        }

        Assert.NotNull(await limited);
        Assert.Equal(2, (await Limits.Get(org)).CallsToday);
    }

    [Fact]
    public async Task A_limit_change_waits_for_the_takes_in_flight()
    {
        await using var connection = await source!.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var take = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var shared = new NpgsqlCommand("SELECT apify_limits_lock_shared($1)", connection, take))
        {
            shared.Parameters.AddWithValue(org);
            await shared.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var put = Limits.Put(org, new ApifyLimitsChange(CallsPerDay: 1, UsdPerMonth: null));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        Assert.False(put.IsCompleted);
        await take.CommitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, (await put).CallsPerDay);
    }

    [Fact]
    public async Task A_limit_set_after_calls_today_counts_them()
    {
        var jobs = new List<ApifyJob>();
        for (var i = 0; i < 6; i++)
        {
            jobs.Add(await Enqueue(priority: 90 - i));
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(jobs[i].Id, (await Jobs.TakeNext(org))?.Id);
        }

        Assert.True(await Jobs.Complete(jobs[0].Id, "[]", 0.75m));
        var before = await Limits.Get(org);
        Assert.Equal(((int?)null, (decimal?)null, 3, 0.75m, (string?)null), (before.CallsPerDay, before.UsdPerMonth, before.CallsToday, before.UsdThisMonth, before.Refusal));

        var limited = await Limits.Put(org, new ApifyLimitsChange(CallsPerDay: 4, UsdPerMonth: null));
        Assert.Equal((3, 0.75m, (string?)null), (limited.CallsToday, limited.UsdThisMonth, limited.Refusal));
        Assert.Equal(jobs[3].Id, (await Jobs.TakeNext(org))?.Id); // the 4th call of the day
        Assert.Null(await Jobs.TakeNext(org));
        Assert.Equal(ApifyJobStatus.Held, (await Jobs.Get(org, jobs[4].Id))!.Status);
        Assert.StartsWith("Daily Apify call limit reached: 4 of 4 calls", (await Limits.Get(org)).Refusal);
        Assert.False(await TestDatabase.Scalar<bool>("SELECT can_make_apify_call($1, 1, $2)", org, clock.GetUtcNow()));

        var budget = await Limits.Put(org, new ApifyLimitsChange(CallsPerDay: null, UsdPerMonth: 0.75m));
        Assert.StartsWith("Monthly Apify budget reached: 0.75 of 0.75 USD", budget.Refusal);
        Assert.Equal(0, await Jobs.ReleaseHeld(org));

        var lifted = await Limits.Put(org, new ApifyLimitsChange(CallsPerDay: null, UsdPerMonth: null));
        Assert.Equal((4, 0.75m, (string?)null, 2), (lifted.CallsToday, lifted.UsdThisMonth, lifted.Refusal, lifted.HeldJobs));
        Assert.Equal(2, await Jobs.ReleaseHeld(org));
        Assert.Equal(jobs[4].Id, (await Jobs.TakeNext(org))?.Id);
        Assert.Equal(5, (await Limits.Get(org)).CallsToday);
    }

    /// <summary>Another transaction holding the organization's limits row, as a concurrent limited take would.</summary>
    [Fact]
    public async Task The_take_reads_the_profile_followers_verified_first_and_never_another_organizations()
    {
        var creators = new CreatorRepository(source!, clock);
        var ours = (await creators.Insert(org, Guid.CreateVersion7(), new CreatorDraft("Ours", null, true,
            [new SocialProfileDraft("instagram", $"u{Guid.NewGuid():N}", FollowersDeclared: 20_000)])))!.Profiles[0].Id;
        var other = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
        var theirs = (await creators.Insert(other, Guid.CreateVersion7(), new CreatorDraft("Theirs", null, true,
            [new SocialProfileDraft("instagram", $"u{Guid.NewGuid():N}", FollowersDeclared: 90_000)])))!.Profiles[0].Id;

        async Task<long?> FollowersSeenByTake(Guid? profile)
        {
            var queued = await Jobs.Enqueue(org, Guid.CreateVersion7(), Draft(ApifyJobType.PostsScrape, 50, allocation: null) with { CreatorProfileId = profile });
            var taken = await Jobs.TakeNextWithFollowers(org);
            Assert.Equal(queued.Job.Id, taken?.Job.Id);
            return taken!.Value.ProfileFollowers;
        }

        Assert.Equal(20_000, await FollowersSeenByTake(ours));
        await creators.RecordVerification(org, ours, new ProfileVerification(48_200, null, null, null, null, false, clock.GetUtcNow()));
        Assert.Equal(48_200, await FollowersSeenByTake(ours));
        Assert.Null(await FollowersSeenByTake(theirs));
        Assert.Null(await FollowersSeenByTake(null));
    }

    private async Task<RowLock> LockLimitsRow()
    {
        var connection = await source!.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var tx = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using var lockRow = new NpgsqlCommand("SELECT 1 FROM apify_rate_limits WHERE organization_id = $1 FOR UPDATE", connection, tx);
        lockRow.Parameters.AddWithValue(org);
        Assert.Equal(1, await lockRow.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        return new RowLock(connection, tx);
    }

    private sealed class RowLock(NpgsqlConnection connection, NpgsqlTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.RollbackAsync();
            await connection.DisposeAsync();
        }
    }

    private async Task<List<Guid>> Drain()
    {
        var taken = new List<Guid>();
        while (await Jobs.TakeNext(org) is { } job)
        {
            taken.Add(job.Id);
        }

        return taken;
    }

    private async Task<ApifyJob> TakeAndFail(Guid expected, string message)
    {
        var taken = await Jobs.TakeNext(org);
        Assert.Equal(expected, taken?.Id);
        return (await Jobs.Fail(expected, message))!;
    }

    private async Task<ApifyJob> Enqueue(int priority, int maxRetries = 3) =>
        (await Jobs.Enqueue(org, Guid.CreateVersion7(), Draft(ApifyJobType.PostsScrape, priority, allocation: null) with { MaxRetries = maxRetries })).Job;

    private static ApifyJobDraft Draft(ApifyJobType type, int priority, Guid? allocation) =>
        new(type, SocialPlatform.Instagram, "masha_travels", """{"limit": 50}""", priority, allocation);
}
