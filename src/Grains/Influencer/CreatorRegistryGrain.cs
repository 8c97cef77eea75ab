using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Orleans.Concurrency;

namespace Campaigns.Influencer;

/// <summary>Stateless front of <see cref="CreatorRepository"/>; scales out with load.</summary>
[StatelessWorker]
public sealed class CreatorRegistryGrain(CreatorRepository creators) : Grain, ICreatorRegistryGrain
{
    public const string HandleTaken = "A profile with this platform and username already exists in the organization.";
    private const string NotFound = "Creator not found.";

    public async Task<CommandResult<CreatorView>> Create(Guid organizationId, Guid creatorId, CreatorDraft draft) =>
        await creators.Insert(organizationId, creatorId, draft) is { } creator
            ? CommandResult.Ok(creator)
            : CommandResult<CreatorView>.Conflict(HandleTaken);

    public async Task<CommandResult<CreatorView>> Get(Guid organizationId, Guid creatorId) =>
        await creators.Get(organizationId, creatorId) is { } creator ? CommandResult.Ok(creator) : CommandResult<CreatorView>.NotFound(NotFound);

    public async Task<CommandResult<CreatorView>> Update(Guid organizationId, Guid creatorId, CreatorChanges changes) =>
        await creators.Update(organizationId, creatorId, changes) switch
        {
            { Outcome: CommandOutcome.Ok, Creator: { } creator } => CommandResult.Ok(creator),
            { Outcome: CommandOutcome.Invalid, ForeignProfileId: var profileId } =>
                CommandResult<CreatorView>.Invalid("profiles", $"Profile {profileId} does not belong to this creator."),
            { Outcome: CommandOutcome.Conflict } => CommandResult<CreatorView>.Conflict(HandleTaken),
            _ => CommandResult<CreatorView>.NotFound(NotFound),
        };

    public Task<Page<CreatorView>> List(Guid organizationId, CreatorQuery query) => creators.List(organizationId, query);

    public async Task<CommandResult<CreatorImportCounts>> Import(Guid organizationId, IReadOnlyList<CreatorImportRow> rows)
    {
        var outcome = await creators.Import(organizationId, rows);
        if (outcome.Counts is { } counts)
        {
            return CommandResult.Ok(counts);
        }

        var errors = outcome.Refusals.Select(refused => new ImportRowError(refused.Row, "creator_id", refused.Owner is { } owner
            ? $"This profile belongs to creator {owner:N}, not {refused.CreatorId:N}."
            : $"Creator {refused.CreatorId:N} not found."));
        return CommandResult<CreatorImportCounts>.Invalid(ImportRowError.ByCell(errors));
    }

    public Task<IReadOnlyList<CreatorCandidate>> SelectCandidates(Guid organizationId, CandidateCriteria criteria) =>
        creators.SelectCandidates(organizationId, criteria.Platforms, criteria.AudienceSize, criteria.Location,
            criteria.ExcludedCreatorIds, criteria.Limit);

    public Task<string> ExplainNoCandidates(Guid organizationId, CandidateCriteria criteria) =>
        creators.ExplainNoCandidates(organizationId, criteria);
}
