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
    public async Task<CreatorResult> Create(Guid organizationId, Guid creatorId, CreatorDraft draft) =>
        await creators.Insert(organizationId, creatorId, draft) is { } creator
            ? CreatorResult.Ok(creator)
            : CreatorResult.Conflict(CreatorRepository.HandleTaken);

    public Task<CreatorView?> Get(Guid organizationId, Guid creatorId) => creators.Get(organizationId, creatorId);

    public Task<CreatorResult> Update(Guid organizationId, Guid creatorId, CreatorChanges changes) =>
        creators.Update(organizationId, creatorId, changes);

    public Task<CreatorPage> List(Guid organizationId, CreatorQuery query) => creators.List(organizationId, query);

    public Task<CreatorImportResult> Import(Guid organizationId, IReadOnlyList<CreatorImportRow> rows) =>
        creators.Import(organizationId, rows);

    public Task<IReadOnlyList<CreatorCandidate>> SelectCandidates(Guid organizationId, CandidateCriteria criteria) =>
        creators.SelectCandidates(organizationId, criteria.Platforms, criteria.AudienceSize, criteria.Location,
            criteria.ExcludedCreatorIds, criteria.Limit);

    public Task<string> ExplainNoCandidates(Guid organizationId, CandidateCriteria criteria) =>
        creators.ExplainNoCandidates(organizationId, criteria);
}
