using Campaigns.Audit;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Logging;

namespace Campaigns.Campaigns;

/// <summary>
/// The influencer part of a campaign: activation (selection, budget split, allocation grains), declines with
/// re-selection, keeping allocations in step with the campaign, and completion at the end date.
/// </summary>
public sealed partial class CampaignGrain
{
    public const string EndReminder = "complete-at-end-date";

    private CampaignState S => state.State;

    private bool IsInfluencerLaunch(CampaignTransition transition) =>
        transition == CampaignTransition.Launch && S.Kind == CampaignKind.Influencer;

    public async Task<ActivationResult> Activate(Guid organizationId, int maxCreators)
    {
        if (!Owns(organizationId))
        {
            return ActivationResult.From(CampaignResult.NotFound());
        }

        if (S.Kind != CampaignKind.Influencer)
        {
            return ActivationResult.From(CampaignResult.Conflict(
                $"Only influencer campaigns are activated with creators; this one is '{DbNames.Of(S.Kind)}': use /launch."));
        }

        if (CampaignLifecycle.Next(S.Status, CampaignTransition.Launch) is null)
        {
            return ActivationResult.From(CampaignResult.Conflict(
                $"Cannot activate a campaign whose status is '{CampaignLifecycle.Name(S.Status)}'; only draft or scheduled campaigns activate."));
        }

        if (new CampaignPeriod(S.StartDate, S.EndDate).EndedBefore(clock.GetUtcNow()))
        {
            return ActivationResult.From(CampaignResult.Conflict(
                $"The campaign ended on {S.EndDate:yyyy-MM-dd}; move end_date before activating it."));
        }

        var criteria = Criteria(maxCreators);
        var candidates = await creators.SelectCandidates(organizationId, criteria.Platforms, criteria.AudienceSize,
            criteria.Location, criteria.ExcludedCreatorIds, criteria.Limit);
        if (candidates.Count == 0)
        {
            return ActivationResult.From(CampaignResult.Conflict(await creators.ExplainNoCandidates(organizationId, criteria)));
        }

        if (S.Budget < candidates.Count)
        {
            return ActivationResult.From(CampaignResult.Conflict(
                $"A budget of {S.Budget} (minor units) cannot give each of {candidates.Count} creators a share; raise the budget or ask for fewer creators."));
        }

        var budgets = BudgetSplit.Split(S.Budget, candidates.Count);
        var slots = candidates.Select((candidate, i) => new AllocationSlot
        {
            Id = TimeOrderedId.New(),
            Creator = candidate,
            Budget = budgets[i],
        }).ToList();

        // The campaign is saved active with its allocations planned before any grain exists: if this activation dies
        // half-way, the next call on the campaign creates the rest (EnsureAllocationsCreated), so none is ever lost.
        S.Allocations.AddRange(slots);
        CampaignEditing.Enter(S, CampaignStatus.Active, new CampaignTransitionRequest(CampaignTransition.Launch), clock.UtcNowMicroseconds());
        var campaign = await Save();
        // The allocations are created with the active campaign's snapshot, so only the end date needs following.
        var created = await EnsureAllocationsCreated();
        await FollowEndDate();
        await FollowSchedule();
        LogActivated(logger, Id, slots.Count);
        // An allocation whose grain did not answer is still planned: the next call on the campaign creates it.
        return new ActivationResult(CommandOutcome.Ok, campaign.Campaign,
            slots.Where(slot => created.ContainsKey(slot.Id)).Select(slot => created[slot.Id]).ToList());
    }

    public async Task<AllocationPageResult> ListAllocations(Guid organizationId, Guid? after, int limit)
    {
        if (!Owns(organizationId))
        {
            return new AllocationPageResult(CommandOutcome.NotFound, Message: "Campaign not found.");
        }

        await EnsureAllocationsCreated();
        return new AllocationPageResult(CommandOutcome.Ok, await allocations.List(organizationId, Id, after, limit));
    }

    public async Task<DeclineResult> DeclineAllocation(Guid organizationId, Guid allocationId, string? reason)
    {
        if (!Owns(organizationId) || S.Allocations.Find(slot => slot.Id == allocationId) is not { } slot)
        {
            return new DeclineResult(CommandOutcome.NotFound, Message: "Allocation not found.");
        }

        await EnsureAllocationsCreated();
        var declined = await GrainFactory.GetGrain<IAllocationGrain>(allocationId).Decline(organizationId, Id, reason);
        if (declined is not { Outcome: CommandOutcome.Ok, Value: { } allocation })
        {
            return new DeclineResult(declined.Outcome, Message: declined.Message);
        }

        if (slot.Declined)
        {
            // A repeated decline: answer what the first one did.
            return new DeclineResult(CommandOutcome.Ok, allocation, await Replacement(organizationId, slot), ReplacementMessage(slot));
        }

        slot.Declined = true;
        AllocationSlot? replacement = null;
        string? message = null;
        if (CampaignLifecycle.IsFinal(S.Status))
        {
            message = $"The campaign is '{CampaignLifecycle.Name(S.Status)}', so the freed budget is not offered to another creator.";
        }
        else
        {
            // Every creator the campaign ever allocated is excluded: those who declined, and those who already have a share.
            var criteria = Criteria(limit: 1);
            var next = await creators.SelectCandidates(organizationId, criteria.Platforms, criteria.AudienceSize,
                criteria.Location, criteria.ExcludedCreatorIds, criteria.Limit);
            if (next.Count == 0)
            {
                message = "No other creator matches, so the freed budget stays unallocated. " +
                          await creators.ExplainNoCandidates(organizationId, criteria);
            }
            else
            {
                replacement = new AllocationSlot { Id = TimeOrderedId.New(), Creator = next[0], Budget = allocation.CurrentBudget };
                slot.ReplacementId = replacement.Id;
                S.Allocations.Add(replacement);
            }
        }

        S.UpdatedAt = clock.UtcNowMicroseconds();
        S.Version++;
        await Save();
        var created = await EnsureAllocationsCreated();
        return new DeclineResult(CommandOutcome.Ok, allocation,
            replacement is null ? null : created.GetValueOrDefault(replacement.Id), message);
    }

    /// <summary>The end-date reminder's tick: completes the campaign once its end date has passed.</summary>
    private async Task CompleteAtEndDate()
    {
        if (!state.RecordExists || CampaignLifecycle.IsFinal(S.Status) || S.Kind != CampaignKind.Influencer)
        {
            // Nothing to complete: the reminder goes, whatever the state remembers about it.
            if (await this.GetReminder(EndReminder) is { } stale)
            {
                await this.UnregisterReminder(stale);
            }

            return;
        }

        await EnsureAllocationsCreated();
        if (new CampaignPeriod(S.StartDate, S.EndDate).EndedBefore(clock.GetUtcNow()))
        {
            var before = S.Snapshot();
            CampaignEditing.Enter(S, CampaignStatus.Completed, new CampaignTransitionRequest(CampaignTransition.Complete), clock.UtcNowMicroseconds());
            await Save();
            await AfterChange(before);
            LogCompletedAtEndDate(logger, Id, S.EndDate);
        }
        else
        {
            await FollowEndDate();
        }
    }

    /// <summary>What every change does after it is saved: the launch reminder follows the schedule, allocations the campaign, the end reminder its end date.</summary>
    private async Task AfterChange(CampaignSnapshot before)
    {
        await FollowSchedule();
        await FollowOutreach();
        if (S.Kind != CampaignKind.Influencer)
        {
            return;
        }

        var now = S.Snapshot();
        if (!now.SameAs(before))
        {
            await EnsureAllocationsCreated();
            await Task.WhenAll(S.Allocations.Select(slot =>
                GrainFactory.GetGrain<IAllocationGrain>(slot.Id).CampaignChanged(S.OrganizationId, Id, now)));
        }

        await FollowEndDate();
    }

    /// <summary>An active or paused influencer campaign with an end date has the completion reminder; any other has none.</summary>
    private async Task FollowEndDate()
    {
        var wanted = state.RecordExists && S.Kind == CampaignKind.Influencer
            && S.Status is CampaignStatus.Active or CampaignStatus.Paused ? S.EndDate : null;
        if (wanted == S.EndReminderFor)
        {
            return;
        }

        if (wanted is { } end)
        {
            // The first check comes at the end instant or one period from now, whichever is sooner; each tick checks again.
            var untilEnd = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - clock.GetUtcNow();
            var period = influencerOptions.Value.EndCheckPeriod;
            await this.RegisterOrUpdateReminder(EndReminder, untilEnd < TimeSpan.Zero ? TimeSpan.Zero : untilEnd < period ? untilEnd : period, period);
        }
        else if (await this.GetReminder(EndReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        if (state.RecordExists)
        {
            S.EndReminderFor = wanted;
            await state.WriteStateAsync();
        }
    }

    /// <summary>Creates the allocation grains the campaign planned but has not seen confirmed; idempotent.</summary>
    /// <returns>Every allocation created by this call or before it that this call touched, by id.</returns>
    private async Task<Dictionary<Guid, AllocationView>> EnsureAllocationsCreated()
    {
        var pending = S.Allocations.Where(slot => !slot.Created).ToList();
        if (pending.Count == 0)
        {
            return [];
        }

        var snapshot = S.Snapshot();
        var results = await Task.WhenAll(pending.Select(async slot =>
            (slot, await GrainFactory.GetGrain<IAllocationGrain>(slot.Id)
                .Create(S.OrganizationId, new AllocationDraft(Id, slot.Creator, slot.Budget, snapshot, S.Allocations.IndexOf(slot))))));
        var created = new Dictionary<Guid, AllocationView>();
        foreach (var (slot, result) in results)
        {
            if (result is { Outcome: CommandOutcome.Ok, Value: { } view })
            {
                slot.Created = true;
                created[slot.Id] = view;
            }
        }

        await state.WriteStateAsync();
        return created;
    }

    private CandidateCriteria Criteria(int limit) => new(
        S.Platforms,
        S.Influencer?.AudienceSize,
        S.Influencer?.TargetLocation,
        S.Allocations.Select(slot => slot.Creator.CreatorId).Distinct().ToList(),
        limit);

    private async Task<AllocationView?> Replacement(Guid organizationId, AllocationSlot slot) =>
        slot.ReplacementId is { } id
            ? (await GrainFactory.GetGrain<IAllocationGrain>(id).Get(organizationId, Id)).Value
            : null;

    private static string? ReplacementMessage(AllocationSlot slot) =>
        slot.ReplacementId is null ? "No other creator took the freed budget." : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} activated with {Allocations} allocation(s)")]
    private static partial void LogActivated(ILogger logger, Guid campaignId, int allocations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} completed by itself after its end date {EndDate}")]
    private static partial void LogCompletedAtEndDate(ILogger logger, Guid campaignId, DateOnly? endDate);
}
