
namespace Campaigns.AbTesting.Statistics;

/// <summary>The standard normal distribution: complementary error function, CDF, two-sided p-values and quantiles.</summary>
public static class Normal
{
    private static readonly double Sqrt2 = Math.Sqrt(2);

    /// <summary>erfc(x) = Q(½, x²) for x ≥ 0 and 2 − erfc(−x) below: accurate in relative terms deep into the tail.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Not a number.");
        }

        return x >= 0 ? Gamma.Q(0.5, x * x) : 1 + Gamma.P(0.5, x * x);
    }

    public static double Cdf(double z) => 0.5 * Erfc(-z / Sqrt2);

    /// <summary>P(Z &gt; z), computed without cancellation for large z.</summary>
    public static double Survival(double z) => 0.5 * Erfc(z / Sqrt2);

    /// <summary>P(|Z| ≥ |z|): <c>2 * (1 - normalCDF(|z|))</c> without rounding to 0 for large |z| (docs/domain/ab-testing.md#significance).</summary>
    public static double TwoSidedP(double z) => Erfc(Math.Abs(z) / Sqrt2);

    /// <summary>The z with Φ(z) = p, for 0 &lt; p &lt; 1.</summary>
    /// <remarks>Acklam's rational approximation (relative error ≈ 1e-9) refined by one Halley step on the accurate CDF.</remarks>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must be strictly between 0 and 1.");
        }

        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;

        double x;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        else if (p <= 1 - low)
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        // Halley's step: e is the CDF's error at x, u the Newton correction it implies.
        var e = (p < 0.5 ? Cdf(x) - p : -(Survival(x) - (1 - p)));
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }
}
