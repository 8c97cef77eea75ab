
namespace Campaigns.Campaigns;

/// <summary>Lists an organization's campaigns from the PostgreSQL projection (a grain cannot be enumerated).</summary>
[Alias("campaigns.ICampaignCatalogGrain")]
public interface ICampaignCatalogGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<CampaignPage> List(Guid organizationId, CampaignQuery query);
}

/// <summary>Filters and keyset position for a campaign listing.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignQuery")]
public sealed record CampaignQuery(
    [property: Id(0)] CampaignStatus? Status,
    [property: Id(1)] CampaignKind? Kind,
    [property: Id(2)] string? Text,
    [property: Id(3)] int Limit,
    [property: Id(4)] Guid? After);

/// <summary>One page of campaigns, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignPage")]
public sealed record CampaignPage(
    [property: Id(0)] IReadOnlyList<CampaignView> Items,
    [property: Id(1)] Guid? NextCursor);
