using Campaigns.Outreach;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

public sealed class SendWindowTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    private static OutreachSchedule Schedule(string zone, string start, string end, params DayOfWeek[] days) =>
        new(zone, TimeOnly.Parse(start), TimeOnly.Parse(end), [.. days]);

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso + "Z").ToUniversalTime();

    [Fact]
    public void No_schedule_sends_at_once()
    {
        var at = Utc("2026-11-28T03:17:00");
        Assert.Equal(at, SendWindow.NextOpening(null, at));
    }

    [Theory]
    // 2026-11-23 is a Monday; Moscow is UTC+3 all year.
    [InlineData("2026-11-23T05:00:00", "2026-11-23T06:00:00")] // 08:00 local, before the window
    [InlineData("2026-11-23T06:00:00", "2026-11-23T06:00:00")] // exactly at the opening
    [InlineData("2026-11-23T10:30:00", "2026-11-23T10:30:00")] // inside: unchanged
    [InlineData("2026-11-23T15:00:00", "2026-11-24T06:00:00")] // 18:00 local: the end is exclusive
    [InlineData("2026-11-27T16:00:00", "2026-11-30T06:00:00")] // Friday evening → Monday morning
    [InlineData("2026-11-28T09:00:00", "2026-11-30T06:00:00")] // Saturday (day off) → Monday
    [InlineData("2026-11-29T23:00:00", "2026-11-30T06:00:00")] // Monday 02:00 local → that morning
    public void Moscow_weekdays_nine_to_six(string at, string expected)
    {
        var schedule = Schedule("Europe/Moscow", "09:00", "18:00", Weekdays);
        Assert.Equal(Utc(expected), SendWindow.NextOpening(schedule, Utc(at)));
    }

    [Theory]
    // Berlin springs forward on 2026-03-29 at 02:00 CET (01:00Z) to 03:00 CEST.
    [InlineData("2026-03-27T19:00:00", "2026-03-28T08:00:00")] // Saturday 09:00 CET = 08:00Z
    [InlineData("2026-03-28T17:00:00", "2026-03-29T07:00:00")] // Sunday 09:00 CEST = 07:00Z
    [InlineData("2026-03-30T05:00:00", "2026-03-30T07:00:00")]
    // Berlin falls back on 2026-10-25 at 03:00 CEST (01:00Z) to 02:00 CET.
    [InlineData("2026-10-23T17:00:00", "2026-10-24T07:00:00")] // Saturday 09:00 CEST = 07:00Z
    [InlineData("2026-10-24T17:00:00", "2026-10-25T08:00:00")] // Sunday 09:00 CET = 08:00Z
    [InlineData("2026-10-25T15:59:00", "2026-10-25T15:59:00")] // 16:59 CET: still inside
    [InlineData("2026-10-25T16:00:00", "2026-10-26T08:00:00")] // 17:00 CET: closed
    public void Berlin_nine_to_five_across_both_DST_changes(string at, string expected)
    {
        var schedule = Schedule("Europe/Berlin", "09:00", "17:00", EveryDay);
        Assert.Equal(Utc(expected), SendWindow.NextOpening(schedule, Utc(at)));
    }

    [Theory]
    // New York springs forward on 2026-03-08 at 02:00 EST (07:00Z) and falls back on 2026-11-01 at 02:00 EDT (06:00Z).
    [InlineData("2026-03-07T15:00:00", "2026-03-07T15:00:00")] // Saturday 10:00 EST: inside
    [InlineData("2026-03-07T23:00:00", "2026-03-08T13:00:00")] // Sunday 09:00 EDT = 13:00Z
    [InlineData("2026-10-31T22:00:00", "2026-11-01T14:00:00")] // Sunday 09:00 EST = 14:00Z
    [InlineData("2026-11-01T21:59:00", "2026-11-01T21:59:00")] // 16:59 EST: inside
    [InlineData("2026-11-01T22:00:00", "2026-11-02T14:00:00")]
    public void New_York_nine_to_five_across_both_DST_changes(string at, string expected)
    {
        var schedule = Schedule("America/New_York", "09:00", "17:00", EveryDay);
        Assert.Equal(Utc(expected), SendWindow.NextOpening(schedule, Utc(at)));
    }

    [Fact]
    public void A_start_inside_the_spring_forward_gap_opens_when_the_gap_ends()
    {
        // 02:30 never happens in Berlin on 2026-03-29: the clock jumps from 02:00 CET to 03:00 CEST (01:00Z).
        var schedule = Schedule("Europe/Berlin", "02:30", "05:00", EveryDay);
        Assert.Equal(Utc("2026-03-29T01:00:00"), SendWindow.NextOpening(schedule, Utc("2026-03-28T23:30:00")));
    }

    [Fact]
    public void A_start_inside_the_New_York_gap_opens_at_three_EDT()
    {
        var schedule = Schedule("America/New_York", "02:15", "04:00", EveryDay);
        Assert.Equal(Utc("2026-03-08T07:00:00"), SendWindow.NextOpening(schedule, Utc("2026-03-08T06:00:00")));
    }

    [Fact]
    public void A_window_wholly_inside_the_gap_does_not_exist_that_day()
    {
        var schedule = Schedule("Europe/Berlin", "02:10", "02:50", EveryDay);
        // The next 02:10 after the gap day is Monday's, in CEST (00:10Z).
        Assert.Equal(Utc("2026-03-30T00:10:00"), SendWindow.NextOpening(schedule, Utc("2026-03-28T23:30:00")));
    }

    [Fact]
    public void A_start_inside_the_fall_back_overlap_opens_at_its_first_occurrence()
    {
        // 02:30 happens twice in Berlin on 2026-10-25: first at 00:30Z (CEST), again at 01:30Z (CET).
        var schedule = Schedule("Europe/Berlin", "02:30", "05:00", EveryDay);
        Assert.Equal(Utc("2026-10-25T00:30:00"), SendWindow.NextOpening(schedule, Utc("2026-10-24T23:00:00")));
        Assert.Equal(Utc("2026-10-25T01:45:00"), SendWindow.NextOpening(schedule, Utc("2026-10-25T01:45:00")));
    }

    [Fact]
    public void The_fall_back_night_window_is_an_hour_longer_in_real_time()
    {
        var schedule = Schedule("America/New_York", "00:00", "04:00", EveryDay);
        var (open, close) = SendWindow.NextWindow(schedule, Utc("2026-11-01T03:00:00"));
        Assert.Equal(Utc("2026-11-01T04:00:00"), open);
        Assert.Equal(TimeSpan.FromHours(5), close - open);
    }

    [Theory]
    // Overnight 22:00–06:00 Moscow, opening Monday to Friday: the night belongs to the day it starts on.
    [InlineData("2026-11-23T18:00:00", "2026-11-23T19:00:00")] // Monday 21:00 → 22:00
    [InlineData("2026-11-23T23:00:00", "2026-11-23T23:00:00")] // Tuesday 02:00, Monday's night: inside
    [InlineData("2026-11-24T04:00:00", "2026-11-24T19:00:00")] // Tuesday 07:00 → Tuesday 22:00
    [InlineData("2026-11-27T23:00:00", "2026-11-27T23:00:00")] // Saturday 02:00, Friday's night: inside
    [InlineData("2026-11-28T23:00:00", "2026-11-30T19:00:00")] // Sunday 02:00, Saturday's night is off → Monday 22:00
    [InlineData("2026-11-23T02:59:00", "2026-11-23T19:00:00")] // Monday 05:59 is Sunday's night, and Sunday is off
    public void Overnight_window(string at, string expected)
    {
        var schedule = Schedule("Europe/Moscow", "22:00", "06:00", Weekdays);
        Assert.Equal(Utc(expected), SendWindow.NextOpening(schedule, Utc(at)));
    }

    [Fact]
    public void Equal_start_and_end_is_the_whole_day()
    {
        var schedule = Schedule("Europe/Moscow", "00:00", "00:00", DayOfWeek.Saturday, DayOfWeek.Sunday);
        // Friday 12:00 local → Saturday 00:00 local (Friday 21:00Z); Sunday 23:59 local is inside.
        Assert.Equal(Utc("2026-11-27T21:00:00"), SendWindow.NextOpening(schedule, Utc("2026-11-27T09:00:00")));
        Assert.Equal(Utc("2026-11-29T20:59:00"), SendWindow.NextOpening(schedule, Utc("2026-11-29T20:59:00")));
        Assert.Equal(Utc("2026-12-04T21:00:00"), SendWindow.NextOpening(schedule, Utc("2026-11-29T21:00:00")));
    }

    [Fact]
    public void Equal_start_and_end_other_than_midnight_is_also_the_whole_day()
    {
        var schedule = Schedule("Europe/Moscow", "10:00", "10:00", DayOfWeek.Monday);
        // Monday in Moscow runs from Sunday 21:00Z to Monday 21:00Z.
        Assert.Equal(Utc("2026-11-23T20:59:00"), SendWindow.NextOpening(schedule, Utc("2026-11-23T20:59:00")));
        Assert.Equal(Utc("2026-11-29T21:00:00"), SendWindow.NextOpening(schedule, Utc("2026-11-23T21:00:00")));
    }

    [Fact]
    public void An_empty_day_list_reads_as_every_day()
    {
        var schedule = Schedule("Europe/Moscow", "09:00", "18:00");
        Assert.Equal(Utc("2026-11-29T06:00:00"), SendWindow.NextOpening(schedule, Utc("2026-11-28T16:00:00")));
    }

    [Fact]
    public void The_opening_is_never_before_the_requested_instant()
    {
        var schedule = Schedule("America/New_York", "22:00", "06:00", DayOfWeek.Wednesday, DayOfWeek.Sunday);
        for (var at = Utc("2026-02-25T00:00:00"); at < Utc("2026-04-01T00:00:00"); at = at.AddMinutes(97))
        {
            var opening = SendWindow.NextOpening(schedule, at);
            Assert.True(opening >= at);
            Assert.True(opening - at < TimeSpan.FromDays(7));
            var (open, close) = SendWindow.NextWindow(schedule, opening);
            Assert.InRange(opening, open, close.AddTicks(-1));
        }
    }

    [Fact]
    public void No_jitter_leaves_the_opening_alone()
    {
        var schedule = Schedule("Europe/Moscow", "09:00", "18:00", Weekdays);
        var opening = Utc("2026-11-23T06:00:00");
        Assert.Equal(opening, SendWindow.WithJitter(schedule, opening, 0, Guid.NewGuid(), Guid.NewGuid()));
    }

    [Fact]
    public void Jitter_is_stable_per_participant_and_spreads_participants()
    {
        var schedule = Schedule("Europe/Moscow", "09:00", "18:00", Weekdays);
        var opening = Utc("2026-11-23T06:00:00");
        var campaign = Guid.Parse("0193a5b0-0000-7000-8000-000000000001");
        var contact = Guid.Parse("0193a5b0-0000-7000-8000-0000000000aa");
        var first = SendWindow.WithJitter(schedule, opening, 30, campaign, contact);
        Assert.Equal(first, SendWindow.WithJitter(schedule, opening, 30, campaign, contact));
        // A fixed pair gives a fixed instant on every machine (a stable hash, not GetHashCode).
        Assert.Equal(first, SendWindow.WithJitter(schedule, opening, 30, Guid.Parse("0193a5b0-0000-7000-8000-000000000001"), Guid.Parse("0193a5b0-0000-7000-8000-0000000000aa")));

        var spread = Enumerable.Range(0, 100)
            .Select(i => SendWindow.WithJitter(schedule, opening, 30, campaign, Guid.CreateVersion7()))
            .ToList();
        Assert.All(spread, at => Assert.InRange(at, opening, opening.AddMinutes(30).AddTicks(-1)));
        Assert.True(spread.Distinct().Count() > 20);
    }

    [Fact]
    public void Jitter_never_pushes_a_send_past_the_window_end()
    {
        var schedule = Schedule("Europe/Moscow", "09:00", "09:30", Weekdays);
        var opening = Utc("2026-11-23T06:00:00");
        var late = Utc("2026-11-23T06:25:00");
        for (var i = 0; i < 200; i++)
        {
            var contact = Guid.CreateVersion7();
            Assert.InRange(SendWindow.WithJitter(schedule, opening, 120, Guid.Empty, contact), opening, Utc("2026-11-23T06:29:59"));
            Assert.InRange(SendWindow.WithJitter(schedule, late, 120, Guid.Empty, contact), late, Utc("2026-11-23T06:29:59"));
        }
    }

    [Fact]
    public void Jitter_of_an_instant_outside_the_window_lands_in_the_next_window()
    {
        var schedule = Schedule("Europe/Moscow", "09:00", "18:00", Weekdays);
        var result = SendWindow.WithJitter(schedule, Utc("2026-11-28T09:00:00"), 45, Guid.NewGuid(), Guid.NewGuid());
        Assert.InRange(result, Utc("2026-11-30T06:00:00"), Utc("2026-11-30T06:44:59"));
    }

    [Fact]
    public void Jitter_without_a_schedule_is_a_plain_offset()
    {
        var opening = Utc("2026-11-23T06:00:00");
        var result = SendWindow.WithJitter(null, opening, 10, Guid.NewGuid(), Guid.NewGuid());
        Assert.InRange(result, opening, opening.AddMinutes(10).AddTicks(-1));
    }
}
