using Campaigns.Outreach;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Outreach;

/// <summary>One sending account's pacing: spacing by send_delay_seconds, a daily cap per UTC day that carries over, 429 holds.</summary>
public sealed class SendPacingTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void First_slot_is_now_and_later_ones_are_spaced_by_the_delay()
    {
        var clock = new ManualClock(Noon);
        var pacing = new SendPacing(clock, dailyCap: 100);

        var slots = Enumerable.Range(0, 3).Select(_ => pacing.Reserve(Noon, sendDelaySeconds: 60)).ToList();

        Assert.All(slots, s => Assert.Equal(SendSlotKind.Granted, s.Kind));
        Assert.Equal([Noon, Noon.AddSeconds(60), Noon.AddSeconds(120)], slots.Select(s => s.At));
    }

    [Fact]
    public void A_slot_is_never_before_the_callers_earliest_nor_in_the_past()
    {
        var clock = new ManualClock(Noon);
        var pacing = new SendPacing(clock, dailyCap: 100);

        Assert.Equal(Noon.AddMinutes(5), pacing.Reserve(Noon.AddMinutes(5), 0).At);
        Assert.Equal(Noon.AddMinutes(5), pacing.Reserve(Noon.AddHours(-1), 0).At);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Noon.AddHours(1), pacing.Reserve(Noon, 0).At);
    }

    [Fact]
    public void Spacing_has_passed_once_the_clock_moves_beyond_it()
    {
        var clock = new ManualClock(Noon);
        var pacing = new SendPacing(clock, dailyCap: 100);
        pacing.Reserve(Noon, 30);

        clock.Advance(TimeSpan.FromSeconds(45));

        Assert.Equal(Noon.AddSeconds(45), pacing.Reserve(Noon, 30).At);
    }

    [Fact]
    public void Daily_cap_carries_to_the_start_of_the_next_UTC_day()
    {
        var clock = new ManualClock(Noon);
        var pacing = new SendPacing(clock, dailyCap: 2);
        pacing.Reserve(Noon, 0);
        pacing.Reserve(Noon, 0);

        var capped = pacing.Reserve(Noon, 0);

        Assert.Equal(SendSlotKind.DailyCapReached, capped.Kind);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), capped.At);
        var tomorrow = pacing.Reserve(capped.At, 0);
        Assert.Equal(SendSlotKind.Granted, tomorrow.Kind);
        Assert.Equal(capped.At, tomorrow.At);
    }

    [Fact]
    public void A_new_day_starts_with_a_full_cap()
    {
        var clock = new ManualClock(Noon);
        var pacing = new SendPacing(clock, dailyCap: 1);
        pacing.Reserve(Noon, 0);
        Assert.Equal(SendSlotKind.DailyCapReached, pacing.Reserve(Noon, 0).Kind);

        clock.Advance(TimeSpan.FromHours(12));

        Assert.Equal(SendSlotKind.Granted, pacing.Reserve(clock.GetUtcNow(), 0).Kind);
    }

    [Fact]
    public void Sends_already_recorded_today_count_against_the_cap()
    {
        var clock = new ManualClock(Noon);
        var pacing = new SendPacing(clock, dailyCap: 3);
        pacing.Seed(SendPacing.DayOf(Noon), 3);

        Assert.Equal(SendSlotKind.DailyCapReached, pacing.Reserve(Noon, 0).Kind);
    }

    [Fact]
    public void A_slot_that_was_not_sent_returns_to_the_cap()
    {
        var clock = new ManualClock(Noon);
        var pacing = new SendPacing(clock, dailyCap: 1);
        pacing.Reserve(Noon, 0);

        pacing.Complete(SendSlotOutcome.NotSent);

        Assert.Equal(SendSlotKind.Granted, pacing.Reserve(Noon, 0).Kind);
        pacing.Complete(SendSlotOutcome.Sent);
        Assert.Equal(SendSlotKind.DailyCapReached, pacing.Reserve(Noon, 0).Kind);
    }

    [Fact]
    public void Nothing_is_handed_out_before_a_429_hold_ends()
    {
        var clock = new ManualClock(Noon);
        var pacing = new SendPacing(clock, dailyCap: 100);

        pacing.HoldUntil(Noon.AddSeconds(30));
        pacing.HoldUntil(Noon.AddSeconds(10));

        Assert.Equal(Noon.AddSeconds(30), pacing.Reserve(Noon, 0).At);
    }

    [Fact]
    public void A_lowered_cap_applies_to_the_next_reservation()
    {
        var clock = new ManualClock(Noon);
        var pacing = new SendPacing(clock, dailyCap: 10);
        pacing.Reserve(Noon, 0);
        pacing.Reserve(Noon, 0);

        pacing.DailyCap = 2;

        Assert.Equal(SendSlotKind.DailyCapReached, pacing.Reserve(Noon, 0).Kind);
    }

    [Fact]
    public void A_slot_pushed_past_midnight_by_spacing_counts_on_the_next_day()
    {
        var lateEvening = new DateTimeOffset(2026, 3, 10, 23, 59, 30, TimeSpan.Zero);
        var clock = new ManualClock(lateEvening);
        var pacing = new SendPacing(clock, dailyCap: 1);
        pacing.Reserve(lateEvening, 60);

        var next = pacing.Reserve(lateEvening, 60);

        Assert.Equal(SendSlotKind.Granted, next.Kind);
        Assert.Equal(lateEvening.AddSeconds(60), next.At);
        Assert.Equal(1, pacing.Count(new DateOnly(2026, 3, 11)));
    }
}
