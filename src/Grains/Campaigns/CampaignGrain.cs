using Campaigns.Audit;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Microsoft.Extensions.Logging;

namespace Campaigns.Campaigns;

/// <summary>
/// Orchestrates one campaign: rules from <see cref="CampaignLifecycle"/> and <see cref="CampaignEditing"/>, state in
/// grain storage, a row in the listing projection. What a kind adds lives in its kind grain, called through
/// <see cref="ICampaignKindGrain"/> (found by <see cref="CampaignKinds"/>) at each lifecycle point.
/// </summary>
public sealed partial class CampaignGrain(
    [PersistentState(StoredState.StateNames.Campaign)] IPersistentState<CampaignState> state,
    CampaignProjectionRepository projections,
    SpendRepository spend,
    AuditRepository audit,
    TimeProvider clock,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain, IRemindable
{
    private Guid Id => this.GetPrimaryKey();

    private CampaignState S => state.State;

    private ICampaignKindGrain? Kind => CampaignKinds.For(GrainFactory, S.Kind, Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-asserting the projection heals a crash between the state write and the projection write.
        // A failed heal must not make the campaign unreachable: the next change or activation retries it.
        if (state.RecordExists)
        {
            try
            {
                await projections.Upsert(S.OrganizationId, S.ToView(Id), S.Version);
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
            return S.OrganizationId == organizationId
                ? CampaignResult.Conflict("A campaign with this id already exists.")
                : CampaignResult.NotFound();
        }

        var created = new CampaignState();
        CampaignEditing.Initialize(created, organizationId, draft, clock.UtcNowMicroseconds());
        if (draft.Outreach is not null && await Check(created.Facts(Id)) is { } refused)
        {
            return CampaignResult.Invalid(refused);
        }

        state.State = created;
        return await Save();
    }

    public async Task<CampaignResult> Get(Guid organizationId) =>
        Owns(organizationId) ? CampaignResult.Ok(await Described(S.ToView(Id))) : CampaignResult.NotFound();

    public Task<CampaignFacts?> Facts() => Task.FromResult(state.RecordExists ? S.Facts(Id) : null);

    public async Task<CampaignResult> Update(Guid organizationId, CampaignChanges changes)
    {
        if (!Owns(organizationId))
        {
            return CampaignResult.NotFound();
        }

        if (CampaignLifecycle.IsFinal(S.Status))
        {
            return CampaignResult.Conflict($"Cannot change a campaign whose status is '{CampaignLifecycle.Name(S.Status)}'.");
        }

        if (changes.Outreach is { } outreach && S.Kind == CampaignKind.Outreach
            && await Check(S.Facts(Id) with { Outreach = outreach.ApplyTo(S.Outreach ?? Outreach.OutreachBrief.Empty) }) is { } refused)
        {
            return CampaignResult.Invalid(refused);
        }

        var before = S.Snapshot();
        var errors = CampaignEditing.Apply(S, changes, clock.UtcNowMicroseconds());
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

        if (CampaignLifecycle.Next(S.Status, request.Transition) is not { } next)
        {
            return CampaignResult.Conflict(CampaignLifecycle.Refusal(S.Status, request.Transition));
        }

        if (request.Transition == CampaignTransition.Resume && BudgetExhausted)
        {
            return CampaignResult.Conflict(
                $"The campaign has spent {S.Budget - S.CurrentBudget} of its budget of {S.Budget} (minor units); raise the budget before resuming.");
        }

        if (request.Transition == CampaignTransition.Launch && Kind is { } kind
            && await kind.OnLaunch(S.Facts(Id), maxCreators: 1) is { } refused)
        {
            // The kind refused (no creator matches, no sequence step…): the campaign stays as it is.
            return refused;
        }

        var before = S.Snapshot();
        CampaignEditing.Enter(S, next, request, clock.UtcNowMicroseconds());
        var saved = await Save();
        await AfterChange(before);
        return saved;
    }

    public async Task<CampaignResult> Launch(Guid organizationId, int maxCreators)
    {
        if (!Owns(organizationId))
        {
            return CampaignResult.NotFound();
        }

        if (CampaignLifecycle.Next(S.Status, CampaignTransition.Launch) is not { } next)
        {
            return CampaignResult.Conflict(CampaignLifecycle.Refusal(S.Status, CampaignTransition.Launch));
        }

        // Called by the kind grain (/activate): its OnLaunch hook is interleaved, so calling it back cannot deadlock.
        if (Kind is { } kind && await kind.OnLaunch(S.Facts(Id), maxCreators) is { } refused)
        {
            return refused;
        }

        var before = S.Snapshot();
        CampaignEditing.Enter(S, next, new CampaignTransitionRequest(CampaignTransition.Launch), clock.UtcNowMicroseconds());
        var saved = await Save();
        await AfterChange(before);
        return saved;
    }

    public async Task<CampaignResult> CompleteByKind(Guid organizationId)
    {
        if (!Owns(organizationId))
        {
            return CampaignResult.NotFound();
        }

        if (CampaignLifecycle.Next(S.Status, CampaignTransition.Complete) is not { } next)
        {
            return CampaignResult.Conflict(CampaignLifecycle.Refusal(S.Status, CampaignTransition.Complete));
        }

        // The kind awaits this call, so the OnChanged call back relies on the hooks being interleaved (ICampaignKindGrain).
        var before = S.Snapshot();
        CampaignEditing.Enter(S, next, new CampaignTransitionRequest(CampaignTransition.Complete), clock.UtcNowMicroseconds());
        var saved = await Save(describe: false);
        await AfterChange(before);
        return saved;
    }

    public async Task<CampaignResult> SetOutreachBrief(Guid organizationId, Outreach.OutreachBrief brief)
    {
        if (!Owns(organizationId))
        {
            return CampaignResult.NotFound();
        }

        S.Outreach = brief;
        S.UpdatedAt = clock.UtcNowMicroseconds();
        S.Version++;
        return await Save(describe: false);
    }

    public async Task<CampaignResult> Delete(Guid organizationId)
    {
        if (!Owns(organizationId))
        {
            return CampaignResult.NotFound();
        }

        if (!CampaignLifecycle.CanDelete(S.Status))
        {
            return CampaignResult.Conflict(
                $"Cannot delete a campaign whose status is '{CampaignLifecycle.Name(S.Status)}'; cancel or complete it first.");
        }

        if (Kind is { } kind && await kind.OnDelete(S.Facts(Id)) is { } kept)
        {
            return CampaignResult.Conflict(kept);
        }

        var view = S.ToView(Id);
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
                await projections.Upsert(S.OrganizationId, S.ToView(Id), S.Version);
            }
        }
        catch (Exception)
        {
        }
    }

    /// <summary>What every change does after it is saved: the launch reminder follows the schedule, the kind follows the campaign.</summary>
    private async Task AfterChange(CampaignSnapshot before)
    {
        await FollowSchedule();
        if (state.RecordExists && Kind is { } kind)
        {
            await kind.OnChanged(S.Facts(Id), before);
        }
    }

    private async Task<IReadOnlyDictionary<string, string[]>?> Check(CampaignFacts proposed) =>
        CampaignKinds.Checks(proposed.Kind) && CampaignKinds.For(GrainFactory, proposed.Kind, Id) is { } kind
            ? await kind.Check(proposed)
            : null;

    private async Task<CampaignView> Described(CampaignView view) =>
        CampaignKinds.Describes(S.Kind) && S.Outreach is not null && Kind is { } kind ? await kind.Describe(S.Facts(Id), view) : view;

    private bool Owns(Guid organizationId) => state.RecordExists && S.OrganizationId == organizationId;

    private async Task<CampaignResult> Save(bool describe = true)
    {
        await state.WriteOrReload();

        var view = S.ToView(Id);
        await projections.Upsert(S.OrganizationId, view, S.Version);
        return CampaignResult.Ok(describe ? await Described(view) : view);
    }
}
