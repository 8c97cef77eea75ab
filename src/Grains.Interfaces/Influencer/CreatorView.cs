
namespace Campaigns.Influencer;

/// <summary>A creator as callers see it, with every social profile.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CreatorView")]
public sealed record CreatorView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] bool IsActive,
    [property: Id(4)] IReadOnlyList<SocialProfileView> Profiles,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt);

/// <summary>One social profile: declared and verified numbers, and the <c>*_actual</c> the database derives.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.SocialProfileView")]
public sealed record SocialProfileView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Platform,
    [property: Id(2)] string Username,
    [property: Id(3)] long? FollowersDeclared,
    [property: Id(4)] long? FollowersVerified,
    [property: Id(5)] long? FollowersActual,
    [property: Id(6)] decimal? EngagementRateDeclared,
    [property: Id(7)] decimal? EngagementRateVerified,
    [property: Id(8)] decimal? EngagementRateActual,
    [property: Id(9)] IReadOnlyList<string> Niches,
    [property: Id(10)] string? Location,
    [property: Id(11)] string? Bio,
    [property: Id(12)] int? FollowingCount,
    [property: Id(13)] int? PostsCount,
    [property: Id(14)] bool IsVerified,
    [property: Id(15)] DateTimeOffset? LastVerifiedAt,
    [property: Id(16)] DateTimeOffset CreatedAt,
    [property: Id(17)] DateTimeOffset UpdatedAt)
{
    /// <summary>The declared side of this profile, as a starting point for changes.</summary>
    public SocialProfileDraft Declared() =>
        new(Platform, Username, FollowersDeclared, EngagementRateDeclared, Niches, Location, Bio, FollowingCount, PostsCount);
}
