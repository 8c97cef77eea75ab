namespace Campaigns.Influencer;

/// <summary>Splits a budget in minor units evenly between allocations; what does not divide goes to the first.</summary>
public static class BudgetSplit
{
    public static IReadOnlyList<long> Split(long total, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var share = total / parts;
        var result = Enumerable.Repeat(share, parts).ToArray();
        result[0] += total - share * parts;
        return result;
    }
}
