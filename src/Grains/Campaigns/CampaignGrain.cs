using Campaigns.Audit;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaigns.Campaigns;

/// <summary>Orchestrates one campaign: rules from <see cref="CampaignLifecycle"/> and <see cref="CampaignEditing"/>, state in grain storage, a row in the listing projection.</summary>
public sealed partial class CampaignGrain(
    [PersistentState(StoredState.StateNames.Campaign)] IPersistentState<CampaignState> state,
    CampaignProjectionRepository projections,
    CreatorRepository creators,
    AllocationRepository allocations,
    SpendRepository spend,
    AuditRepository audit,
    IOptions<InfluencerOptions> influencerOptions,
    TimeProvider clock,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain, IRemindable
{
    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-asserting the projection heals a crash between the state write and the projection write.
        // A failed heal must not make the campaign unreachable: the next change or activation retries it.
        if (state.RecordExists)
        {
            try
            {
                await projections.Upsert(state.State.OrganizationId, state.State.ToView(Id), state.State.Version);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Could not re-assert the listing row of campaign {CampaignId}", Id);
            }
        }
    }

    public async Task<CampaignResult> Create(Guid organizationId, CampaignDraft draft)
    {
        if (state.RecordExists)
        {
            return state.State.OrganizationId == organizationId
                ? CampaignResult.Conflict("A campaign with this id already exists.")
                : CampaignResult.NotFound();
        }

        if (draft.Outreach is { } outreach && await OutreachReferences(organizationId, outreach) is { } refused)
        {
            return CampaignResult.Invalid(refused);
        }

        CampaignEditing.Initialize(state.State, organizationId, draft, clock.UtcNowMicroseconds());
        return await Save();
    }

    public async Task<CampaignResult> Get(Guid organizationId) =>
        Owns(organizationId) ? CampaignResult.Ok(await WithOutreach(state.State.ToView(Id))) : CampaignResult.NotFound();

    public async Task<CampaignResult> Update(Guid organizationId, CampaignChanges changes)
    {
        if (!Owns(organizationId))
        {
            return CampaignResult.NotFound();
        }

        if (CampaignLifecycle.IsFinal(state.State.Status))
        {
            return CampaignResult.Conflict(
                $"Cannot change a campaign whose status is '{CampaignLifecycle.Name(state.State.Status)}'.");
        }

        if (changes.Outreach is { } outreach && S.Kind == CampaignKind.Outreach
            && await OutreachReferences(organizationId, outreach.ApplyTo(S.Outreach ?? Outreach.OutreachBrief.Empty)) is { } refused)
        {
            return CampaignResult.Invalid(refused);
        }

        var before = state.State.Snapshot();
        var errors = CampaignEditing.Apply(state.State, changes, clock.UtcNowMicroseconds());
        if (errors is not null)
        {
            return CampaignResult.Invalid(errors);
        }

        var saved = await Save();
        await AfterChange(before);
        return saved;
    }

    public async Task<CampaignResult> Transition(Guid organizationId, CampaignTransitionRequest request)
    {
        if (!Owns(organizationId))
        {
            return CampaignResult.NotFound();
        }

        if (request is { Transition: CampaignTransition.Schedule, ScheduledFor: null })
        {
            return CampaignResult.Invalid(new Dictionary<string, string[]> { ["scheduled_for"] = ["scheduled_for is required to schedule a campaign."] });
        }

        if (CampaignLifecycle.Next(state.State.Status, request.Transition) is not { } next)
        {
            return CampaignResult.Conflict(CampaignLifecycle.Refusal(state.State.Status, request.Transition));
        }

        if (request.Transition == CampaignTransition.Resume && BudgetExhausted)
        {
            return CampaignResult.Conflict(
                $"The campaign has spent {S.Budget - S.CurrentBudget} of its budget of {S.Budget} (minor units); raise the budget before resuming.");
        }

        if (IsInfluencerLaunch(request.Transition))
        {
            // Launching an influencer campaign is its activation, so /launch and /activate agree.
            var activation = await Activate(organizationId, maxCreators: 1);
            return activation is { Outcome: CommandOutcome.Ok, Campaign: { } campaign }
                ? CampaignResult.Ok(campaign)
                : new CampaignResult(activation.Outcome, Message: activation.Message, Errors: activation.Errors);
        }

        if (IsOutreachLaunch(request.Transition))
        {
            return await StartOutreach(organizationId);
        }

        var before = state.State.Snapshot();
        CampaignEditing.Enter(state.State, next, request, clock.UtcNowMicroseconds());
        var saved = await Save();
        await AfterChange(before);
        return saved;
    }

    public async Task<CampaignResult> Delete(Guid organizationId)
    {
        if (!Owns(organizationId))
        {
            return CampaignResult.NotFound();
        }

        if (!CampaignLifecycle.CanDelete(state.State.Status))
        {
            return CampaignResult.Conflict(
                $"Cannot delete a campaign whose status is '{CampaignLifecycle.Name(state.State.Status)}'; cancel or complete it first.");
        }

        if (state.State.Allocations.Count > 0)
        {
            return CampaignResult.Conflict(
                $"This campaign allocated budget to {state.State.Allocations.Count} creator(s); it is kept for their results and history.");
        }

        var view = state.State.ToView(Id);
        await projections.Delete(Id);
        try
        {
            await state.ClearStateAsync();
        }
        catch
        {
            // The campaign still exists: put its listing row back rather than wait for the next activation to heal it.
            await ReassertProjection();
            throw;
        }

        state.State = new CampaignState();
        DeactivateOnIdle();
        return CampaignResult.Ok(view);
    }

    /// <summary>After a failed clear: reload what storage holds and, if the campaign is still there, restore its listing row.</summary>
    /// <remarks>Best effort: when this fails too, the next activation re-asserts the row, and the caller sees the original failure.</remarks>
    private async Task ReassertProjection()
    {
        try
        {
            await state.ReadStateAsync();
            if (state.RecordExists)
            {
                await projections.Upsert(state.State.OrganizationId, state.State.ToView(Id), state.State.Version);
            }
        }
        catch (Exception)
        {
        }
    }

    private bool Owns(Guid organizationId) => state.RecordExists && state.State.OrganizationId == organizationId;

    private async Task<CampaignResult> Save()
    {
        await state.WriteOrReload();

        var view = state.State.ToView(Id);
        await projections.Upsert(state.State.OrganizationId, view, state.State.Version);
        return CampaignResult.Ok(await WithOutreach(view));
    }
}
