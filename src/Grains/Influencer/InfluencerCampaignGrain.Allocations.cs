using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Campaigns.Influencer;

/// <summary>An influencer campaign's allocations (listing, declines with re-selection) and its completion at the end date.</summary>
public sealed partial class InfluencerCampaignGrain
{
    public async Task<AllocationPageResult> ListAllocations(Guid organizationId, Guid? after, int limit)
    {
        if (await Campaign.Facts() is not { } facts || facts.OrganizationId != organizationId)
        {
            return new AllocationPageResult(CommandOutcome.NotFound, Message: "Campaign not found.");
        }

        await Adopt(facts);
        await EnsureAllocationsCreated(facts);
        return new AllocationPageResult(CommandOutcome.Ok, await allocations.List(organizationId, Id, after, limit));
    }

    public async Task<DeclineResult> DeclineAllocation(Guid organizationId, Guid allocationId, string? reason)
    {
        if (await Campaign.Facts() is not { } facts || facts.OrganizationId != organizationId)
        {
            return new DeclineResult(CommandOutcome.NotFound, Message: "Allocation not found.");
        }

        await Adopt(facts);
        if (Slots.Find(slot => slot.Id == allocationId) is not { } slot)
        {
            return new DeclineResult(CommandOutcome.NotFound, Message: "Allocation not found.");
        }

        await EnsureAllocationsCreated(facts);
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
        if (CampaignLifecycle.IsFinal(facts.Status))
        {
            message = $"The campaign is '{CampaignLifecycle.Name(facts.Status)}', so the freed budget is not offered to another creator.";
        }
        else
        {
            // Every creator the campaign ever allocated is excluded: those who declined, and those who already have a share.
            var criteria = Criteria(facts, limit: 1);
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
                Slots.Add(replacement);
            }
        }

        await Persist();
        var created = await EnsureAllocationsCreated(facts);
        return new DeclineResult(CommandOutcome.Ok, allocation,
            replacement is null ? null : created.GetValueOrDefault(replacement.Id), message);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == EndReminder)
        {
            await CompleteAtEndDate();
        }
    }

    /// <summary>The end-date reminder's tick: completes the campaign once its end date has passed.</summary>
    /// <remarks>
    /// A turn of this grain calling the campaign: the hooks the campaign calls back meanwhile (this completion's
    /// OnChanged, or those of other requests) are interleaved, so neither grain waits on the other.
    /// Crash window: after the campaign saved completed and before the allocations heard it, the reminder is still
    /// registered and on record; its next tick finds the campaign final, tells the allocations, then drops itself.
    /// </remarks>
    private async Task CompleteAtEndDate()
    {
        var facts = await Campaign.Facts();
        if (facts is null || CampaignLifecycle.IsFinal(facts.Status) || facts.Kind != CampaignKind.Influencer)
        {
            // Nothing to complete: the reminder goes, whatever the state remembers about it.
            if (await this.GetReminder(EndReminder) is { } stale)
            {
                await this.UnregisterReminder(stale);
            }

            if (facts is not null)
            {
                await Adopt(facts);
                if (state.State.EndReminderFor is not null && CampaignLifecycle.IsFinal(facts.Status))
                {
                    // A completion that died before its allocations heard it (the reminder is still on record): tell them now.
                    await Task.WhenAll(Slots.Where(slot => slot.Created).Select(slot =>
                        GrainFactory.GetGrain<IAllocationGrain>(slot.Id).CampaignChanged(facts.OrganizationId, Id, facts.Snapshot)));
                }

                await FollowEndDate(facts);
            }

            return;
        }

        await Adopt(facts);
        await EnsureAllocationsCreated(facts);
        if (!new CampaignPeriod(facts.StartDate, facts.EndDate).EndedBefore(clock.GetUtcNow()))
        {
            await FollowEndDate(facts);
            return;
        }

        // The campaign calls OnChanged back (interleaved) before it answers, so the allocations hear of the completion
        // before anyone can read the campaign completed, as when this was one grain.
        var completed = await Campaign.CompleteByKind(facts.OrganizationId);
        if (completed.Outcome == CommandOutcome.Ok)
        {
            LogCompletedAtEndDate(logger, Id, facts.EndDate);
        }
    }

    /// <summary>An active or paused influencer campaign with an end date has the completion reminder; any other has none.</summary>
    private async Task FollowEndDate(CampaignFacts facts)
    {
        var wanted = facts.Kind == CampaignKind.Influencer && facts.Status is CampaignStatus.Active or CampaignStatus.Paused
            ? facts.EndDate
            : null;
        if (wanted == state.State.EndReminderFor)
        {
            return;
        }

        if (wanted is { } end)
        {
            // The first check comes at the end instant or one period from now, whichever is sooner; each tick checks again.
            var untilEnd = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - clock.GetUtcNow();
            var period = options.Value.EndCheckPeriod;
            await this.RegisterOrUpdateReminder(EndReminder, untilEnd < TimeSpan.Zero ? TimeSpan.Zero : untilEnd < period ? untilEnd : period, period);
        }
        else if (await this.GetReminder(EndReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        state.State.EndReminderFor = wanted;
        await Persist();
    }

    /// <summary>Creates the allocation grains the campaign planned but has not seen confirmed; idempotent.</summary>
    /// <returns>Every allocation created by this call, by id.</returns>
    private async Task<Dictionary<Guid, AllocationView>> EnsureAllocationsCreated(CampaignFacts facts)
    {
        var pending = Slots.Where(slot => !slot.Created).ToList();
        if (pending.Count == 0 || facts.Status is CampaignStatus.Draft or CampaignStatus.Scheduled)
        {
            // Slots of a draft campaign belong to a launch still under way (or one that died): nothing to create yet.
            return [];
        }

        var results = await Task.WhenAll(pending.Select(async slot =>
            (slot, await GrainFactory.GetGrain<IAllocationGrain>(slot.Id)
                .Create(facts.OrganizationId, new AllocationDraft(Id, slot.Creator, slot.Budget, facts.Snapshot, Slots.IndexOf(slot))))));
        var created = new Dictionary<Guid, AllocationView>();
        foreach (var (slot, result) in results)
        {
            if (result is { Outcome: CommandOutcome.Ok, Value: { } view })
            {
                slot.Created = true;
                created[slot.Id] = view;
                createdViews[slot.Id] = view;
            }
        }

        await Persist();
        return created;
    }

    private async Task<AllocationView?> Replacement(Guid organizationId, AllocationSlot slot) =>
        slot.ReplacementId is { } id
            ? (await GrainFactory.GetGrain<IAllocationGrain>(id).Get(organizationId, Id)).Value
            : null;

    private static string? ReplacementMessage(AllocationSlot slot) =>
        slot.ReplacementId is null ? "No other creator took the freed budget." : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} completed by itself after its end date {EndDate}")]
    private static partial void LogCompletedAtEndDate(ILogger logger, Guid campaignId, DateOnly? endDate);
}
