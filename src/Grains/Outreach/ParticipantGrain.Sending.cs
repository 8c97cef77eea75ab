using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Integrations.Telegram;
using Microsoft.Extensions.Logging;

namespace Campaigns.Outreach;

/// <summary>
/// The send path: the due step's intent is recorded in <c>outreach_sends</c> before Telegram is called, then its outcome;
/// a step whose outcome cannot be known is held for an operator, never sent twice (docs/ARCHITECTURE.md, crash windows).
/// </summary>
public sealed partial class ParticipantGrain
{
    /// <summary>Sends what is due, step after step while steps stay due (a skipped step's successor may be due at once).</summary>
    private async Task Advance(int? reopened)
    {
        for (var guard = 0; guard < 64; guard++)
        {
            var now = clock.UtcNowMicroseconds();
            if (S.IsFinal || S.Held || S.NextSendAt is not { } due || due > now)
            {
                return;
            }

            var runtime = await Campaign.OutreachRuntime();
            if (runtime is null || runtime.Status is CampaignStatus.Completed or CampaignStatus.Cancelled)
            {
                await Finish(ParticipantStatus.Stopped, "The campaign was stopped.");
                return;
            }

            if (runtime.Status != CampaignStatus.Active)
            {
                // Paused: the step stays due and goes out (still paced) after the resume.
                return;
            }

            var plan = await plans.Get(CampaignId);
            if (!await SendDue(plan, runtime, now, reopened))
            {
                return;
            }
        }
    }

    /// <summary>One due step: skipped, deferred or sent. True when the participant moved on and the next step may be due too.</summary>
    /// <remarks>
    /// Over 60 lines on purpose: the slot, the intent, Telegram's call and each outcome's write are one sequence whose
    /// order is what makes "never twice" hold; split into methods it would no longer read top to bottom.
    /// </remarks>
    private async Task<bool> SendDue(OutreachPlan plan, OutreachRuntime runtime, DateTimeOffset now, int? reopened)
    {
        var brief = runtime.Brief;
        var step = S.RepliedAt is null ? StepSchedule.Next(plan.Steps, S.CurrentStep) : StepSchedule.NextAfterReply(plan.Steps, S.CurrentStep);
        if (step is null || (step.Trigger == StepTrigger.AfterReply && S.RepliedAt is null))
        {
            ScheduleNext(plan, now, brief);
            await Save();
            return false;
        }

        // Facts read with the row at activation serve the first send only: a send can create a lead, which a later
        // step's stage conditions must see.
        var (contact, stages) = prefetchedFacts ?? await participants.Facts(S.OrganizationId, ContactId);
        prefetchedFacts = null;
        if (!StepConditionEvaluator.ShouldSend(step.Conditions, new ParticipantFacts(S.RepliedAt is not null, contact, stages)))
        {
            // Seed §3.5: skipped without a send and without an outreach_sends row; the next step counts from the last send.
            S.Skipped.Add(step.OrderIndex);
            S.CurrentStep = step.OrderIndex + 1;
            await ReturnSlot();
            ScheduleNext(plan, Latest(S.LastSentAt, S.RepliedAt) ?? now, brief);
            await Save();
            return true;
        }

        if (!plan.Templates.TryGetValue(step.TemplateId, out var template))
        {
            await Finish(ParticipantStatus.Failed, $"Step {step.OrderIndex}'s template no longer exists.");
            return false;
        }

        if (S.ChatId is not { } chatId)
        {
            await Finish(ParticipantStatus.Bounced, OutreachParticipantRepository.NoTelegramReason);
            return false;
        }

        if (S.SlotAt is null)
        {
            var slot = await Account.Reserve(S.OrganizationId, now, brief.Audience.SendDelaySeconds);
            switch (slot.Kind)
            {
                case SendSlotKind.Unavailable:
                    await Finish(ParticipantStatus.Failed, slot.Reason ?? "The sending account is unavailable.");
                    return false;
                case SendSlotKind.DailyCapReached:
                    // The cap carries over: the step goes out in the first window of the next day.
                    S.NextSendAt = SendWindow.NextOpening(brief.Schedule, slot.At);
                    await Save();
                    return false;
                // Compared with the clock after the call: the account's "now" is later than the one this wake started with.
                case SendSlotKind.Granted when slot.At > clock.GetUtcNow():
                    S.SlotAt = PostgresTime.Truncate(slot.At);
                    S.NextSendAt = S.SlotAt;
                    await Save();
                    return false;
            }
        }

        S.SlotAt = null;
        var existing = await sends.RecordIntent(CampaignId, ContactId, S.OrganizationId, step.OrderIndex, S.SendingAccountId, now);
        if (existing is "sent" or "delivered")
        {
            // Sent before, and the state write after it was lost: take the row's word and move on.
            await Account.Complete(SendSlotOutcome.NotSent);
            await AfterSent(plan, runtime, step, await sends.SentAt(CampaignId, ContactId, step.OrderIndex) ?? now);
            return true;
        }

        if (existing is not null && !(existing == "intent" && reopened == step.OrderIndex && S.RetryStep == step.OrderIndex))
        {
            // An intent nobody finished (a crash between the intent and the state write) may have reached Telegram.
            if (existing == "intent")
            {
                await sends.MarkUnknown(CampaignId, ContactId, step.OrderIndex);
            }

            await Account.Complete(SendSlotOutcome.NotSent);
            Hold(step.OrderIndex);
            await Save();
            return false;
        }

        // The committed intent row is the in-flight mark: an attempt that finds it unfinished (this activation died
        // before the outcome was written) turns it unknown and holds, so no separate state write is needed before the call.

        var text = OutreachTemplateRenderer.Render(template.Content, contact, options.Value.AiPersonalizeText);
        var result = await telegram.SendText(S.SendingAccountId, chatId, text, CancellationToken.None);
        S.InFlightStep = null;
        S.RetryStep = null;
        switch (result.Status)
        {
            case TelegramSendStatus.Sent:
                await sends.MarkSent(CampaignId, ContactId, step.OrderIndex, result.MessageId ?? 0, now);
                await Account.Complete(SendSlotOutcome.Sent);
                await AfterSent(plan, runtime, step, now);
                return true;
            case TelegramSendStatus.RetryAfter:
                // Not a failure: the account holds every send until Telegram's retry_after, and this step goes after it.
                var until = now + (result.RetryAfter ?? TimeSpan.FromSeconds(1));
                await sends.WithdrawIntent(CampaignId, ContactId, step.OrderIndex);
                await Account.HoldUntil(until);
                await Account.Complete(SendSlotOutcome.NotSent);
                S.NextSendAt = PostgresTime.Truncate(until);
                await Save();
                return false;
            case TelegramSendStatus.Unknown:
                // Telegram may have delivered it: the same unknown row and hold as a crash, and an operator decides.
                var cause = (result.Error ?? "the answer from Telegram was lost").TrimEnd('.');
                await sends.MarkUnknown(CampaignId, ContactId, step.OrderIndex, $"The message may or may not have been delivered: {cause}.");
                // Counted against the daily cap: it may have gone out.
                await Account.Complete(SendSlotOutcome.Sent);
                Hold(step.OrderIndex, cause);
                await Save();
                LogAmbiguousAnswer(logger, CampaignId, ContactId, step.OrderIndex, cause);
                return false;
            case TelegramSendStatus.Forbidden:
                await sends.MarkEnded(CampaignId, ContactId, step.OrderIndex, "bounced", result.Error);
                await Account.Complete(SendSlotOutcome.NotSent);
                await Finish(ParticipantStatus.Bounced, result.Error ?? "Telegram refused to deliver the message.");
                return false;
            default:
                await sends.MarkEnded(CampaignId, ContactId, step.OrderIndex, "failed", result.Error);
                await Account.Complete(SendSlotOutcome.NotSent);
                await Finish(ParticipantStatus.Failed, result.Error ?? "Telegram could not deliver the message.");
                return false;
        }
    }

    private async Task AfterSent(OutreachPlan plan, OutreachRuntime runtime, OutreachStep step, DateTimeOffset sentAt)
    {
        S.LastSentAt = sentAt;
        S.CurrentStep = step.OrderIndex + 1;
        if (S.Status is ParticipantStatus.Pending or ParticipantStatus.Delivered)
        {
            S.Status = ParticipantStatus.Sent;
        }

        await EnsureLead(runtime, LeadTrigger.OnFirstSend);
        ScheduleNext(plan, sentAt, runtime.Brief);
        await Save();
    }

    /// <summary>
    /// The next step's <c>next_send_at</c> from <paramref name="from"/>; none left → <c>completed</c> (a participant who
    /// replied stays <c>replied</c>). A participant whose only remaining steps wait for a reply is completed too: a
    /// reply while the campaign runs still schedules them.
    /// </summary>
    private void ScheduleNext(OutreachPlan plan, DateTimeOffset from, OutreachBrief brief)
    {
        var next = S.RepliedAt is null ? StepSchedule.Next(plan.Steps, S.CurrentStep) : StepSchedule.NextAfterReply(plan.Steps, S.CurrentStep);
        if (next is null || (next.Trigger == StepTrigger.AfterReply && S.RepliedAt is null))
        {
            S.NextSendAt = null;
            if (S.Status != ParticipantStatus.Replied)
            {
                S.Status = ParticipantStatus.Completed;
            }

            return;
        }

        S.CurrentStep = next.OrderIndex;
        S.NextSendAt = PostgresTime.Truncate(StepSchedule.DueAt(next, from, brief, CampaignId, ContactId));
    }
}
