using Campaigns.AbTesting.Statistics;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.AbTesting;

public sealed class TwoProportionComparisonTests
{
    private static void Close(double expected, double? actual) =>
        Assert.True(actual is { } a && Math.Abs(expected - a) <= 1e-12 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Treatment_against_control_matches_the_seed_formula_computed_in_python()
    {
        // 130/1000 against 100/1000. python3: P=(230/2000); se=sqrt(P(1-P)(2/1000)); z=0.03/se = 2.102740605622114;
        // p = math.erfc(z/math.sqrt(2)) = 0.03548845046647473; Wald: 0.03 ∓ NormalDist().inv_cdf(0.975)*sqrt(.13*.87/1000+.1*.9/1000)
        // = [0.0020679344393763725, 0.05793206556062362]; relative lift 0.03/0.1 = 0.3
        var c = TwoProportionComparison.Compare(new Proportion(130, 1000), new Proportion(100, 1000), 0.95);
        Close(0.03, c.AbsoluteLift);
        Close(0.3, c.RelativeLift);
        Close(2.102740605622114, c.Z);
        Close(0.03548845046647473, c.PValue);
        Close(0.0020679344393763725, c.ConfidenceIntervalLow);
        Close(0.05793206556062362, c.ConfidenceIntervalHigh);
        Assert.Null(c.Reason);
    }

    [Fact]
    public void Degenerate_data_gives_defined_answers_with_a_reason()
    {
        var noImpressions = TwoProportionComparison.Compare(new Proportion(0, 0), new Proportion(5, 100), 0.95);
        Assert.Equal("no_impressions", noImpressions.Reason);
        Assert.Null(noImpressions.PValue);

        var noConversions = TwoProportionComparison.Compare(new Proportion(0, 500), new Proportion(0, 500), 0.95);
        Assert.Equal("no_outcomes", noConversions.Reason);
        Assert.Equal(1.0, noConversions.PValue);
        Assert.Null(noConversions.Z);
        Assert.Null(noConversions.RelativeLift);
        Assert.Equal(0.0, noConversions.AbsoluteLift);

        var allConverted = TwoProportionComparison.Compare(new Proportion(50, 50), new Proportion(80, 80), 0.95);
        Assert.Equal("all_outcomes", allConverted.Reason);
        Assert.Equal(1.0, allConverted.PValue);

        var zeroControl = TwoProportionComparison.Compare(new Proportion(10, 500), new Proportion(0, 500), 0.95);
        Assert.Null(zeroControl.RelativeLift);
        Assert.Equal("control_rate_is_zero", zeroControl.Reason);
        Assert.True(zeroControl.PValue is > 0 and < 0.01);

        var impossible = TwoProportionComparison.Compare(new Proportion(20, 10), new Proportion(1, 10), 0.95);
        Assert.Equal("more_outcomes_than_impressions", impossible.Reason);

        foreach (var c in new[] { noImpressions, noConversions, allConverted, zeroControl, impossible })
        {
            foreach (var value in new[] { c.AbsoluteLift, c.RelativeLift, c.ConfidenceIntervalLow, c.ConfidenceIntervalHigh, c.Z, c.PValue })
            {
                Assert.True(value is null || double.IsFinite(value.Value), $"{c} has a non-finite number");
            }
        }
    }
}
