
namespace Campaigns.Influencer;

/// <summary>A social-profile field a caller may change.</summary>
[GenerateSerializer, Alias("campaigns.ProfileField")]
public enum ProfileField
{
    Platform = 0,
    Username = 1,
    FollowersDeclared = 2,
    EngagementRateDeclared = 3,
    Niches = 4,
    Location = 5,
    Bio = 6,
    FollowingCount = 7,
    PostsCount = 8,
}

/// <summary>
/// A partial update of one profile: only the <see cref="Fields"/> named are taken from <see cref="Values"/>
/// (where null clears), because a null value alone cannot tell "clear" from "unchanged".
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.ProfileChanges")]
public sealed record ProfileChanges(
    [property: Id(0)] Guid ProfileId,
    [property: Id(1)] SocialProfileDraft Values,
    [property: Id(2)] IReadOnlySet<ProfileField> Fields);

/// <summary>A partial update of a creator: null members are unchanged; profiles are changed by id or added.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CreatorChanges")]
public sealed record CreatorChanges
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Email { get; init; }
    [Id(2)] public bool ClearEmail { get; init; }
    [Id(3)] public bool? IsActive { get; init; }
    [Id(4)] public IReadOnlyList<ProfileChanges> ProfileChanges { get; init; } = [];
    [Id(5)] public IReadOnlyList<SocialProfileDraft> NewProfiles { get; init; } = [];
}
