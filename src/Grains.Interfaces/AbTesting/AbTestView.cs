namespace Campaigns.AbTesting;

/// <summary>An A/B test's configuration and where it stands; the counts are in <see cref="AbTestSnapshot"/>.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AbTestView")]
public sealed record AbTestView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] string Name,
    [property: Id(3)] AbTestStatus Status,
    [property: Id(4)] AbMetric PrimaryMetric,
    [property: Id(5)] long MinSampleSize,
    [property: Id(6)] double ConfidenceLevel,
    [property: Id(7)] bool AutoApplyWinner,
    [property: Id(8)] IReadOnlyList<AbVariantView> Variants,
    [property: Id(9)] Guid? WinnerVariantId,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset? CompletedAt);

[GenerateSerializer, Immutable, Alias("campaigns.AbVariantView")]
public sealed record AbVariantView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] bool IsControl,
    [property: Id(3)] string ContentJson,
    [property: Id(4)] double Weight);
