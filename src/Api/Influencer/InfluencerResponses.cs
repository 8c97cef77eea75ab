using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Influencer;

/// <summary>Body of <c>POST /api/campaigns/{id}/activate</c>; optional, one creator by default.</summary>
public sealed record ActivateCampaignRequest(int? MaxCreators);

/// <summary>Body of <c>POST …/allocations/{allocationId}/decline</c>; optional.</summary>
public sealed record DeclineAllocationRequest(string? Reason);

/// <summary>The seed's activation answer: the campaign, its (first) allocation, and all of them when several were asked for.</summary>
public sealed record ActivationResponse(CampaignView Campaign, AllocationView Allocation, IReadOnlyList<AllocationView> Allocations);

/// <summary>A decline's answer: the declined allocation and the one that took its budget (null when no creator was left).</summary>
public sealed record DeclineResponse(AllocationView Declined, AllocationView? Replacement, string? Message);

/// <summary>A queued scrape: the job, and whether this request queued it (false: one was already waiting).</summary>
public sealed record RefreshResponse(ApifyJobResponse Job, bool Queued);

/// <summary>The seed's stage-6 metrics answer, with what "0 conversions" means spelled out.</summary>
public sealed record AllocationMetricsResponse(
    Guid AllocationId,
    AllocationStatus Status,
    long Reach,
    long Engagement,
    long Conversions,
    double Ctr,
    double AvgEngagementRate,
    int PostsCount,
    DateTimeOffset? LastCollectedAt,
    bool ConversionsTracked,
    string MetricsNote,
    IReadOnlyList<MetricsPostResponse> Posts,
    string? PostsNextCursor)
{
    public const string NotTrackedNote =
        "conversions and ctr stay 0 until click and conversion tracking exists; reach, engagement and " +
        "avg_engagement_rate count the posts that are campaign content (matched automatically and not rejected, or confirmed).";

    public static AllocationMetricsResponse From(AllocationView a, Page<AllocationPost> posts) => new(
        a.Id, a.Status, a.Reach, a.Engagement, a.Conversions, a.Ctr, a.AvgEngagementRate, a.PostsCount, a.LastCollectedAt,
        ConversionsTracked: false, NotTrackedNote,
        posts.Items.Select(MetricsPostResponse.From).ToList(), Paging.Format(posts.NextCursor));
}

/// <summary>One post in the metrics answer, in the seed's shape.</summary>
/// <param name="Id">The detection id that <c>/api/posts/{id}/confirm</c> and <c>/reject</c> take.</param>
public sealed record MetricsPostResponse(
    Guid Id, Guid PostId, string? Url, long? Likes, long? Comments, long? Shares, double? EngagementRate,
    bool IsCampaignContent, double CampaignMatchConfidence, PostDecision Decision)
{
    public static MetricsPostResponse From(AllocationPost p) => new(
        p.Id, p.PostId, p.Post.Url, p.Post.Likes, p.Post.Comments, p.Post.Shares, p.Post.EngagementRate,
        p.Counts, p.Confidence, p.Decision);
}

/// <summary>One post of an allocation: what was scraped, what matching concluded, what a person decided.</summary>
/// <param name="Id">The detection id that <c>/api/posts/{id}/confirm</c> and <c>/reject</c> take.</param>
/// <param name="IsCampaignContent">Whether the metrics count it: confirmed, or matched automatically and not decided.</param>
public sealed record AllocationPostResponse(
    Guid Id, Guid PostId, SocialPlatform Platform, string PlatformPostId, string? Url, string? AuthorUsername,
    string? Title, string? Text, IReadOnlyList<string> Hashtags, IReadOnlyList<string> Mentions, IReadOnlyList<string> Links,
    DateTimeOffset? PublishedAt, long? Likes, long? Comments, long? Shares, long? Views, long? Reach, double? EngagementRate,
    bool IsCampaignContent, double CampaignMatchConfidence, bool AutoMatched, MatchVerdict? Verdict, string? Reason,
    IReadOnlyList<MatchedSignal> Signals, IReadOnlyList<string> MissingRequired, PostDetection Detection, PostDecision Decision,
    Guid? DecidedBy, DateTimeOffset? DecidedAt, DateTimeOffset FirstSeenAt, DateTimeOffset LastScrapedAt)
{
    public static AllocationPostResponse From(AllocationPost p) => new(
        p.Id, p.PostId, p.Post.Platform, p.Post.PlatformPostId, p.Post.Url, p.Post.AuthorUsername, p.Post.Title, p.Post.Text,
        p.Post.Hashtags, p.Post.Mentions, p.Post.Links, p.Post.PostedAt, p.Post.Likes, p.Post.Comments, p.Post.Shares,
        p.Post.Views, p.Post.Reach, p.Post.EngagementRate, p.Counts, p.Confidence, p.AutoMatched, p.Verdict, p.Reason,
        p.Signals, p.MissingRequired, p.Detection, p.Decision, p.DecidedBy, p.DecidedAt, p.FirstSeenAt, p.LastScrapedAt);
}
