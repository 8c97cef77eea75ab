
namespace Campaigns.Influencer;

/// <summary>
/// A creator's social profile as an Apify actor reported it: what a profile scrape writes into the verified columns
/// of <c>creator_social_profiles</c>. Unknown values are null.
/// </summary>
/// <param name="EngagementRate">
/// A ratio: the mean engagement rate of the recent posts the actor returned with the profile; null without such posts.
/// </param>
[GenerateSerializer, Immutable, Alias("campaigns.ScrapedProfile")]
public sealed record ScrapedProfile(
    [property: Id(0)] SocialPlatform Platform,
    [property: Id(1)] string Username,
    [property: Id(2)] string? FullName,
    [property: Id(3)] long? FollowersCount,
    [property: Id(4)] long? FollowsCount,
    [property: Id(5)] long? PostsCount,
    [property: Id(6)] string? Biography,
    [property: Id(7)] bool? Verified,
    [property: Id(8)] double? EngagementRate,
    [property: Id(9)] string? ProfileUrl);
