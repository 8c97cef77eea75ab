using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Campaigns.Outreach;

/// <summary>
/// When an outreach campaign may send: the campaign's working window in its IANA time zone on its days, DST-correct.
/// </summary>
/// <remarks>
/// A window is the interval of instants from the first moment the wall clock shows its start to the first moment it
/// shows its end. So a start inside a spring-forward gap opens at the end of the gap, and a time inside a fall-back
/// overlap means its first occurrence. An overnight window (end before start) belongs to the day it opens on;
/// start == end is the whole day (local midnight to midnight). An empty day list is read as every day, so a schedule
/// can never silence a campaign for ever (the API refuses an empty list anyway).
/// </remarks>
public static class SendWindow
{
    /// <summary>A week of candidate days plus the day before (whose overnight window may still be open).</summary>
    private const int DaysToScan = 9;

    /// <summary>The first instant at or after <paramref name="at"/> inside the window; <paramref name="at"/> itself when already inside, or when there is no schedule.</summary>
    public static DateTimeOffset NextOpening(OutreachSchedule? schedule, DateTimeOffset at)
    {
        if (schedule is null)
        {
            return at;
        }

        var (open, _) = NextWindow(schedule, at);
        return open <= at ? at : open;
    }

    /// <summary>
    /// <paramref name="opening"/> moved later by a per-participant offset in [0, <paramref name="jitterMinutes"/>) minutes
    /// (a stand-in for an optimal send time, docs/domain/outreach.md#send-window), the same for the same campaign and
    /// contact on every call and every silo.
    /// </summary>
    /// <remarks>
    /// The result never leaves the window <paramref name="opening"/> falls in and never precedes <paramref name="opening"/>:
    /// an offset that would pass the window's end wraps around inside [opening, end). An opening outside any window is
    /// first moved to the next one.
    /// </remarks>
    public static DateTimeOffset WithJitter(OutreachSchedule? schedule, DateTimeOffset opening, int jitterMinutes, Guid campaignId, Guid contactId)
    {
        if (jitterMinutes <= 0)
        {
            return opening;
        }

        var offset = TimeSpan.FromSeconds((double)(StableHash(campaignId, contactId) % (ulong)(jitterMinutes * 60L)));
        if (schedule is null)
        {
            return opening + offset;
        }

        var (open, close) = NextWindow(schedule, opening);
        var start = open <= opening ? opening : open;
        var room = close - start;
        if (offset < room)
        {
            return start + offset;
        }

        return start + TimeSpan.FromTicks(offset.Ticks % room.Ticks);
    }

    /// <summary>The first window whose end is after <paramref name="at"/>: its opening and (exclusive) end.</summary>
    public static (DateTimeOffset Open, DateTimeOffset Close) NextWindow(OutreachSchedule schedule, DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        for (var i = -1; i < DaysToScan - 1; i++)
        {
            var day = today.AddDays(i);
            if (schedule.DaysOfWeek.Count > 0 && !schedule.DaysOfWeek.Contains(day.DayOfWeek))
            {
                continue;
            }

            var (open, close) = WindowOf(schedule, zone, day);
            // An empty window (both ends in one DST gap) has no instant to send in.
            if (close > open && close > at)
            {
                return (open, close);
            }
        }

        // Unreachable with at least one day in a week; kept total so a bad schedule cannot throw inside a grain.
        return (at, at + TimeSpan.FromDays(1));
    }

    private static (DateTimeOffset Open, DateTimeOffset Close) WindowOf(OutreachSchedule schedule, TimeZoneInfo zone, DateOnly day)
    {
        if (schedule.WorkStart == schedule.WorkEnd)
        {
            return (FirstInstantShowing(zone, day.ToDateTime(TimeOnly.MinValue)), FirstInstantShowing(zone, day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        }

        var endDay = schedule.WorkEnd < schedule.WorkStart ? day.AddDays(1) : day;
        return (FirstInstantShowing(zone, day.ToDateTime(schedule.WorkStart)), FirstInstantShowing(zone, endDay.ToDateTime(schedule.WorkEnd)));
    }

    /// <summary>The first instant at which the zone's wall clock reads <paramref name="local"/> or later.</summary>
    private static DateTimeOffset FirstInstantShowing(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // Fall-back overlap: the clock shows this time twice; the first time is under the larger offset.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max()).ToUniversalTime();
        }

        if (zone.IsInvalidTime(local))
        {
            // Spring-forward gap: the clock never shows this time; the first valid minute after it is the gap's end
            // (gaps start and end on whole minutes, and window bounds are whole minutes).
            var afterGap = local;
            do
            {
                afterGap = afterGap.AddMinutes(1);
            }
            while (zone.IsInvalidTime(afterGap));

            return new DateTimeOffset(afterGap, zone.GetUtcOffset(afterGap)).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A hash of the pair that is the same in every process (unlike <see cref="object.GetHashCode"/>).</summary>
    private static ulong StableHash(Guid campaignId, Guid contactId)
    {
        Span<byte> input = stackalloc byte[32];
        campaignId.TryWriteBytes(input[..16]);
        contactId.TryWriteBytes(input[16..]);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input, digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }
}
