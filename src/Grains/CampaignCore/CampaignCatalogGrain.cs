using Campaigns.Storage;
using Orleans.Concurrency;

namespace Campaigns.CampaignCore;

/// <summary>Stateless front of the campaign projection; scales out with load.</summary>
[StatelessWorker]
public sealed class CampaignCatalogGrain(CampaignProjectionRepository projections) : Grain, ICampaignCatalogGrain
{
    public Task<CampaignPage> List(Guid organizationId, CampaignQuery query) => projections.List(organizationId, query);
}
