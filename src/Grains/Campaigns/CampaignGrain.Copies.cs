using Campaigns.Infrastructure;

namespace Campaigns.Campaigns;

/// <summary>Copies of a campaign (duplicate): the source gives its configuration, the copy creates itself from it.</summary>
public sealed partial class CampaignGrain
{
    public Task<DraftResult> Configuration(Guid organizationId) => Task.FromResult(!Owns(organizationId)
        ? new DraftResult(CommandOutcome.NotFound)
        : new DraftResult(CommandOutcome.Ok, new CampaignDraft(
            S.Name, S.Description, S.Kind, S.Budget, S.Currency, [.. S.Goals], [.. S.Platforms], S.StartDate, S.EndDate,
            S.Influencer, S.Marketing, S.ContentJson, Id, S.Outreach)));

    public async Task<CampaignResult> CreateWithChanges(Guid organizationId, CampaignDraft draft, CampaignChanges changes)
    {
        if (state.RecordExists)
        {
            return state.State.OrganizationId == organizationId
                ? CampaignResult.Conflict("A campaign with this id already exists.")
                : CampaignResult.NotFound();
        }

        var now = clock.UtcNowMicroseconds();
        CampaignEditing.Initialize(state.State, organizationId, draft, now);
        if (CampaignEditing.Apply(state.State, changes, now) is { } errors)
        {
            // Nothing was written: forget the half-made campaign so this id stays free.
            state.State = new CampaignState();
            return CampaignResult.Invalid(errors);
        }

        state.State.Version = 1;
        var saved = await Save();
        if (draft.DuplicatedFrom is { } source && Kind is { } kind)
        {
            // A copy keeps what its kind holds outside the campaign (an outreach sequence); the view answered shows it.
            await kind.OnCopied(S.Facts(Id), source);
            return CampaignResult.Ok(await Described(S.ToView(Id)));
        }

        return saved;
    }
}
