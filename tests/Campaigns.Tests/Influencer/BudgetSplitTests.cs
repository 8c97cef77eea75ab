using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

public sealed class BudgetSplitTests
{
    [Fact]
    public void An_even_budget_splits_into_equal_parts() =>
        Assert.Equal([25_000L, 25_000, 25_000, 25_000], BudgetSplit.Split(100_000, 4));

    [Fact]
    public void The_remainder_goes_to_the_first_part() =>
        Assert.Equal([3_334L, 3_333, 3_333], BudgetSplit.Split(10_000, 3));

    [Fact]
    public void One_part_takes_the_whole_budget() =>
        Assert.Equal([99_999L], BudgetSplit.Split(99_999, 1));

    [Fact]
    public void More_parts_than_minor_units_leave_the_later_parts_empty() =>
        Assert.Equal([2L, 0, 0, 0, 0], BudgetSplit.Split(2, 5));

    [Fact]
    public void A_zero_budget_splits_into_zeros() =>
        Assert.Equal([0L, 0], BudgetSplit.Split(0, 2));

    [Theory]
    [InlineData(1L, 1)]
    [InlineData(7L, 2)]
    [InlineData(1_000_001L, 7)]
    [InlineData(123_456_789L, 1_000)]
    [InlineData(long.MaxValue, 3)]
    public void Parts_always_add_up_to_the_total_and_differ_only_by_the_remainder(long total, int parts)
    {
        var split = BudgetSplit.Split(total, parts);

        Assert.Equal(parts, split.Count);
        Assert.Equal(total, split.Aggregate(0L, (sum, part) => checked(sum + part)));
        Assert.All(split.Skip(1), part => Assert.Equal(total / parts, part));
        Assert.Equal(total / parts + total % parts, split[0]);
    }

    [Fact]
    public void Needs_at_least_one_part_and_a_budget_that_is_not_negative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetSplit.Split(100, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetSplit.Split(-1, 2));
    }
}
