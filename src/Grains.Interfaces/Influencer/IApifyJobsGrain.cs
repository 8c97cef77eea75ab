using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Influencer;

/// <summary>The API's view of the organization's Apify job queue and limits, kept in PostgreSQL.</summary>
[Alias("campaigns.IApifyJobsGrain")]
public interface IApifyJobsGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<Page<ApifyJob>> List(Guid organizationId, ApifyJobQuery query);

    [Alias("Get")]
    Task<CommandResult<ApifyJob>> Get(Guid organizationId, Guid jobId);

    /// <summary>A failed job back to pending with its retries reset; any other state is a conflict.</summary>
    [Alias("Retry")]
    Task<CommandResult<ApifyJob>> Retry(Guid organizationId, Guid jobId);

    [Alias("GetLimits")]
    Task<ApifyLimits> GetLimits(Guid organizationId);

    /// <summary>Replaces the limits and releases the jobs they no longer hold.</summary>
    [Alias("SetLimits")]
    Task<ApifyLimits> SetLimits(Guid organizationId, ApifyLimitsChange change);
}
