
namespace Campaigns.AbTesting.Statistics;

/// <summary>Holm's step-down adjustment of p-values for several comparisons against one control.</summary>
public static class HolmBonferroni
{
    /// <summary>Adjusted p-values in the input order: the k-th smallest is max over j ≤ k of min(1, (m − j + 1)·p(j)).</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = order[rank];
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }

        return adjusted;
    }
}
