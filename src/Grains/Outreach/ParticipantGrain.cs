using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Integrations.Telegram;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaigns.Outreach;

/// <summary>
/// One contact inside one outreach campaign: sends its due step at most once (the intent is recorded before Telegram
/// is called), follows replies, and keeps its <c>outreach_participants</c> row in step. It deactivates after each call,
/// so an idle participant costs no silo memory.
/// </summary>
/// <remarks>
/// It never calls its campaign except <see cref="ICampaignParticipantsGrain.OutreachRuntime"/>, which is interleaved:
/// the campaign awaits participants while it dispatches, so any other call back would deadlock.
/// The send path (intent, Telegram, outcome, hold) is one state machine and lives whole in ParticipantGrain.Sending.cs,
/// so the never-twice rule reads in one place; this file holds activation, the operator's commands and persistence.
/// </remarks>
public sealed partial class ParticipantGrain(
    [PersistentState(StoredState.StateNames.Participant)] IPersistentState<ParticipantState> state,
    OutreachParticipantRepository participants,
    OutreachSendRepository sends,
    OutreachPlans plans,
    LeadRepository leads,
    PipelineRepository pipelines,
    ITelegramGateway telegram,
    IOptions<OutreachOptions> options,
    TimeProvider clock,
    ILogger<ParticipantGrain> logger) : Grain, IParticipantGrain, IRemindable
{
    public const string StepReminder = "outreach-step";

    private bool exists;

    private (ContactFacts Contact, IReadOnlyDictionary<Guid, Guid> StageByPipeline)? prefetchedFacts;

    private ParticipantState S => state.State;

    private Guid CampaignId => this.GetPrimaryKey(out _);

    private Guid ContactId
    {
        get
        {
            this.GetPrimaryKey(out var contact);
            return Guid.ParseExact(contact!, "N");
        }
    }

    private ICampaignParticipantsGrain Campaign => GrainFactory.GetGrain<ICampaignParticipantsGrain>(CampaignId);

    private ISendingAccountGrain Account => GrainFactory.GetGrain<ISendingAccountGrain>(S.SendingAccountId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            // First wake since start: the bulk materialization wrote only the row.
            if (await participants.GetWithFacts(CampaignId, ContactId) is not { } found)
            {
                return;
            }

            var row = found.Row;
            prefetchedFacts = (found.Contact, found.StageByPipeline);

            S.OrganizationId = row.OrganizationId;
            S.SendingAccountId = row.SendingAccountId ?? Guid.Empty;
            S.ChatId = row.ChatId;
            S.Status = row.Status;
            S.CurrentStep = row.CurrentStep;
            S.NextSendAt = row.NextSendAt;
            S.LastSentAt = row.LastSentAt;
            S.RepliedAt = row.RepliedAt;
            S.Reason = row.Reason;
            S.Version = row.Version;
            S.UpdatedAt = row.UpdatedAt;
        }

        exists = true;
        if (S.InFlightStep is { } step)
        {
            // The previous activation handed this step to Telegram and died before learning the outcome: the message
            // may have gone out, so it is never sent again by itself.
            await sends.MarkUnknown(CampaignId, ContactId, step);
            S.InFlightStep = null;
            Hold(step);
            await Save();
            LogUnknownOutcome(logger, CampaignId, ContactId, step);
        }
    }

    public async Task Wake()
    {
        try
        {
            if (exists)
            {
                await Advance(reopened: null);
            }
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != StepReminder)
        {
            return;
        }

        await Wake();
        if (!exists || S.IsFinal || S.NextSendAt is null || S.Held)
        {
            // Nothing left to wake for (or no participant at all): the reminder goes.
            if (await this.GetReminder(StepReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            if (exists && S.ReminderFor is not null)
            {
                S.ReminderFor = null;
                await state.WriteStateAsync();
            }
        }
    }

    public async Task OnReply(long messageId, DateTimeOffset at)
    {
        try
        {
            // The first reply decides; the same message seen again (or a later one) changes nothing.
            if (!exists || S.RepliedAt is not null || S.ReplyMessageId == messageId
                || S.Status is ParticipantStatus.Bounced or ParticipantStatus.Stopped or ParticipantStatus.Failed)
            {
                return;
            }

            if (await Campaign.OutreachRuntime() is not { } runtime)
            {
                return;
            }

            var plan = await plans.Get(CampaignId);
            // The platform's clock, not Telegram's: the after_reply delay counts from when the reply was learned.
            var now = clock.UtcNowMicroseconds();
            S.Status = ParticipantStatus.Replied;
            S.RepliedAt = now;
            S.ReplyMessageId = messageId;
            await ReturnSlot();
            if (!S.Held)
            {
                // Every remaining delay step is cancelled; an after_reply step (if any) is scheduled from the reply.
                if (StepSchedule.NextAfterReply(plan.Steps, S.CurrentStep) is { } next)
                {
                    S.CurrentStep = next.OrderIndex;
                    S.NextSendAt = StepSchedule.DueAt(next, now, runtime.Brief, CampaignId, ContactId);
                }
                else
                {
                    S.CurrentStep = Math.Max(S.CurrentStep, StepSchedule.PastLast(plan.Steps));
                    S.NextSendAt = null;
                }
            }

            await EnsureLead(runtime, LeadTrigger.OnReply);
            await Save();
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    public async Task<ParticipantCommandResult> Retry()
    {
        try
        {
            if (!exists)
            {
                return new ParticipantCommandResult(ParticipantCommandOutcome.NotFound);
            }

            if (!S.Held)
            {
                return new ParticipantCommandResult(ParticipantCommandOutcome.Conflict, View(), "Only a participant held on a send with an unknown outcome can be retried.");
            }

            // The unknown row becomes an intent again (one more attempt) and this participant may send it.
            var step = S.CurrentStep;
            await sends.ReopenUnknown(CampaignId, ContactId, step);
            S.Held = false;
            S.Reason = null;
            S.RetryStep = step;
            S.NextSendAt = clock.UtcNowMicroseconds();
            await Save();
            await Advance(reopened: step);
            return new ParticipantCommandResult(ParticipantCommandOutcome.Ok, View());
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    public async Task<ParticipantCommandResult> Skip()
    {
        try
        {
            if (!exists)
            {
                return new ParticipantCommandResult(ParticipantCommandOutcome.NotFound);
            }

            if (!S.Held)
            {
                return new ParticipantCommandResult(ParticipantCommandOutcome.Conflict, View(), "Only a participant held on a send with an unknown outcome can be skipped.");
            }

            // Taken as sent: its row stays 'unknown' (the truth), and the sequence goes on from now.
            var runtime = await Campaign.OutreachRuntime();
            var plan = await plans.Get(CampaignId);
            var now = clock.UtcNowMicroseconds();
            S.Held = false;
            S.Reason = null;
            S.CurrentStep++;
            if (S.Status == ParticipantStatus.Pending)
            {
                S.Status = ParticipantStatus.Sent;
            }

            ScheduleNext(plan, now, runtime?.Brief ?? OutreachBrief.Empty);
            await Save();
            return new ParticipantCommandResult(ParticipantCommandOutcome.Ok, View());
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    public Task<ParticipantView?> Get() => Task.FromResult(exists ? View() : null);

    /// <summary>Lead creation per <c>lead_creation_settings</c>, once per contact (the CRM keeps one lead per contact and pipeline).</summary>
    private async Task EnsureLead(OutreachRuntime runtime, LeadTrigger trigger)
    {
        if (S.LeadCreated || runtime.Brief is not { LeadCreation: { } settings, PipelineId: { } pipelineId } || settings.Trigger != trigger)
        {
            return;
        }

        try
        {
            var stageId = settings.DefaultStageId
                ?? (await pipelines.Get(S.OrganizationId, pipelineId))?.Stages.OrderBy(s => s.Position).FirstOrDefault()?.Id;
            if (stageId is { } stage)
            {
                var lead = await leads.Insert(S.OrganizationId, TimeOrderedId.New(), new LeadDraft(ContactId, pipelineId, stage));
                S.LeadCreated = lead.Outcome is LeadWrite.Created or LeadWrite.Existing;
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            // A lead is a side effect: a failure is logged and tried again at the next send or reply, never blocking them.
            LogLeadFailed(logger, e, CampaignId, ContactId);
        }
    }

    private async Task Finish(ParticipantStatus status, string reason)
    {
        await ReturnSlot();
        if (S.Status == ParticipantStatus.Replied && status == ParticipantStatus.Stopped)
        {
            // A participant who replied keeps that status; only its remaining steps stop.
            S.NextSendAt = null;
        }
        else
        {
            S.Status = status;
            S.Reason = reason;
            S.NextSendAt = null;
        }

        await Save();
    }

    /// <param name="cause">Why Telegram's answer is missing, when known; none means the send was interrupted (a crash).</param>
    private void Hold(int step, string? cause = null)
    {
        S.Held = true;
        S.NextSendAt = null;
        S.Reason = cause is null
            ? $"The send of step {step} was interrupted and its outcome is unknown; it is not sent again by itself. Retry or skip it."
            : $"The send of step {step} may have reached Telegram but its outcome is unknown ({cause}); it is not sent again by itself. Retry or skip it.";
    }

    /// <summary>A slot granted for later that will not be used goes back to the account's daily cap.</summary>
    private async Task ReturnSlot()
    {
        if (S.SlotAt is not null)
        {
            S.SlotAt = null;
            await Account.Complete(SendSlotOutcome.NotSent);
        }
    }

    /// <summary>Persists the state, then its projection row (a newer version only), then the reminder at <c>next_send_at</c>.</summary>
    private async Task Save()
    {
        await FollowReminder();
        S.Version++;
        S.UpdatedAt = clock.UtcNowMicroseconds();
        // A participant that ends before it ever needed grain state (e.g. after the one step of a one-step campaign)
        // stays only its row: a later activation initializes from the row, and its send row keeps it from sending again.
        if (!(S.IsFinal && !state.RecordExists))
        {
            await state.WriteOrReload();
        }

        await participants.Project(new ParticipantRow(
            CampaignId, ContactId, S.OrganizationId, S.SendingAccountId, S.ChatId, S.Status, S.CurrentStep, S.NextSendAt,
            S.LastSentAt, S.RepliedAt, S.Reason, S.Held, S.Version, S.UpdatedAt, S.Skipped));
    }

    /// <summary>
    /// A participant with a step scheduled has a reminder at its <c>next_send_at</c> (the timer; the campaign's
    /// dispatch scan is the fast path and this the durable one); a final or held participant has none.
    /// </summary>
    private async Task FollowReminder()
    {
        var wanted = S.IsFinal || S.Held ? null : S.NextSendAt;
        if (wanted == S.ReminderFor)
        {
            return;
        }

        if (wanted is { } soon && soon - clock.GetUtcNow() < options.Value.ReminderMinimumLead)
        {
            // A pacing slot or a short 429 hold: the campaign's dispatch (every tick, and its reminder after a restart)
            // wakes it sooner than a reminder write would pay for; a reminder already registered stays as a safety net.
            return;
        }

        if (wanted is { } at)
        {
            var due = at - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(StepReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, options.Value.ParticipantReminderPeriod);
        }
        else if (await this.GetReminder(StepReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        S.ReminderFor = wanted;
    }

    private ParticipantView View() => new(
        CampaignId, ContactId, S.Status, S.CurrentStep, S.NextSendAt, S.LastSentAt, S.RepliedAt, S.Reason,
        S.SendingAccountId, S.ChatId, S.Held, S.UpdatedAt);

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Participant {ContactId} of campaign {CampaignId}: the outcome of step {Step} is unknown after a crash; held for an operator")]
    private static partial void LogUnknownOutcome(ILogger logger, Guid campaignId, Guid contactId, int step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Participant {ContactId} of campaign {CampaignId}: the outcome of step {Step} is unknown ({Cause}); held for an operator")]
    private static partial void LogAmbiguousAnswer(ILogger logger, Guid campaignId, Guid contactId, int step, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Participant {ContactId} of campaign {CampaignId}: the CRM lead could not be created; retried at the next send or reply")]
    private static partial void LogLeadFailed(ILogger logger, Exception exception, Guid campaignId, Guid contactId);
}
