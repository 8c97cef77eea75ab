using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Orleans.Concurrency;

namespace Campaigns.AbTesting;

/// <summary>Reads of the <c>ab_tests</c> projection; stateless, so every silo answers locally.</summary>
[StatelessWorker]
public sealed class AbTestCatalogGrain(AbTestRepository tests) : Grain, IAbTestCatalogGrain
{
    public Task<Page<AbTestSummary>> List(Guid organizationId, Guid campaignId, Guid? after, int limit) =>
        tests.List(organizationId, campaignId, after, limit);
}
