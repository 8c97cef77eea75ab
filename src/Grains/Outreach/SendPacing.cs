
namespace Campaigns.Outreach;

/// <summary>
/// The pacing rules of one sending account: slots are spaced by the caller's <c>send_delay_seconds</c>, at most
/// <see cref="DailyCap"/> per UTC day (a full day answers with the next day's start: the cap carries over), and none
/// before a 429's hold ends. Pure and in memory; <see cref="SendingAccountGrain"/> seeds it from the database.
/// </summary>
public sealed class SendPacing(TimeProvider clock, int dailyCap)
{
    // Slots granted per UTC day, counted when granted: a caller holding a future slot has a claim on that day.
    private readonly Dictionary<DateOnly, int> granted = [];
    private DateTimeOffset nextFree = DateTimeOffset.MinValue;
    private DateTimeOffset holdUntil = DateTimeOffset.MinValue;

    public int DailyCap { get; set; } = dailyCap;

    /// <summary>Seeds a day's count, e.g. with the sends the database already holds for today after a restart.</summary>
    public void Seed(DateOnly day, int count) => granted[day] = Math.Max(Count(day), count);

    public int Count(DateOnly day) => granted.GetValueOrDefault(day);

    public SendSlot Reserve(DateTimeOffset earliest, int sendDelaySeconds)
    {
        var now = clock.GetUtcNow();
        var at = Max(Max(now, earliest), Max(nextFree, holdUntil));
        var day = DayOf(at);
        if (Count(day) >= DailyCap)
        {
            return new SendSlot(SendSlotKind.DailyCapReached, StartOf(day.AddDays(1)));
        }

        granted[day] = Count(day) + 1;
        nextFree = at + TimeSpan.FromSeconds(Math.Max(0, sendDelaySeconds));
        Prune(DayOf(now));
        return new SendSlot(SendSlotKind.Granted, at);
    }

    /// <summary>A slot that was not sent goes back to the cap of the day it was due (today, as slots are used when due).</summary>
    public void Complete(SendSlotOutcome outcome)
    {
        if (outcome != SendSlotOutcome.NotSent)
        {
            return;
        }

        var today = DayOf(clock.GetUtcNow());
        // The slot may have been granted for a day that has since ended; give it back to the latest day that has one.
        var day = granted.Keys.Where(d => d <= today && granted[d] > 0).DefaultIfEmpty(today).Max();
        if (Count(day) > 0)
        {
            granted[day] = Count(day) - 1;
        }
    }

    /// <summary>Telegram answered 429: nothing is handed out before <paramref name="until"/>.</summary>
    public void HoldUntil(DateTimeOffset until) => holdUntil = Max(holdUntil, until);

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private void Prune(DateOnly today)
    {
        if (granted.Count > 4)
        {
            foreach (var old in granted.Keys.Where(d => d < today.AddDays(-1)).ToList())
            {
                granted.Remove(old);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
