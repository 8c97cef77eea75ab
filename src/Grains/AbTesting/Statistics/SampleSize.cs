
namespace Campaigns.AbTesting.Statistics;

/// <summary>How the minimum detectable effect is expressed.</summary>
public enum EffectType
{
    /// <summary>A fraction of the baseline rate: 0.10 on a 5 % baseline is 5 % → 5.5 %.</summary>
    Relative,

    /// <summary>Rate points: 0.01 on a 5 % baseline is 5 % → 6 %.</summary>
    Absolute,
}

/// <summary>
/// Subjects needed per variant to detect a change from rate p₁ to p₂ with a two-sided two-proportion z-test:
/// n = (z₁₋α/₂·√(2·p̄·(1 − p̄)) + z₁₋β·√(p₁(1 − p₁) + p₂(1 − p₂)))² / (p₂ − p₁)², p̄ = (p₁ + p₂)/2, rounded up
/// (Fleiss, Statistical Methods for Rates and Proportions, without continuity correction).
/// </summary>
public static class SampleSize
{
    /// <returns>The target rate p₂ and n per variant; null when p₂ falls outside (0, 1) or equals p₁.</returns>
    public static (double TargetRate, long PerVariant)? PerVariant(double baseline, double effect, EffectType type, double alpha, double power)
    {
        var p1 = baseline;
        var p2 = type == EffectType.Relative ? baseline * (1 + effect) : baseline + effect;
        if (!(p2 > 0 && p2 < 1) || p2 == p1)
        {
            return null;
        }

        var za = Normal.Quantile(1 - alpha / 2);
        var zb = Normal.Quantile(power);
        var mean = (p1 + p2) / 2;
        var root = za * Math.Sqrt(2 * mean * (1 - mean)) + zb * Math.Sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        var n = root * root / ((p2 - p1) * (p2 - p1));
        // Rounding noise must not push an exact whole number up by one.
        return (p2, (long)Math.Ceiling(n - 1e-9));
    }
}
