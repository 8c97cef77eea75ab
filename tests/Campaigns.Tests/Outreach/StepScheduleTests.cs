using Campaigns.Outreach;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

public sealed class StepScheduleTests
{
    private static readonly Guid Campaign = Guid.NewGuid();
    private static readonly Guid Contact = Guid.NewGuid();

    private static OutreachStep Step(int order, int delayHours = 0, StepTrigger trigger = StepTrigger.Delay) =>
        new(Guid.NewGuid(), order, Guid.NewGuid(), delayHours, trigger, StepConditions.None);

    [Fact]
    public void Next_step_is_the_first_at_or_after_the_current_order_index_whatever_the_gaps()
    {
        var steps = new[] { Step(5), Step(1), Step(3) };

        Assert.Equal(1, StepSchedule.Next(steps, 0)!.OrderIndex);
        Assert.Equal(3, StepSchedule.Next(steps, 2)!.OrderIndex);
        Assert.Equal(5, StepSchedule.Next(steps, 5)!.OrderIndex);
        Assert.Null(StepSchedule.Next(steps, 6));
        Assert.Equal(6, StepSchedule.PastLast(steps));
    }

    [Fact]
    public void After_a_reply_only_after_reply_steps_remain()
    {
        var steps = new[] { Step(0), Step(1), Step(2, trigger: StepTrigger.AfterReply), Step(3) };

        Assert.Equal(2, StepSchedule.NextAfterReply(steps, 1)!.OrderIndex);
        Assert.Null(StepSchedule.NextAfterReply(steps, 3));
    }

    [Fact]
    public void Due_time_is_the_delay_moved_into_the_window()
    {
        var schedule = new OutreachSchedule("Europe/Moscow", new TimeOnly(9, 0), new TimeOnly(18, 0), [DayOfWeek.Monday, DayOfWeek.Tuesday]);
        var brief = OutreachBrief.Empty with { Schedule = schedule };
        // Monday 17:00 Moscow (14:00 UTC) + 2 h is after the window: Tuesday 09:00 Moscow.
        var sent = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

        var due = StepSchedule.DueAt(Step(1, delayHours: 2), sent, brief, Campaign, Contact);

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 6, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Jitter_is_stable_per_participant_and_stays_within_its_bound()
    {
        var brief = OutreachBrief.Empty with { JitterMinutes = 30 };
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

        var first = StepSchedule.DueAt(Step(0), at, brief, Campaign, Contact);
        var again = StepSchedule.DueAt(Step(0), at, brief, Campaign, Contact);

        Assert.Equal(first, again);
        Assert.InRange(first, at, at.AddMinutes(30));
    }
}
