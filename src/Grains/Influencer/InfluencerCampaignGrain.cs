using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaigns.Influencer;

/// <summary>
/// The influencer part of a campaign, keyed by the campaign id: activation (selection, budget split, allocation
/// grains), declines with re-selection, keeping allocations in step with the campaign, and completion at the end date.
/// </summary>
/// <remarks>
/// The campaign grain calls this one through the interleaved <see cref="ICampaignKindGrain"/> hooks; this grain calls the
/// campaign only from its own turns (<see cref="Activate"/>, the end-date tick) and only methods that never call a
/// non-interleaved method here, so no call cycle can wait (docs/ARCHITECTURE.md, "Grain call graph").
/// Hooks may interleave with a turn awaiting the campaign, so every state write goes through <see cref="Persist"/>.
/// </remarks>
public sealed partial class InfluencerCampaignGrain(
    [PersistentState(StoredState.StateNames.InfluencerCampaign)] IPersistentState<InfluencerCampaignState> state,
    CreatorRepository creators,
    AllocationRepository allocations,
    IOptions<InfluencerOptions> options,
    TimeProvider clock,
    ILogger<InfluencerCampaignGrain> logger) : Grain, IInfluencerCampaignGrain, ICampaignKindGrain, IRemindable
{
    public const string EndReminder = "complete-at-end-date";

    private readonly SemaphoreSlim writes = new(1, 1);

    /// <summary>Allocations created during this activation, for the answer of the <see cref="Activate"/> that planned them.</summary>
    private readonly Dictionary<Guid, AllocationView> createdViews = [];

    private List<Guid> launchedSlots = [];

    private Guid Id => this.GetPrimaryKey();

    private List<AllocationSlot> Slots => state.State.Allocations;

    private ICampaignGrain Campaign => GrainFactory.GetGrain<ICampaignGrain>(Id);

    public async Task<ActivationResult> Activate(Guid organizationId, int maxCreators)
    {
        if (await Campaign.Facts() is not { } facts || facts.OrganizationId != organizationId)
        {
            return ActivationResult.From(CampaignResult.NotFound());
        }

        if (facts.Kind != CampaignKind.Influencer)
        {
            return ActivationResult.From(CampaignResult.Conflict(
                $"Only influencer campaigns are activated with creators; this one is '{DbNames.Of(facts.Kind)}': use /launch."));
        }

        if (CampaignLifecycle.Next(facts.Status, CampaignTransition.Launch) is null)
        {
            return ActivationResult.From(CampaignResult.Conflict(
                $"Cannot activate a campaign whose status is '{CampaignLifecycle.Name(facts.Status)}'; only draft or scheduled campaigns activate."));
        }

        // The campaign calls OnLaunch (plans the slots) and OnChanged (creates the grains) back, interleaved, before it answers.
        launchedSlots = [];
        var launched = await Campaign.Launch(organizationId, maxCreators);
        if (launched is not { Outcome: CommandOutcome.Ok, Campaign: { } campaign })
        {
            return ActivationResult.From(launched);
        }

        LogActivated(logger, Id, launchedSlots.Count);
        // An allocation whose grain did not answer is still planned: the next call on the campaign creates it.
        return new ActivationResult(CommandOutcome.Ok, campaign,
            launchedSlots.Where(createdViews.ContainsKey).Select(id => createdViews[id]).ToList());
    }

    public async Task<CampaignResult?> OnLaunch(CampaignFacts facts, int maxCreators)
    {
        await Adopt(facts);
        if (new CampaignPeriod(facts.StartDate, facts.EndDate).EndedBefore(clock.GetUtcNow()))
        {
            return CampaignResult.Conflict($"The campaign ended on {facts.EndDate:yyyy-MM-dd}; move end_date before activating it.");
        }

        // Slots never created belong to a launch that died before the campaign became active: plan afresh.
        Slots.RemoveAll(slot => !slot.Created);
        var criteria = Criteria(facts, maxCreators);
        var candidates = await creators.SelectCandidates(facts.OrganizationId, criteria.Platforms, criteria.AudienceSize,
            criteria.Location, criteria.ExcludedCreatorIds, criteria.Limit);
        if (candidates.Count == 0)
        {
            return CampaignResult.Conflict(await creators.ExplainNoCandidates(facts.OrganizationId, criteria));
        }

        if (facts.Budget < candidates.Count)
        {
            return CampaignResult.Conflict(
                $"A budget of {facts.Budget} (minor units) cannot give each of {candidates.Count} creators a share; raise the budget or ask for fewer creators.");
        }

        var budgets = BudgetSplit.Split(facts.Budget, candidates.Count);
        var slots = candidates.Select((candidate, i) => new AllocationSlot { Id = TimeOrderedId.New(), Creator = candidate, Budget = budgets[i] }).ToList();

        // Crash window: the slots are saved before the campaign is active. A crash here leaves planned slots on a draft
        // campaign; the next launch drops them (above) and plans again, so none is created twice or for a launch that failed.
        Slots.AddRange(slots);
        await Persist();
        launchedSlots = [.. slots.Select(slot => slot.Id)];
        return null;
    }

    public async Task OnChanged(CampaignFacts facts, CampaignSnapshot before)
    {
        await Adopt(facts);
        await Follow(facts, before);
    }

    public async Task<string?> OnDelete(CampaignFacts facts)
    {
        await Adopt(facts);
        if (Slots.Count > 0)
        {
            return $"This campaign allocated budget to {Slots.Count} creator(s); it is kept for their results and history.";
        }

        // Nothing to keep: forget this grain's row too, so a campaign created again under this id starts clean.
        await writes.WaitAsync();
        try
        {
            await state.ClearStateAsync();
            state.State = new InfluencerCampaignState();
        }
        finally
        {
            writes.Release();
        }

        return null;
    }

    public Task<IReadOnlyDictionary<string, string[]>?> Check(CampaignFacts proposed) =>
        Task.FromResult<IReadOnlyDictionary<string, string[]>?>(null);

    public Task<CampaignView> Describe(CampaignFacts facts, CampaignView view) => Task.FromResult(view);

    public Task OnCopied(CampaignFacts facts, Guid sourceId) => Task.CompletedTask;

    public async Task AdoptReminder(CampaignFacts facts, string reminderName)
    {
        // The campaign grain's end-date reminder fired: this grain registers its own (due at once if the end passed).
        // Completing here would call the campaign back inside its turn, so the work is only scheduled.
        await Adopt(facts);
        await FollowEndDate(facts);
    }

    /// <summary>What every campaign change does here: allocations follow the campaign, the end reminder its end date.</summary>
    private async Task Follow(CampaignFacts facts, CampaignSnapshot before)
    {
        if (!facts.Snapshot.SameAs(before))
        {
            // Allocations created now get the new snapshot with their draft; only the older ones are told.
            var known = Slots.Where(slot => slot.Created).Select(slot => slot.Id).ToList();
            await EnsureAllocationsCreated(facts);
            await Task.WhenAll(known.Select(id =>
                GrainFactory.GetGrain<IAllocationGrain>(id).CampaignChanged(facts.OrganizationId, Id, facts.Snapshot)));
        }

        await FollowEndDate(facts);
    }

    /// <summary>Takes over the allocations the campaign grain kept before the move, once; new campaigns adopt an empty list.</summary>
    private async Task Adopt(CampaignFacts facts)
    {
        if (state.State.Adopted)
        {
            return;
        }

        // The legacy reminder (if any) is the campaign grain's, not ours: EndReminderFor stays null so ours gets registered.
        state.State.Allocations = [.. facts.LegacyAllocations];
        state.State.Adopted = true;
        await Persist();
    }

    private async Task Persist()
    {
        // Interleaved hooks and this grain's own turns may both write; two concurrent writes would fail the etag check.
        await writes.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            writes.Release();
        }
    }

    private static CandidateCriteria Criteria(CampaignFacts facts, IEnumerable<AllocationSlot> slots, int limit) => new(
        [.. facts.Platforms],
        facts.Influencer?.AudienceSize,
        facts.Influencer?.TargetLocation,
        slots.Select(slot => slot.Creator.CreatorId).Distinct().ToList(),
        limit);

    private CandidateCriteria Criteria(CampaignFacts facts, int limit) => Criteria(facts, Slots, limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} activated with {Allocations} allocation(s)")]
    private static partial void LogActivated(ILogger logger, Guid campaignId, int allocations);
}
