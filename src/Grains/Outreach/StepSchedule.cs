
namespace Campaigns.Outreach;

/// <summary>
/// Which step a participant takes next and when: <c>delay_hours</c> after the previous send (the first step: after
/// start), or after the reply for an <c>after_reply</c> step, moved into the campaign's window, plus the stable jitter.
/// </summary>
/// <remarks><c>current_step</c> is an order index: the next step is the first whose order index is at or after it, so gaps in the numbering are harmless.</remarks>
public static class StepSchedule
{
    public static OutreachStep? Next(IReadOnlyList<OutreachStep> steps, int currentStep) =>
        steps.Where(s => s.OrderIndex >= currentStep).MinBy(s => s.OrderIndex);

    /// <summary>After a reply every remaining <c>delay</c> step is cancelled: the next step is the first <c>after_reply</c> one, if any.</summary>
    public static OutreachStep? NextAfterReply(IReadOnlyList<OutreachStep> steps, int currentStep) =>
        steps.Where(s => s.OrderIndex >= currentStep && s.Trigger == StepTrigger.AfterReply).MinBy(s => s.OrderIndex);

    /// <summary>The order index that comes after every step (a participant there is done).</summary>
    public static int PastLast(IReadOnlyList<OutreachStep> steps) => steps.Count == 0 ? 0 : steps.Max(s => s.OrderIndex) + 1;

    /// <summary>When <paramref name="step"/> is due, counted from <paramref name="from"/> (the previous send, the start, or the reply).</summary>
    public static DateTimeOffset DueAt(OutreachStep step, DateTimeOffset from, OutreachBrief brief, Guid campaignId, Guid contactId)
    {
        var opening = SendWindow.NextOpening(brief.Schedule, from + TimeSpan.FromHours(step.DelayHours));
        return SendWindow.WithJitter(brief.Schedule, opening, brief.JitterMinutes, campaignId, contactId);
    }
}
