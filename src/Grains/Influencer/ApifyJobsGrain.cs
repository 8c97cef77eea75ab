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
    private const string NotFound = "Apify job not found.";

    public Task<Page<ApifyJob>> List(Guid organizationId, ApifyJobQuery query) => jobs.List(organizationId, query);

    public async Task<CommandResult<ApifyJob>> Get(Guid organizationId, Guid jobId) =>
        await jobs.Get(organizationId, jobId) is { } job ? CommandResult.Ok(job) : CommandResult<ApifyJob>.NotFound(NotFound);

    public async Task<CommandResult<ApifyJob>> Retry(Guid organizationId, Guid jobId) =>
        await jobs.Retry(organizationId, jobId) switch
        {
            { Job: { } job } => CommandResult.Ok(job),
            { RefusedStatus: { } status } => CommandResult<ApifyJob>.Conflict($"Only a failed job can be retried; this one is {DbNames.Of(status)}."),
            _ => CommandResult<ApifyJob>.NotFound(NotFound),
        };

    public Task<ApifyLimits> GetLimits(Guid organizationId) => limits.Get(organizationId);

    public async Task<ApifyLimits> SetLimits(Guid organizationId, ApifyLimitsChange change)
    {
        await limits.Put(organizationId, change);
        // Raising a limit should not leave jobs waiting for the worker's next periodic release.
        await jobs.ReleaseHeld(organizationId);
        return await limits.Get(organizationId);
    }
}
