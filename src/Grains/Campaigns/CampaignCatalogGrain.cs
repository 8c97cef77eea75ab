using Campaigns.Audit;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Orleans.Concurrency;

namespace Campaigns.Campaigns;

/// <summary>Stateless front of the campaign projection; scales out with load.</summary>
/// <remarks>
/// Reentrant: it holds no state and only awaits PostgreSQL, so each activation serves any number of
/// calls at once. Without it a stateless worker runs one call at a time per activation, and with at
/// most one activation per core every request needing it queued behind a few database round trips.
/// </remarks>
[StatelessWorker, Reentrant]
public sealed class CampaignCatalogGrain(CampaignProjectionRepository projections) : Grain, ICampaignCatalogGrain
{
    public Task<CampaignPage> List(Guid organizationId, CampaignQuery query) => projections.List(organizationId, query);
}
