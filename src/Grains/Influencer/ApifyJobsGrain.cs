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

/// <summary>Stateless front of the Apify job queue and limits for the API; scales out with load.</summary>
[StatelessWorker]
public sealed class ApifyJobsGrain(ApifyJobRepository jobs, ApifyLimitRepository limits) : Grain, IApifyJobsGrain
{
    public Task<ApifyJobPage> List(Guid organizationId, ApifyJobQuery query) => jobs.List(organizationId, query);

    public Task<ApifyJob?> Get(Guid organizationId, Guid jobId) => jobs.Get(organizationId, jobId);

    public Task<ApifyJobResult> Retry(Guid organizationId, Guid jobId) => jobs.Retry(organizationId, jobId);

    public Task<ApifyLimits> GetLimits(Guid organizationId) => limits.Get(organizationId);

    public async Task<ApifyLimits> SetLimits(Guid organizationId, ApifyLimitsChange change)
    {
        await limits.Put(organizationId, change);
        // Raising a limit should not leave jobs waiting for the worker's next periodic release.
        await jobs.ReleaseHeld(organizationId);
        return await limits.Get(organizationId);
    }
}
