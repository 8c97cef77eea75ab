
namespace Campaigns.AbTesting.Statistics;

/// <summary>The chi-square distribution's upper tail.</summary>
public static class ChiSquare
{
    /// <summary>P(X ≥ x) for X ~ χ²(<paramref name="degreesOfFreedom"/>) = Q(k/2, x/2).</summary>
    public static double Survival(double x, int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "At least one degree of freedom.");
        }

        return x <= 0 ? 1 : Gamma.Q(degreesOfFreedom / 2.0, x / 2);
    }
}
