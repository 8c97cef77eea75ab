
namespace Campaigns.Influencer;

/// <summary>
/// One post as an allocation sees it: the scraped post, what automatic matching concluded, and what a person decided.
/// </summary>
/// <param name="Id">The detection's id (a <c>campaign_posts</c> row); decisions are made on it.</param>
/// <param name="AutoMatched">Automatic matching's verdict was <see cref="MatchVerdict.Matched"/>.</param>
/// <param name="Verdict">Null when a person added the post and matching has not evaluated it yet.</param>
/// <param name="Counts">Whether the allocation's metrics count the post: confirmed, or auto-matched and undecided.</param>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationPost")]
public sealed record AllocationPost(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid PostId,
    [property: Id(2)] ScrapedPost Post,
    [property: Id(3)] double Confidence,
    [property: Id(4)] bool AutoMatched,
    [property: Id(5)] MatchVerdict? Verdict,
    [property: Id(6)] string? Reason,
    [property: Id(7)] IReadOnlyList<MatchedSignal> Signals,
    [property: Id(8)] IReadOnlyList<string> MissingRequired,
    [property: Id(9)] PostDetection Detection,
    [property: Id(10)] PostDecision Decision,
    [property: Id(11)] Guid? DecidedBy,
    [property: Id(12)] DateTimeOffset? DecidedAt,
    [property: Id(13)] DateTimeOffset FirstSeenAt,
    [property: Id(14)] DateTimeOffset LastScrapedAt)
{
    public bool Counts => Decision == PostDecision.Confirmed || (Decision == PostDecision.Pending && AutoMatched);
}

/// <summary>Who put the post on the allocation's list: automatic matching, or a person.</summary>
[GenerateSerializer, Alias("campaigns.PostDetection")]
public enum PostDetection
{
    Auto = 0,
    Manual = 1,
}

/// <summary>A person's call on a detection; automatic matching never changes it.</summary>
[GenerateSerializer, Alias("campaigns.PostDecision")]
public enum PostDecision
{
    Pending = 0,
    Confirmed = 1,
    Rejected = 2,
}
