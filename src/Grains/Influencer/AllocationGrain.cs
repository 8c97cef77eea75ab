using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaigns.Influencer;

/// <summary>
/// Orchestrates one creator's allocation: the creator's answer, the scrape jobs, the 12-hour monitoring reminder,
/// matching of scraped posts and the metrics. Rules live in <see cref="AllocationMonitoring"/>, <see cref="PostMatcher"/>
/// and <see cref="AllocationMetricsCalculator"/>; state in grain storage, a row in the listing projection.
/// </summary>
public sealed partial class AllocationGrain(
    [PersistentState(StoredState.StateNames.Allocation)] IPersistentState<AllocationState> state,
    AllocationRepository projections,
    ApifyJobRepository jobs,
    PostRepository posts,
    IOptions<InfluencerOptions> options,
    TimeProvider clock,
    ILogger<AllocationGrain> logger) : Grain, IAllocationGrain, IRemindable
{
    public const string MonitorReminder = "monitor-posts";

    private Guid Id => this.GetPrimaryKey();

    private AllocationState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-asserting the projection heals a crash between the state write and the projection write.
        if (state.RecordExists)
        {
            try
            {
                await projections.Upsert(S.OrganizationId, S.ToView(Id), S.Position, S.Version);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                LogProjectionHealFailed(logger, e, Id);
            }
        }
    }

    public async Task<CommandResult<AllocationView>> Create(Guid organizationId, AllocationDraft draft)
    {
        if (state.RecordExists)
        {
            return Owns(organizationId, draft.CampaignId)
                ? CommandResult.Ok(S.ToView(Id))
                : CommandResult<AllocationView>.Conflict("An allocation with this id already exists.");
        }

        var now = clock.UtcNowMicroseconds();
        S.OrganizationId = organizationId;
        S.CampaignId = draft.CampaignId;
        S.Creator = draft.Creator;
        S.AllocatedBudget = draft.Budget;
        S.CurrentBudget = draft.Budget;
        S.Status = AllocationStatus.Pending;
        S.Campaign = draft.Campaign;
        S.Position = draft.Position;
        S.CreatedAt = now;
        S.UpdatedAt = now;
        S.Version = 1;

        // Jobs first: if the state write then fails, a retried create finds the jobs still open and queues no second.
        await jobs.EnqueueFirst(S.OrganizationId, [
            Draft(ApifyJobType.ProfileScrape, "{}", AllocationMonitoring.ProfilePriority),
            Draft(ApifyJobType.PostsScrape,
                AllocationMonitoring.PostsInput(null, S.Campaign.StartDate, AllocationMonitoring.InitialPostsLimit),
                AllocationMonitoring.InitialPostsPriority),
        ]);
        return CommandResult.Ok(await Save());
    }

    public Task<CommandResult<AllocationView>> Get(Guid organizationId, Guid campaignId) =>
        Task.FromResult(Owns(organizationId, campaignId) ? CommandResult.Ok(S.ToView(Id)) : NotFound<AllocationView>());

    public async Task<CommandResult<AllocationView>> Accept(Guid organizationId, Guid campaignId)
    {
        if (!Owns(organizationId, campaignId))
        {
            return NotFound<AllocationView>();
        }

        if (S.Status is AllocationStatus.Accepted or AllocationStatus.Active)
        {
            return CommandResult.Ok(S.ToView(Id));
        }

        if (S.Status != AllocationStatus.Pending)
        {
            return CommandResult<AllocationView>.Conflict($"Only a pending allocation can be accepted; this one is '{DbNames.Of(S.Status)}'.");
        }

        if (CampaignLifecycle.IsFinal(S.Campaign.Status))
        {
            return CommandResult<AllocationView>.Conflict($"The campaign is '{DbNames.Of(S.Campaign.Status)}'; its allocations can no longer be accepted.");
        }

        var now = clock.UtcNowMicroseconds();
        S.Status = S.Metrics.PostsCount > 0 ? AllocationStatus.Active : AllocationStatus.Accepted;
        S.AcceptedAt = now;
        S.Touch(now);
        var view = await Save();
        await FollowMonitoringSchedule();
        return CommandResult.Ok(view);
    }

    public async Task<CommandResult<AllocationView>> Decline(Guid organizationId, Guid campaignId, string? reason)
    {
        if (!Owns(organizationId, campaignId))
        {
            return NotFound<AllocationView>();
        }

        if (S.Status == AllocationStatus.Declined)
        {
            return CommandResult.Ok(S.ToView(Id));
        }

        if (S.Status is not (AllocationStatus.Pending or AllocationStatus.Accepted))
        {
            return CommandResult<AllocationView>.Conflict(
                $"Only a pending or accepted allocation can be declined; this one is '{DbNames.Of(S.Status)}'.");
        }

        var now = clock.UtcNowMicroseconds();
        S.Status = AllocationStatus.Declined;
        S.DeclinedAt = now;
        S.DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        S.Touch(now);
        var view = await Save();
        await FollowMonitoringSchedule();
        return CommandResult.Ok(view);
    }

    public async Task<CommandResult<EnqueuedJob>> Refresh(Guid organizationId, Guid campaignId)
    {
        if (!Owns(organizationId, campaignId))
        {
            return NotFound<EnqueuedJob>();
        }

        if (AllocationMonitoring.IsFinal(S.Status) || CampaignLifecycle.IsFinal(S.Campaign.Status))
        {
            return CommandResult<EnqueuedJob>.Conflict(
                $"The allocation is '{DbNames.Of(S.Status)}' and its campaign '{DbNames.Of(S.Campaign.Status)}'; nothing is scraped for it any more.");
        }

        return CommandResult.Ok(await EnqueueMonitoringScrape());
    }

    public async Task<CommandResult<AllocationReport>> GetMetrics(Guid organizationId, Guid campaignId, int postLimit)
    {
        if (!Owns(organizationId, campaignId))
        {
            return NotFound<AllocationReport>();
        }

        var page = await posts.ListForAllocation(organizationId, Id, after: null, postLimit);
        return CommandResult.Ok(new AllocationReport(S.ToView(Id), page));
    }

    public async Task<CommandResult<Page<AllocationPost>>> ListPosts(Guid organizationId, Guid campaignId, Guid? after, int limit)
    {
        if (!Owns(organizationId, campaignId))
        {
            return NotFound<Page<AllocationPost>>();
        }

        return CommandResult.Ok(await posts.ListForAllocation(organizationId, Id, after, limit));
    }

    public async Task CampaignChanged(Guid organizationId, Guid campaignId, CampaignSnapshot campaign)
    {
        if (!Owns(organizationId, campaignId) || S.Campaign.SameAs(campaign))
        {
            return;
        }

        var now = clock.UtcNowMicroseconds();
        S.Campaign = campaign;
        if (CampaignLifecycle.IsFinal(campaign.Status) && !AllocationMonitoring.IsFinal(S.Status))
        {
            S.Status = campaign.Status == CampaignStatus.Cancelled ? AllocationStatus.Cancelled : AllocationStatus.Completed;
        }

        S.Touch(now);
        await Save();
        await FollowMonitoringSchedule();
    }

    public async Task ScrapeCompleted(Guid organizationId, Guid jobId, IReadOnlyList<StoredPost> scraped)
    {
        if (!state.RecordExists || S.OrganizationId != organizationId || S.Status == AllocationStatus.Declined)
        {
            return;
        }

        var matcher = new PostMatcher(S.Campaign.TrackingConfig, new CampaignPeriod(S.Campaign.StartDate, S.Campaign.EndDate));
        var counted = await posts.RecordMatches(organizationId, Id, S.CampaignId, scraped.Select(stored => (stored.Id, matcher.Match(stored.Post))));
        await Recompute(counted, clock.UtcNowMicroseconds());
        LogScrapeMatched(logger, Id, jobId, scraped.Count, S.Metrics.PostsCount);
    }

    public async Task<CommandResult<AllocationPost>> Decide(Guid organizationId, Guid campaignPostId, PostDecision decision, Guid userId)
    {
        if (!state.RecordExists || S.OrganizationId != organizationId || !await posts.Decide(organizationId, campaignPostId, decision, userId))
        {
            return PostReviewGrain.PostNotFound();
        }

        await Recompute(await posts.MatchedPostsForMetrics(Id), S.Metrics.LastCollectedAt ?? clock.UtcNowMicroseconds());
        var post = await posts.GetDetection(organizationId, campaignPostId);
        return post is null
            ? PostReviewGrain.PostNotFound()
            : CommandResult.Ok(post);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != MonitorReminder)
        {
            return;
        }

        if (!state.RecordExists)
        {
            await StopMonitoring();
            return;
        }

        switch (AllocationMonitoring.Next(S.Status, S.Campaign, clock.GetUtcNow()))
        {
            case MonitoringStep.Scrape:
                // A repeated or late tick finds the open job and adds none: the queue keeps one per allocation and type.
                var enqueued = await EnqueueMonitoringScrape();
                LogMonitorTick(logger, Id, enqueued.Job.Id, enqueued.Created);
                break;
            case MonitoringStep.Stop:
                await StopMonitoring();
                break;
        }
    }

    private async Task Recompute(IReadOnlyList<ScrapedPost> counted, DateTimeOffset collectedAt)
    {
        var metrics = AllocationMetricsCalculator.Compute(counted, collectedAt);
        var status = S.Status == AllocationStatus.Accepted && metrics.PostsCount > 0 ? AllocationStatus.Active : S.Status;
        if (metrics == S.Metrics && status == S.Status)
        {
            return;
        }

        S.Metrics = metrics;
        S.Status = status;
        S.Touch(clock.UtcNowMicroseconds());
        await Save();
    }

    private Task<EnqueuedJob> EnqueueMonitoringScrape() =>
        Enqueue(ApifyJobType.PostsScrape,
            AllocationMonitoring.PostsInput(S.Metrics.LastCollectedAt, S.Campaign.StartDate, AllocationMonitoring.MonitorPostsLimit),
            AllocationMonitoring.MonitorPostsPriority);

    private Task<EnqueuedJob> Enqueue(ApifyJobType type, string input, int priority) =>
        jobs.Enqueue(S.OrganizationId, TimeOrderedId.New(), Draft(type, input, priority));

    private ApifyJobDraft Draft(ApifyJobType type, string input, int priority) =>
        new(type, S.Platform, S.Creator.Username, input, priority,
            AllocationId: Id, CampaignId: S.CampaignId, CreatorProfileId: S.Creator.SocialProfileId);

    /// <summary>Registers the reminder while the allocation is monitored, removes it once monitoring can never resume.</summary>
    private async Task FollowMonitoringSchedule()
    {
        var step = AllocationMonitoring.Next(S.Status, S.Campaign, clock.GetUtcNow());
        if (step == MonitoringStep.Stop)
        {
            await StopMonitoring();
        }
        else if (AllocationMonitoring.IsMonitored(S.Status))
        {
            var period = options.Value.MonitorPeriod;
            await this.RegisterOrUpdateReminder(MonitorReminder, period, period);
        }
    }

    private async Task StopMonitoring()
    {
        if (await this.GetReminder(MonitorReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static CommandResult<T> NotFound<T>() => CommandResult<T>.NotFound("Allocation not found.");

    private bool Owns(Guid organizationId, Guid campaignId) =>
        state.RecordExists && S.OrganizationId == organizationId && S.CampaignId == campaignId;

    private async Task<AllocationView> Save()
    {
        await state.WriteOrReload();

        var view = S.ToView(Id);
        await projections.Upsert(S.OrganizationId, view, S.Position, S.Version);
        return view;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-assert the listing row of allocation {AllocationId}")]
    private static partial void LogProjectionHealFailed(ILogger logger, Exception error, Guid allocationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Allocation {AllocationId}: scrape job {JobId} brought {PostCount} posts; {CampaignPosts} campaign posts counted")]
    private static partial void LogScrapeMatched(ILogger logger, Guid allocationId, Guid jobId, int postCount, int campaignPosts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Allocation {AllocationId}: monitoring tick, posts job {JobId} (new: {Created})")]
    private static partial void LogMonitorTick(ILogger logger, Guid allocationId, Guid jobId, bool created);
}
