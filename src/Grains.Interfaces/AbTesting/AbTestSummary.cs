using Campaigns.Infrastructure;

namespace Campaigns.AbTesting;

/// <summary>A test as listings show it: without variants or counts.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AbTestSummary")]
public sealed record AbTestSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] string Name,
    [property: Id(3)] AbTestStatus Status,
    [property: Id(4)] AbMetric PrimaryMetric,
    [property: Id(5)] Guid? WinnerVariantId,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? CompletedAt);

/// <summary>Lists a campaign's tests from the <c>ab_tests</c> projection (a grain cannot be enumerated).</summary>
[Alias("campaigns.IAbTestCatalogGrain")]
public interface IAbTestCatalogGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<Page<AbTestSummary>> List(Guid organizationId, Guid campaignId, Guid? after, int limit);
}
