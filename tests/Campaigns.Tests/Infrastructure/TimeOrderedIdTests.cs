using Campaigns.Infrastructure;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Infrastructure;

public sealed class TimeOrderedIdTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static long MillisecondsOf(Guid id) =>
        (long)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(id.ToByteArray(bigEndian: true)) >> 16);

    private static void AssertStrictlyAscending(IReadOnlyList<Guid> ids)
    {
        for (var i = 1; i < ids.Count; i++)
        {
            // Big-endian bytes are how PostgreSQL's uuid type compares.
            Assert.True(ids[i - 1].ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(ids[i].ToByteArray(bigEndian: true)) < 0,
                $"id {i} ({ids[i]}) does not sort after id {i - 1} ({ids[i - 1]})");
            Assert.True(ids[i - 1].CompareTo(ids[i]) < 0);
        }
    }

    [Fact]
    public void Ids_made_in_one_millisecond_sort_in_the_order_they_were_made()
    {
        var ids = new TimeOrderedId(new ManualClock(Start));
        var made = Enumerable.Range(0, 1000).Select(_ => ids.Next()).ToList();

        AssertStrictlyAscending(made);
        Assert.All(made, id => Assert.Equal(Start.ToUnixTimeMilliseconds(), MillisecondsOf(id)));
    }

    [Fact]
    public void A_millisecond_that_runs_out_of_counter_borrows_the_next_and_stays_ordered()
    {
        var clock = new ManualClock(Start);
        var ids = new TimeOrderedId(clock);
        var made = Enumerable.Range(0, 5000).Select(_ => ids.Next()).ToList();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        made.Add(ids.Next());

        AssertStrictlyAscending(made);
        Assert.True(MillisecondsOf(made[^2]) > Start.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void A_clock_that_steps_back_does_not_reorder_ids()
    {
        var clock = new ManualClock(Start);
        var ids = new TimeOrderedId(clock);
        var first = ids.Next();
        clock.Advance(TimeSpan.FromSeconds(-5));
        var second = ids.Next();

        AssertStrictlyAscending([first, second]);
    }

    [Fact]
    public void Ids_are_version_7_with_the_rfc_variant_and_random_tails()
    {
        var ids = new TimeOrderedId(new ManualClock(Start));
        var made = Enumerable.Range(0, 100).Select(_ => ids.Next()).ToList();

        Assert.All(made, id => Assert.Equal(7, id.Version));
        Assert.All(made, id => Assert.Equal(0b10, id.Variant >> 2));
        Assert.Equal(100, made.Select(id => Convert.ToHexString(id.ToByteArray(bigEndian: true)[9..])).Distinct().Count());
    }

    [Fact]
    public void The_process_generator_orders_ids_made_back_to_back()
    {
        var made = Enumerable.Range(0, 10_000).Select(_ => TimeOrderedId.New()).ToList();
        AssertStrictlyAscending(made);
    }
}
