namespace Campaigns.AbTesting;

/// <summary>A variant's running totals, derivable at any time from the <c>ab_test_events</c> table.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AbVariantCounts")]
public sealed record AbVariantCounts(
    [property: Id(0)] long Impressions,
    [property: Id(1)] long Clicks,
    [property: Id(2)] long Conversions,
    [property: Id(3)] decimal Revenue)
{
    public static readonly AbVariantCounts Zero = new(0, 0, 0, 0m);
}

/// <summary>A test and its counts per variant id, read together so the statistics see one consistent moment.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AbTestSnapshot")]
public sealed record AbTestSnapshot(
    [property: Id(0)] AbTestView Test,
    [property: Id(1)] IReadOnlyDictionary<Guid, AbVariantCounts> Counts);
