using System.Text.Json.Nodes;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Integrations.Apify;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaigns.Influencer;

/// <summary>
/// Runs one queued Apify job end to end: take it, run the platform's actor, store what it found (a verified profile or
/// posts), then complete it, or record Apify's error so the queue retries it with backoff.
/// </summary>
public sealed partial class ApifyJobProcessor(
    ApifyJobRepository jobs,
    CreatorRepository creators,
    PostRepository posts,
    ApifyClient apify,
    IOptionsMonitor<ApifyOptions> options,
    IScrapeCompletedHandler scrapeCompleted,
    TimeProvider clock,
    ILogger<ApifyJobProcessor> logger)
{
    /// <summary>The run's budget; Apify's synchronous wait, so a run normally finishes in one request.</summary>
    public static readonly TimeSpan RunBudget = ApifyClient.SynchronousWaitLimit;

    /// <summary>Takes and processes the top due job.</summary>
    /// <param name="organizationId">Null serves every organization (the worker); a value serves only that one.</param>
    /// <returns>False when no job was due.</returns>
    public async Task<bool> ProcessNext(Guid? organizationId, CancellationToken cancellationToken)
    {
        if (await jobs.TakeNextWithFollowers(organizationId) is not { } taken)
        {
            return false;
        }

        var (job, followers) = taken;

        if (!apify.IsConfigured)
        {
            // Held, not failed: the job is fine, the installation is not; it runs once a token is configured.
            await jobs.Hold(job.Id, apify.NotConfiguredReason!);
            LogHeld(logger, job.Id, apify.NotConfiguredReason!);
            return true;
        }

        try
        {
            await Run(job, followers, cancellationToken);
        }
        catch (ApifyException error)
        {
            var now = await jobs.Fail(job.Id, error.Message, error.Run?.UsageTotalUsd ?? 0m);
            LogFailed(logger, job.Id, job.JobType, now?.Status, error.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Back to the queue (with backoff) rather than left running with nobody to finish it.
            await jobs.Fail(job.Id, "The worker stopped (silo shutdown) while the job was running.");
            throw;
        }
        catch (Exception error)
        {
            // Our own fault (bad input, storage): record it on the job so it is visible, and keep the worker going.
            var now = await jobs.Fail(job.Id, $"{error.GetType().Name}: {error.Message}");
            LogCrashed(logger, error, job.Id, job.JobType, now?.Status);
        }

        return true;
    }

    /// <param name="followers">The creator profile's followers when the job was taken (see <see cref="StorePosts"/>).</param>
    private async Task Run(ApifyJob job, long? followers, CancellationToken cancellationToken)
    {
        var kind = ApifyActorInput.KindOf(job.JobType);
        var actor = options.CurrentValue.Actors.For(DbNames.Of(job.Platform), kind)
            ?? throw new ApifyException($"No Apify actor is configured for {DbNames.Of(job.Platform)} {kind} scrapes.",
                errorType: ApifyException.Types.NotConfigured);
        var result = await apify.RunActorAndGetItems(actor, ApifyActorInput.For(job), RunBudget, cancellationToken);

        var summary = new JsonObject
        {
            ["actor"] = actor,
            ["run_id"] = result.Run.Id,
            ["items"] = result.Items.Count,
            ["cost_usd"] = result.Run.UsageTotalUsd,
        };
        IReadOnlyList<StoredPost> storedPosts = [];
        switch (kind)
        {
            case ScrapeKind.Profile:
                await StoreProfile(job, result, summary);
                break;
            case ScrapeKind.Posts:
                storedPosts = await StorePosts(job, followers, result, summary);
                break;
        }

        var cost = result.Run.UsageTotalUsd ?? 0m;
        if (!await jobs.Complete(job.Id, summary.ToJsonString(), cost))
        {
            LogNoLongerRunning(logger, job.Id);
            return;
        }

        LogCompleted(logger, job.Id, job.JobType, result.Items.Count, result.Run.Id, cost);
        if (kind == ScrapeKind.Posts)
        {
            await scrapeCompleted.ScrapeCompleted(job, storedPosts, cancellationToken);
        }
    }

    private async Task StoreProfile(ApifyJob job, ApifyActorResult result, JsonObject summary)
    {
        var profileId = job.CreatorProfileId
            ?? throw new InvalidOperationException("A profile scrape needs the creator profile it verifies (creator_profile_id).");
        var profile = ApifyItemMapping.MapProfile(job.Platform, result.Items)
            ?? throw new ApifyException($"Apify returned no item describing the profile {job.Target}.", errorType: ApifyException.Types.UnexpectedResponse);

        var verification = new ProfileVerification(
            profile.FollowersCount,
            profile.EngagementRate is { } rate ? (decimal)rate : null,
            ToInt(profile.FollowsCount),
            ToInt(profile.PostsCount),
            profile.Biography,
            profile.Verified ?? false,
            clock.GetUtcNow());
        var updated = await creators.RecordVerification(job.OrganizationId, profileId, verification);
        summary["profile_updated"] = updated;
        summary["followers"] = profile.FollowersCount;
    }

    private async Task<IReadOnlyList<StoredPost>> StorePosts(ApifyJob job, long? followers, ApifyActorResult result, JsonObject summary)
    {
        // Instagram post items carry no follower count: the profile's (verified when the profile scrape ran first, as
        // its higher priority makes likely) gives the engagement rate of posts whose actor reports none.
        var scraped = new List<ScrapedPost>();
        var skipped = 0;
        foreach (var item in result.Items)
        {
            if (ApifyItemMapping.TryMapPost(job.Platform, item, knownFollowers: followers, out var post, out _))
            {
                scraped.Add(post);
            }
            else
            {
                skipped++;
            }
        }

        var ids = await posts.Upsert(job.OrganizationId, job.CreatorProfileId, scraped);
        summary["posts_stored"] = ids.Count;
        summary["items_skipped"] = skipped;
        return ids.Zip(scraped, (id, post) => new StoredPost(id, post)).ToList();
    }

    private static int? ToInt(long? count) => count is { } value ? (int)Math.Min(value, int.MaxValue) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apify job {JobId} held: {Reason}")]
    private static partial void LogHeld(ILogger logger, Guid jobId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apify job {JobId} ({JobType}) failed, now {Status}: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid jobId, ApifyJobType jobType, ApifyJobStatus? status, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Apify job {JobId} ({JobType}) crashed, now {Status}")]
    private static partial void LogCrashed(ILogger logger, Exception error, Guid jobId, ApifyJobType jobType, ApifyJobStatus? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apify job {JobId} finished but was no longer running; its result was not recorded")]
    private static partial void LogNoLongerRunning(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Apify job {JobId} ({JobType}) completed: {ItemCount} items, run {RunId}, cost {CostUsd} USD")]
    private static partial void LogCompleted(ILogger logger, Guid jobId, ApifyJobType jobType, int itemCount, string? runId, decimal costUsd);
}
