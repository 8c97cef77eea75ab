using Campaigns.AbTesting.Statistics;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.AbTesting;

/// <summary>
/// The special functions against values computed independently with python3 (math.erfc, math.lgamma,
/// statistics.NormalDist.inv_cdf) and, for chi-square, the closed forms of small degrees of freedom.
/// </summary>
public sealed class AbStatisticsTests
{
    private static void Close(double expected, double actual, double relative = 1e-12) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2})");

    [Theory]
    // python3 -c "import math; print(repr(math.erfc(x)))"
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(6.0, 2.1519736712498916e-17)]
    [InlineData(-1.0, 1.842700792949715)]
    [InlineData(1.4142135623730951, 0.04550026389635844)] // erfc(2/√2): the two-sided p of z = 2
    public void Erfc_matches_python(double x, double expected) => Close(expected, Normal.Erfc(x));

    [Fact]
    public void Normal_cdf_and_tails_match_python()
    {
        // 0.5*math.erfc(-1.96/math.sqrt(2))
        Close(0.9750021048517795, Normal.Cdf(1.96));
        // 0.5*math.erfc(8/math.sqrt(2)): a crude 1 - cdf would give 0 here
        Close(6.220960574271819e-16, Normal.Survival(8));
        // math.erfc(2/math.sqrt(2)) = scipy.stats.norm.sf(2)*2
        Close(0.04550026389635844, Normal.TwoSidedP(-2));
        Assert.Equal(1.0, Normal.TwoSidedP(0));
    }

    [Theory]
    // python3 -c "from statistics import NormalDist; print(repr(NormalDist().inv_cdf(p)))"
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.8, 0.8416212335729144)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.999, 3.090232306167813)]
    public void Normal_quantile_matches_python(double p, double expected) => Close(expected, Normal.Quantile(p));

    [Theory]
    // df=1: math.erfc(math.sqrt(x/2)); df=2: math.exp(-x/2);
    // df=3: erfc(sqrt(x/2)) + sqrt(2x/pi)*exp(-x/2); df=4: exp(-x/2)*(1+x/2)
    [InlineData(3.84, 1, 0.05004352124870509)]
    [InlineData(5.0, 2, 0.0820849986238988)]
    [InlineData(7.0, 3, 0.07189777249646513)]
    [InlineData(9.0, 4, 0.061099480960332686)]
    [InlineData(20.0, 2, 4.5399929762484854e-05)]
    public void Chi_square_survival_matches_closed_forms(double x, int df, double expected) =>
        Close(expected, ChiSquare.Survival(x, df));

    [Theory]
    // python3 -c "import math; print(repr(math.lgamma(a)))"
    [InlineData(10.0, 12.801827480081467)]
    [InlineData(0.3, 1.0957979948180752)]
    [InlineData(123.4, 469.3360974421906)]
    public void Log_gamma_matches_python(double a, double expected) => Close(expected, Gamma.LogGamma(a), 1e-13);

    [Fact]
    public void Holm_adjustment_steps_down_and_stays_monotone()
    {
        // By hand: sorted 0.01, 0.03, 0.04 → 3·0.01 = 0.03, 2·0.03 = 0.06, max(0.06, 1·0.04) = 0.06; back in input order.
        var adjusted = HolmBonferroni.Adjust([0.01, 0.04, 0.03]);
        Assert.Equal([0.03, 0.06, 0.06], adjusted.Select(p => Math.Round(p, 15)));
        Assert.Equal([1.0, 1.0], HolmBonferroni.Adjust([0.6, 0.9]));
    }

    [Fact]
    public void Sample_size_matches_the_formula_computed_in_python()
    {
        // python3: za=NormalDist().inv_cdf(0.975); zb=inv_cdf(0.8); m=(p1+p2)/2;
        // (za*sqrt(2m(1-m)) + zb*sqrt(p1(1-p1)+p2(1-p2)))**2/(p2-p1)**2
        // 5 % baseline, +10 % relative → 31233.437940130025; 10 % baseline, +2 points absolute → 3840.847482436276
        var relative = SampleSize.PerVariant(0.05, 0.10, EffectType.Relative, 0.05, 0.8);
        Assert.Equal(31234, relative!.Value.PerVariant);
        Close(0.055, relative.Value.TargetRate);
        Assert.Equal(3841, SampleSize.PerVariant(0.10, 0.02, EffectType.Absolute, 0.05, 0.8)!.Value.PerVariant);
        Assert.Null(SampleSize.PerVariant(0.95, 0.10, EffectType.Absolute, 0.05, 0.8));
    }

    [Fact]
    public void Sample_ratio_check_flags_only_a_real_mismatch()
    {
        // 5000 vs 5200 at 50/50: chi² = 200²/5100·2 = 3.9215686274509802, p = erfc(sqrt(chi²/2)) = 0.04767038065616144
        var mild = SampleRatioCheck.Run([5000, 5200], [50, 50]);
        Close(3.9215686274509802, mild.ChiSquare!.Value);
        Close(0.04767038065616144, mild.PValue!.Value);
        Assert.False(mild.Mismatch);

        // 1000/1100/900 at equal weights: chi² = 20, df = 2, p = exp(-10) = 4.5399929762484854e-05 < 0.001
        var broken = SampleRatioCheck.Run([1000, 1100, 900], [1, 1, 1]);
        Close(4.5399929762484854e-05, broken.PValue!.Value);
        Assert.True(broken.Mismatch);

        var empty = SampleRatioCheck.Run([0, 0], [1, 1]);
        Assert.Null(empty.PValue);
        Assert.Equal("no_impressions", empty.Reason);
    }
}
