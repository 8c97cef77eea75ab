using Campaigns.AbTesting.Statistics;

namespace Campaigns.AbTesting;

/// <summary>Turns a test's counts into its <see cref="AbTestReport"/>; pure, so the API and the grain agree.</summary>
public static class AbTestAnalysis
{
    public static AbTestReport Analyze(AbTestSnapshot snapshot)
    {
        var test = snapshot.Test;
        var counts = test.Variants.Select(v => snapshot.Counts.GetValueOrDefault(v.Id, AbVariantCounts.Zero)).ToList();
        var control = test.Variants.First(v => v.IsControl);
        var controlCounts = counts[IndexOf(test, control.Id)];
        var controlOutcome = Outcome(controlCounts, test.PrimaryMetric);

        var comparisons = test.Variants
            .Select((v, i) => v.IsControl ? null : TwoProportionComparison.Compare(Outcome(counts[i], test.PrimaryMetric), controlOutcome, test.ConfidenceLevel))
            .ToList();
        var treatments = comparisons.Count(c => c is not null);
        var multiple = treatments > 1;
        var adjusted = AdjustedPValues(comparisons, multiple);
        var alpha = 1 - test.ConfidenceLevel;

        var variants = test.Variants.Select((v, i) =>
        {
            var c = counts[i];
            var comparison = comparisons[i] is { } raw
                ? new ComparisonReport(
                    raw.AbsoluteLift,
                    raw.RelativeLift,
                    raw is { ConfidenceIntervalLow: { } low, ConfidenceIntervalHigh: { } high } ? new ConfidenceInterval(low, high, test.ConfidenceLevel) : null,
                    raw.Z,
                    raw.PValue,
                    adjusted[i],
                    adjusted[i] is { } p && p < alpha,
                    raw.Reason)
                : null;
            return new VariantReport(
                v.Id, v.Name, v.IsControl, v.Weight, c.Impressions, c.Clicks, c.Conversions, c.Revenue,
                Outcome(c, test.PrimaryMetric).Rate,
                new Proportion(c.Clicks, c.Impressions).Rate,
                new Proportion(c.Conversions, c.Impressions).Rate,
                SampleMinimums.Of(c, test.PrimaryMetric, test.MinSampleSize),
                comparison);
        }).ToList();

        var srm = SampleRatioCheck.Run(counts.Select(c => c.Impressions).ToList(), test.Variants.Select(v => v.Weight).ToList());
        return new AbTestReport(test.Id, test.Status, test.PrimaryMetric, test.ConfidenceLevel, multiple, variants, srm, test.WinnerVariantId);
    }

    private static Proportion Outcome(AbVariantCounts counts, AbMetric metric) =>
        new(metric == AbMetric.ClickThroughRate ? counts.Clicks : counts.Conversions, counts.Impressions);

    private static int IndexOf(AbTestView test, Guid variantId)
    {
        for (var i = 0; i < test.Variants.Count; i++)
        {
            if (test.Variants[i].Id == variantId)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Variant {variantId} is not in test {test.Id}.");
    }

    /// <summary>Raw p-values with one treatment; Holm-adjusted over the treatments that have one otherwise.</summary>
    private static double?[] AdjustedPValues(IReadOnlyList<TwoProportionComparison?> comparisons, bool multiple)
    {
        var result = comparisons.Select(c => c?.PValue).ToArray();
        if (!multiple)
        {
            return result;
        }

        var present = Enumerable.Range(0, result.Length).Where(i => result[i] is not null).ToList();
        var adjusted = HolmBonferroni.Adjust(present.Select(i => result[i]!.Value).ToList());
        for (var k = 0; k < present.Count; k++)
        {
            result[present[k]] = adjusted[k];
        }

        return result;
    }
}
