using System.Text.Json.Nodes;
using Campaigns.Influencer;
using Campaigns.Simulators.Apify;
using Campaigns.Tests.Infrastructure;
using Npgsql;

namespace Campaigns.Tests.Influencer;

/// <summary>
/// The Apify job worker's processing of one job, for real: the queue and the stores on the shared PostgreSQL, the real
/// client against the Apify simulator. Each test has its own organization and takes only its jobs.
/// </summary>
public sealed class ApifyJobWorkerTests(PostgresFixture postgres) : IAsyncLifetime
{
    private ApifySimulator? simulator;
    private Guid org;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private ApifySimulator Simulator => simulator!;

    public async ValueTask InitializeAsync()
    {
        simulator = await ApifySimulator.Start();
        org = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task Profile_job_records_the_verified_followers_and_followers_actual_follows()
    {
        await using var worker = ApifyWorkerHarness.For(postgres.ConnectionString, Simulator);
        var (creatorId, profileId) = await NewCreator(worker, "lisbon.eats", declaredFollowers: 5_000);
        Simulator.SetItems(ApifySampleItems.InstagramProfileActor, "lisbon.eats", new JsonObject
        {
            ["username"] = "lisbon.eats", ["followersCount"] = 48_200, ["followsCount"] = 310, ["postsCount"] = 812,
            ["biography"] = "Food in Lisbon", ["verified"] = true,
        });
        var job = await worker.Enqueue(org, ApifyJobType.ProfileScrape, "lisbon.eats", profileId);

        Assert.True(await worker.Processor.ProcessNext(org, Cancellation));

        var done = await worker.Jobs.Get(org, job.Id);
        Assert.Equal(ApifyJobStatus.Completed, done!.Status);
        var profile = (await worker.Creators.Get(org, creatorId))!.Profiles.Single();
        Assert.Equal((48_200L, 48_200L, 5_000L), (profile.FollowersVerified, profile.FollowersActual, profile.FollowersDeclared));
        Assert.Equal((310, 812, "Food in Lisbon", true), (profile.FollowingCount, profile.PostsCount, profile.Bio, profile.IsVerified));
        Assert.Equal(worker.Clock.GetUtcNow(), profile.LastVerifiedAt);
        var summary = JsonNode.Parse(done.ResultData!)!;
        Assert.Equal((1, 48_200L, true), (summary["items"]!.GetValue<int>(), summary["followers"]!.GetValue<long>(), summary["profile_updated"]!.GetValue<bool>()));
        Assert.Contains("lisbon.eats", Assert.Single(Simulator.Requests).Body);
    }

    [Fact]
    public async Task Posts_job_stores_every_post_and_a_rerun_refreshes_the_metrics_without_duplicates()
    {
        await using var worker = ApifyWorkerHarness.For(postgres.ConnectionString, Simulator);
        var (_, profileId) = await NewCreator(worker, "porto.walks");
        SetPosts("porto.walks", worker.Clock.GetUtcNow(), likes: 100);
        var first = await worker.Enqueue(org, ApifyJobType.PostsScrape, "porto.walks", profileId, """{ "since": "2100-01-01T00:00:00Z", "limit": 25 }""");

        Assert.True(await worker.Processor.ProcessNext(org, Cancellation));

        Assert.Equal(ApifyJobStatus.Completed, (await worker.Jobs.Get(org, first.Id))!.Status);
        var input = JsonNode.Parse(Assert.Single(Simulator.Requests).Body)!;
        Assert.Equal((25, "2100-01-01"), (input["resultsLimit"]!.GetValue<int>(), input["onlyPostsNewerThan"]!.GetValue<string>()));
        Assert.Equal((3L, 300L), await StoredPosts(profileId));
        var (firstJob, firstIds) = Assert.Single(worker.Completed.Calls);
        Assert.Equal((first.Id, 3), (firstJob, firstIds.Count));

        SetPosts("porto.walks", worker.Clock.GetUtcNow(), likes: 150);
        var again = await worker.Enqueue(org, ApifyJobType.PostsScrape, "porto.walks", profileId);
        Assert.True(await worker.Processor.ProcessNext(org, Cancellation));

        Assert.Equal(ApifyJobStatus.Completed, (await worker.Jobs.Get(org, again.Id))!.Status);
        Assert.Equal((3L, 450L), await StoredPosts(profileId));
        Assert.Equal(firstIds, worker.Completed.Calls.Last().PostIds);
        var summary = JsonNode.Parse((await worker.Jobs.Get(org, again.Id))!.ResultData!)!;
        Assert.Equal((3, 3), (summary["items"]!.GetValue<int>(), summary["posts_stored"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_retried_by_the_client_and_the_job_completes()
    {
        await using var worker = ApifyWorkerHarness.For(postgres.ConnectionString, Simulator);
        var (_, profileId) = await NewCreator(worker, "faro.surf");
        Simulator.Faults.RateLimitNext(1);
        Simulator.Faults.FailNext(1, status: 500);
        var job = await worker.Enqueue(org, ApifyJobType.PostsScrape, "faro.surf", profileId);

        Assert.True(await worker.Processor.ProcessNext(org, Cancellation));

        var done = (await worker.Jobs.Get(org, job.Id))!;
        Assert.Equal((ApifyJobStatus.Completed, 0, null), (done.Status, done.RetryCount, done.ErrorMessage));
        Assert.Equal(3, Simulator.CountRequests(ApifyEndpoint.RunSync));
        Assert.Equal(3L, (await StoredPosts(profileId)).Count);
    }

    [Fact]
    public async Task An_invalid_token_fails_the_job_with_Apifys_message_once_its_retries_are_spent()
    {
        await using var worker = ApifyWorkerHarness.For(postgres.ConnectionString, Simulator, token: "apify_api_WRONG");
        var (_, profileId) = await NewCreator(worker, "braga.runs");
        var job = await worker.Enqueue(org, ApifyJobType.ProfileScrape, "braga.runs", profileId, maxRetries: 1);

        Assert.True(await worker.Processor.ProcessNext(org, Cancellation));
        var retrying = (await worker.Jobs.Get(org, job.Id))!;
        Assert.Equal((ApifyJobStatus.Pending, 1), (retrying.Status, retrying.RetryCount));
        Assert.Contains(ApifyErrors.InvalidToken.Message, retrying.ErrorMessage);
        Assert.False(await worker.Processor.ProcessNext(org, Cancellation));

        worker.Clock.Advance(retrying.ScheduledAt - worker.Clock.GetUtcNow());
        Assert.True(await worker.Processor.ProcessNext(org, Cancellation));

        var failed = (await worker.Jobs.Get(org, job.Id))!;
        Assert.Equal((ApifyJobStatus.Failed, 2), (failed.Status, failed.RetryCount));
        Assert.Contains(ApifyErrors.InvalidToken.Message, failed.ErrorMessage);
        Assert.DoesNotContain("apify_api_WRONG", failed.ErrorMessage);
    }

    [Fact]
    public async Task Without_a_token_the_job_is_held_with_the_reason_and_Apify_is_never_called()
    {
        await using var worker = ApifyWorkerHarness.For(postgres.ConnectionString, Simulator, token: "");
        var job = await worker.Enqueue(org, ApifyJobType.PostsScrape, "evora.wine", profileId: null);

        Assert.True(await worker.Processor.ProcessNext(org, Cancellation));

        var held = (await worker.Jobs.Get(org, job.Id))!;
        Assert.Equal(ApifyJobStatus.Held, held.Status);
        Assert.Contains("Apify__Token", held.HeldReason);
        Assert.Empty(Simulator.Requests);
    }

    [Fact]
    public async Task A_take_for_one_organization_leaves_another_organizations_jobs_untouched()
    {
        await using var worker = ApifyWorkerHarness.For(postgres.ConnectionString, Simulator);
        var other = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
        var theirs = (await worker.Jobs.Enqueue(other, Guid.CreateVersion7(),
            new ApifyJobDraft(ApifyJobType.PostsScrape, SocialPlatform.Instagram, "sintra.hikes", "{}", Priority: 90))).Job;

        Assert.False(await worker.Processor.ProcessNext(org, Cancellation));

        Assert.Equal(ApifyJobStatus.Pending, (await worker.Jobs.Get(other, theirs.Id))!.Status);
        Assert.Empty(Simulator.Requests);
    }

    [Fact]
    public async Task A_broken_job_is_recorded_as_failed_and_the_next_job_still_runs()
    {
        await using var worker = ApifyWorkerHarness.For(postgres.ConnectionString, Simulator);
        var (_, profileId) = await NewCreator(worker, "aveiro.boats");
        // A profile scrape with no profile to verify cannot store its result.
        var broken = await worker.Enqueue(org, ApifyJobType.ProfileScrape, "aveiro.boats", profileId: null, maxRetries: 0);
        var fine = await worker.Enqueue(org, ApifyJobType.PostsScrape, "aveiro.boats", profileId);

        while (await worker.Processor.ProcessNext(org, Cancellation))
        {
        }

        var failed = (await worker.Jobs.Get(org, broken.Id))!;
        Assert.Equal(ApifyJobStatus.Failed, failed.Status);
        Assert.Contains("creator_profile_id", failed.ErrorMessage);
        Assert.Equal(ApifyJobStatus.Completed, (await worker.Jobs.Get(org, fine.Id))!.Status);
    }

    private void SetPosts(string username, DateTimeOffset now, int likes) =>
        Simulator.SetItems(ApifySampleItems.InstagramPostActor, username, Enumerable.Range(0, 3).Select(index =>
        {
            var post = ApifySampleItems.InstagramPost(username, seed: 42, index, now.AddDays(-1));
            post["likesCount"] = likes;
            return post;
        }).ToArray());

    private async Task<(Guid CreatorId, Guid ProfileId)> NewCreator(ApifyWorkerHarness worker, string username, long? declaredFollowers = null)
    {
        var creator = await worker.Creators.Insert(org, Guid.CreateVersion7(),
            new CreatorDraft($"Creator {username}", null, true, [new SocialProfileDraft("instagram", username, declaredFollowers)]));
        return (creator!.Id, creator.Profiles.Single().Id);
    }

    /// <summary>How many posts the profile has and their total likes, read straight from the table.</summary>
    private async Task<(long Count, long Likes)> StoredPosts(Guid profileId)
    {
        await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var read = db.CreateCommand("SELECT count(*), coalesce(sum(likes), 0)::bigint FROM posts WHERE organization_id = $1 AND creator_profile_id = $2");
        read.Parameters.AddWithValue(org);
        read.Parameters.AddWithValue(profileId);
        await using var reader = await read.ExecuteReaderAsync(Cancellation);
        await reader.ReadAsync(Cancellation);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
