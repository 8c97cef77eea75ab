
namespace Campaigns.Influencer;

/// <summary>
/// An influencer campaign's budget shared among its creators: evenly in minor units, with the remainder going to the
/// first part (docs/domain/influencer.md#budget-split). Minor units keep the parts whole so they always add back up to the budget exactly.
/// </summary>
public static class BudgetSplit
{
    public static IReadOnlyList<long> Split(long total, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var share = total / parts;
        var split = new long[parts];
        Array.Fill(split, share);
        split[0] += total % parts;
        return split;
    }
}
