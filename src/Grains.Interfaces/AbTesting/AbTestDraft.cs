namespace Campaigns.AbTesting;

/// <summary>A validated request to start an A/B test on a campaign.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AbTestDraft")]
public sealed record AbTestDraft(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<AbVariantDraft> Variants,
    [property: Id(3)] AbMetric PrimaryMetric,
    [property: Id(4)] long MinSampleSize,
    [property: Id(5)] double ConfidenceLevel,
    [property: Id(6)] bool AutoApplyWinner);

/// <param name="ContentJson">The variant's message per platform: a JSON object, kept as its text.</param>
[GenerateSerializer, Immutable, Alias("campaigns.AbVariantDraft")]
public sealed record AbVariantDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] bool IsControl,
    [property: Id(2)] string ContentJson,
    [property: Id(3)] double Weight);
