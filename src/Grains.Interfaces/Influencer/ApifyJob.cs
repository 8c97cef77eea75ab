
namespace Campaigns.Influencer;

/// <summary>What an Apify job scrapes: a creator's profile counters, or their posts.</summary>
[GenerateSerializer, Alias("campaigns.ApifyJobType")]
public enum ApifyJobType
{
    ProfileScrape = 0,
    PostsScrape = 1,
}

/// <summary>Where a job is in the queue; <see cref="Held"/> waits for a limit (or a missing token) with a reason.</summary>
[GenerateSerializer, Alias("campaigns.ApifyJobStatus")]
public enum ApifyJobStatus
{
    Pending = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
    Held = 4,
}

/// <summary>One row of <c>apify_jobs_queue</c>. Input and result are JSON documents as text.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ApifyJob")]
public sealed record ApifyJob(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] ApifyJobType JobType,
    [property: Id(3)] SocialPlatform Platform,
    [property: Id(4)] string Target,
    [property: Id(5)] string Input,
    [property: Id(6)] int Priority,
    [property: Id(7)] ApifyJobStatus Status,
    [property: Id(8)] string? HeldReason,
    [property: Id(9)] int RetryCount,
    [property: Id(10)] int MaxRetries,
    [property: Id(11)] string? ErrorMessage,
    [property: Id(12)] string? ResultData,
    [property: Id(13)] int EstimatedCost,
    [property: Id(14)] decimal? CostUsd,
    [property: Id(15)] Guid? AllocationId,
    [property: Id(16)] Guid? CampaignId,
    [property: Id(17)] Guid? CreatorProfileId,
    [property: Id(18)] DateTimeOffset ScheduledAt,
    [property: Id(19)] DateTimeOffset? StartedAt,
    [property: Id(20)] DateTimeOffset? CompletedAt,
    [property: Id(21)] DateTimeOffset CreatedAt);

/// <summary>A job to queue. <see cref="Input"/> is the actor input as a JSON object (the seed's <c>parameters</c>).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ApifyJobDraft")]
public sealed record ApifyJobDraft(
    [property: Id(0)] ApifyJobType JobType,
    [property: Id(1)] SocialPlatform Platform,
    [property: Id(2)] string Target,
    [property: Id(3)] string Input,
    [property: Id(4)] int Priority,
    [property: Id(5)] Guid? AllocationId = null,
    [property: Id(6)] Guid? CampaignId = null,
    [property: Id(7)] Guid? CreatorProfileId = null,
    [property: Id(8)] int MaxRetries = 3);

/// <summary>Filters of a job listing, newest first, keyset-paginated after <see cref="After"/>.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ApifyJobQuery")]
public sealed record ApifyJobQuery(
    [property: Id(0)] ApifyJobStatus? Status,
    [property: Id(1)] ApifyJobType? JobType,
    [property: Id(2)] Guid? AllocationId,
    [property: Id(3)] Guid? CampaignId,
    [property: Id(4)] int Limit,
    [property: Id(5)] Guid? After);
