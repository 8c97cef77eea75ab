
namespace Campaigns.AbTesting.Statistics;

/// <summary>
/// Sample-ratio mismatch: a chi-square goodness-of-fit test of the impressions each variant got against its traffic
/// weight. A tiny p-value means assignment or tracking is broken, so the test's other numbers cannot be trusted.
/// </summary>
public sealed record SampleRatioCheck(double? ChiSquare, int DegreesOfFreedom, double? PValue, bool Mismatch, string? Reason)
{
    public const double Threshold = 0.001;

    public static SampleRatioCheck Run(IReadOnlyList<long> observed, IReadOnlyList<double> weights)
    {
        var df = observed.Count - 1;
        var total = observed.Sum();
        if (total == 0)
        {
            return new(null, df, null, false, "no_impressions");
        }

        var weightSum = weights.Sum();
        var statistic = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = total * weights[i] / weightSum;
            var gap = observed[i] - expected;
            statistic += gap * gap / expected;
        }

        var p = Statistics.ChiSquare.Survival(statistic, df);
        return new(statistic, df, p, p < Threshold, null);
    }
}
