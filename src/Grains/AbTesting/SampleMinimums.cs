
namespace Campaigns.AbTesting;

/// <summary>
/// The minimum sample per variant (docs/domain/ab-testing.md#minimum-sample: 1,000 impressions, 100 clicks, 30 conversions) together with the test's own
/// <c>min_sample_size</c>, read as impressions per variant: the larger of the two impression minimums applies.
/// </summary>
/// <remarks>
/// A variant has "reached" its sample when it has the impressions and the outcomes of the primary metric (clicks for
/// click-through rate, conversions for conversion rate); the other outcome is reported but does not block a winner,
/// because a test of conversions need not track clicks at all.
/// </remarks>
public static class SampleMinimums
{
    public const long Impressions = 1_000;
    public const long Clicks = 100;
    public const long Conversions = 30;

    public static SampleProgress Of(AbVariantCounts counts, AbMetric metric, long testMinimum)
    {
        var impressions = new Requirement(Math.Max(Impressions, testMinimum), counts.Impressions);
        var clicks = new Requirement(Clicks, counts.Clicks);
        var conversions = new Requirement(Conversions, counts.Conversions);
        var outcome = metric == AbMetric.ClickThroughRate ? clicks : conversions;
        return new SampleProgress(impressions, clicks, conversions, impressions.Met && outcome.Met);
    }
}

public sealed record Requirement(long Required, long Actual)
{
    public bool Met => Actual >= Required;
}

public sealed record SampleProgress(Requirement Impressions, Requirement Clicks, Requirement Conversions, bool Reached);
