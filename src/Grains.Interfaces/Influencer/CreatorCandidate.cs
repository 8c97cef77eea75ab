
namespace Campaigns.Influencer;

/// <summary>The seed's stage-2 selection criteria for an influencer campaign.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CandidateCriteria")]
public sealed record CandidateCriteria(
    [property: Id(0)] IReadOnlyList<string> Platforms,
    [property: Id(1)] AudienceSize? AudienceSize,
    [property: Id(2)] string? Location,
    [property: Id(3)] IReadOnlyList<Guid> ExcludedCreatorIds,
    [property: Id(4)] int Limit);

/// <summary>A creator that matches, through its best-ranked matching profile.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CreatorCandidate")]
public sealed record CreatorCandidate(
    [property: Id(0)] Guid SocialProfileId,
    [property: Id(1)] Guid CreatorId,
    [property: Id(2)] string Platform,
    [property: Id(3)] string Username,
    [property: Id(4)] long FollowersActual,
    [property: Id(5)] decimal? EngagementRateActual,
    [property: Id(6)] bool FollowersVerified,
    [property: Id(7)] List<string> Niches,
    [property: Id(8)] string? Location);
