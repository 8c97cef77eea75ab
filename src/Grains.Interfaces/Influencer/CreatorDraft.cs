
namespace Campaigns.Influencer;

/// <summary>What a caller declares about one social profile; verified numbers come only from scraping.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.SocialProfileDraft")]
public sealed record SocialProfileDraft(
    [property: Id(0)] string Platform,
    [property: Id(1)] string Username,
    [property: Id(2)] long? FollowersDeclared = null,
    [property: Id(3)] decimal? EngagementRateDeclared = null,
    [property: Id(4)] IReadOnlyList<string>? Niches = null,
    [property: Id(5)] string? Location = null,
    [property: Id(6)] string? Bio = null,
    [property: Id(7)] int? FollowingCount = null,
    [property: Id(8)] int? PostsCount = null);

/// <summary>A new creator with at least one social profile.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CreatorDraft")]
public sealed record CreatorDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] bool IsActive,
    [property: Id(3)] IReadOnlyList<SocialProfileDraft> Profiles);
