
namespace Campaigns.AbTesting.Statistics;

/// <summary>
/// A treatment's rate against the control's (docs/domain/ab-testing.md#significance): lift, the unpooled Wald interval of the difference, and the pooled
/// two-proportion z-test. Every quantity is a number or null with <see cref="Reason"/>; never NaN or infinity.
/// </summary>
public sealed record TwoProportionComparison(
    double? AbsoluteLift,
    double? RelativeLift,
    double? ConfidenceIntervalLow,
    double? ConfidenceIntervalHigh,
    double? Z,
    double? PValue,
    string? Reason)
{
    /// <param name="confidenceLevel">The interval's coverage, e.g. 0.95.</param>
    public static TwoProportionComparison Compare(Proportion treatment, Proportion control, double confidenceLevel)
    {
        if (treatment.Trials == 0 || control.Trials == 0)
        {
            return new(null, null, null, null, null, null, "no_impressions");
        }

        if (treatment.Rate is not { } p1 || control.Rate is not { } p2)
        {
            return new(null, null, null, null, null, null, "more_outcomes_than_impressions");
        }

        var diff = p1 - p2;
        var relative = p2 > 0 ? diff / p2 : (double?)null;
        var critical = Normal.Quantile(1 - (1 - confidenceLevel) / 2);
        var unpooled = Math.Sqrt(p1 * (1 - p1) / treatment.Trials + p2 * (1 - p2) / control.Trials);
        var low = diff - critical * unpooled;
        var high = diff + critical * unpooled;

        var pooled = (double)(treatment.Successes + control.Successes) / (treatment.Trials + control.Trials);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / treatment.Trials + 1.0 / control.Trials));
        if (se == 0)
        {
            // Both rates are 0 or both are 1: the data shows no difference at all, so nothing is significant.
            var reason = pooled == 0 ? "no_outcomes" : "all_outcomes";
            return new(diff, relative, low, high, null, 1.0, reason);
        }

        var z = diff / se;
        return new(diff, relative, low, high, z, Normal.TwoSidedP(z), relative is null ? "control_rate_is_zero" : null);
    }
}
