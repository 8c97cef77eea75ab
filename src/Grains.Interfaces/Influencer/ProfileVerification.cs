
namespace Campaigns.Influencer;

/// <summary>What a profile scrape found (seed stage 3): the verified side of a social profile.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ProfileVerification")]
public sealed record ProfileVerification(
    [property: Id(0)] long? Followers,
    [property: Id(1)] decimal? EngagementRate,
    [property: Id(2)] int? FollowingCount,
    [property: Id(3)] int? PostsCount,
    [property: Id(4)] string? Bio,
    [property: Id(5)] bool IsVerified,
    [property: Id(6)] DateTimeOffset VerifiedAt);
