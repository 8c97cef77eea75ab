using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Influencer;

/// <summary>The API's view of the organization's Apify job queue and limits, kept in PostgreSQL.</summary>
[Alias("campaigns.IApifyJobsGrain")]
public interface IApifyJobsGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<ApifyJobPage> List(Guid organizationId, ApifyJobQuery query);

    [Alias("Get")]
    Task<ApifyJob?> Get(Guid organizationId, Guid jobId);

    /// <summary>A failed job back to pending with its retries reset; any other state is a conflict.</summary>
    [Alias("Retry")]
    Task<ApifyJobResult> Retry(Guid organizationId, Guid jobId);

    [Alias("GetLimits")]
    Task<ApifyLimits> GetLimits(Guid organizationId);

    /// <summary>Replaces the limits and releases the jobs they no longer hold.</summary>
    [Alias("SetLimits")]
    Task<ApifyLimits> SetLimits(Guid organizationId, ApifyLimitsChange change);
}

/// <summary>The answer to a job command: the job on success, otherwise why not.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ApifyJobResult")]
public sealed record ApifyJobResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] ApifyJob? Job = null,
    [property: Id(2)] string? Message = null)
{
    public static ApifyJobResult Ok(ApifyJob job) => new(CommandOutcome.Ok, job);
    public static ApifyJobResult NotFound() => new(CommandOutcome.NotFound, Message: "Apify job not found.");
    public static ApifyJobResult Conflict(string message) => new(CommandOutcome.Conflict, Message: message);
}
