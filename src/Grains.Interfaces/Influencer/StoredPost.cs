
namespace Campaigns.Influencer;

/// <summary>A scraped post as stored: its <c>posts</c> row id and what the actor reported.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.StoredPost")]
public sealed record StoredPost(
    [property: Id(0)] Guid Id,
    [property: Id(1)] ScrapedPost Post);
