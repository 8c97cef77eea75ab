using Campaigns.Audit;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaigns.Campaigns;

/// <summary>
/// The outreach part of a campaign: start (bulk materialization of participants, no grain call per contact), the
/// dispatch that wakes due participants, stop, self-completion, and the participants' listing, stats and operator calls.
/// </summary>
/// <remarks>
/// Who wakes participants: while active, an in-activation timer scans due rows (index <c>outreach_participants_due</c>)
/// and wakes them with bounded concurrency; a reminder (<see cref="OutreachOptions.DispatchPeriod"/>) brings the timer
/// back after a restart. Participants also hold their own reminder at <c>next_send_at</c>. Calls only go campaign →
/// participant; participants read the campaign through the interleaved <see cref="OutreachRuntime"/>.
/// </remarks>
public sealed partial class CampaignGrain : ICampaignParticipantsGrain
{
    public const string OutreachDispatchReminder = "outreach-dispatch";

    private IGrainTimer? dispatchTimer;
    private bool dispatching;

    // Resolved here rather than in the constructor every feature shares, so this feature's dependencies stay in this file.
    private OutreachParticipantRepository OutreachParticipants => ServiceProvider.GetRequiredService<OutreachParticipantRepository>();

    private OutreachOptions OutreachSettings => ServiceProvider.GetRequiredService<IOptions<OutreachOptions>>().Value;

    public Task<OutreachRuntime?> OutreachRuntime() => Task.FromResult(
        state.RecordExists && S.Kind == CampaignKind.Outreach
            ? new OutreachRuntime(S.OrganizationId, S.Status, S.Outreach ?? OutreachBrief.Empty)
            : null);

    public async Task<ParticipantsAnswer<ParticipantPage>> ListParticipants(Guid organizationId, ParticipantStatus? status, Guid? after, int limit) =>
        IsOutreachOf(organizationId)
            ? ParticipantsAnswer<ParticipantPage>.Ok(await OutreachParticipants.List(Id, status, after, limit))
            : ParticipantsAnswer<ParticipantPage>.NotFound();

    public async Task<ParticipantsAnswer<OutreachStats>> Stats(Guid organizationId) =>
        IsOutreachOf(organizationId)
            ? ParticipantsAnswer<OutreachStats>.Ok(await OutreachParticipants.Stats(Id))
            : ParticipantsAnswer<OutreachStats>.NotFound();

    public Task<ParticipantsAnswer<ParticipantView>> RetryParticipant(Guid organizationId, Guid contactId) =>
        Operate(organizationId, contactId, participant => participant.Retry());

    public Task<ParticipantsAnswer<ParticipantView>> SkipParticipant(Guid organizationId, Guid contactId) =>
        Operate(organizationId, contactId, participant => participant.Skip());

    private async Task<ParticipantsAnswer<ParticipantView>> Operate(
        Guid organizationId, Guid contactId, Func<IParticipantGrain, Task<ParticipantCommandResult>> command)
    {
        if (!IsOutreachOf(organizationId))
        {
            return ParticipantsAnswer<ParticipantView>.NotFound();
        }

        var result = await command(GrainFactory.Participant(Id, contactId));
        return result.Outcome switch
        {
            ParticipantCommandOutcome.Ok => ParticipantsAnswer<ParticipantView>.Ok(result.Participant!),
            ParticipantCommandOutcome.Conflict => ParticipantsAnswer<ParticipantView>.Conflict(result.Message ?? "The participant cannot do that now."),
            _ => ParticipantsAnswer<ParticipantView>.NotFound("No such participant in the campaign."),
        };
    }

    private bool IsOutreachOf(Guid organizationId) => Owns(organizationId) && S.Kind == CampaignKind.Outreach;

    private bool IsOutreachLaunch(CampaignTransition transition) =>
        transition == CampaignTransition.Launch && S.Kind == CampaignKind.Outreach;

    /// <summary>
    /// <c>/start</c> (= <c>/launch</c>) of an outreach campaign: 409 with the reason when it has no steps, no usable
    /// sending account or nobody to write to; otherwise the participants are written in one statement and it is active.
    /// </summary>
    /// <remarks>
    /// Idempotent: materialization is one transaction and is skipped when participants exist (a start that died after
    /// it), and ON CONFLICT adds nobody twice anyway.
    /// </remarks>
    private async Task<CampaignResult> StartOutreach(Guid organizationId)
    {
        var brief = S.Outreach ?? OutreachBrief.Empty;
        var plans = ServiceProvider.GetRequiredService<OutreachPlans>();
        plans.Forget(Id);
        var plan = await plans.Get(Id);
        if (plan.Steps.Count == 0)
        {
            return CampaignResult.Conflict("The campaign has no sequence steps; add at least one before starting it.");
        }

        var first = plan.Steps.MinBy(s => s.OrderIndex)!;
        if (first.Trigger == StepTrigger.AfterReply)
        {
            return CampaignResult.Conflict("The first step cannot wait for a reply: nobody has replied before the first message.");
        }

        var accounts = GrainFactory.GetGrain<ISendingAccountsGrain>(0);
        Guid accountId;
        if (brief.Audience.SendingAccountId is { } chosen)
        {
            var account = await accounts.Get(organizationId, chosen);
            if (account is null)
            {
                return CampaignResult.Conflict($"The sending account {chosen} (target_audience.bd_account_id) does not exist in the organization.");
            }

            if (account.Status != SendingAccountStatus.Active)
            {
                return CampaignResult.Conflict($"The sending account '{account.Name}' is {DbNames.Of(account.Status)}; choose an active one.");
            }

            accountId = chosen;
        }
        else if (await accounts.FirstActive(organizationId) is { } firstActive)
        {
            accountId = firstActive;
        }
        else
        {
            return CampaignResult.Conflict("The organization has no active sending account; add one (POST /api/sending-accounts) before starting.");
        }

        var now = clock.UtcNowMicroseconds();
        if (!await OutreachParticipants.Any(Id))
        {
            var (sendable, total) = await OutreachParticipants.Materialize(
                Id, organizationId, accountId, brief.Audience,
                contactId => StepSchedule.DueAt(first, now, brief, Id, contactId), now);
            if (sendable == 0)
            {
                return CampaignResult.Conflict(total == 0
                    ? "No contact matches the campaign's audience."
                    : $"None of the {total} picked contacts has a Telegram id; a bot can only write to people who started it.");
            }

            LogOutreachMaterialized(logger, Id, sendable, total);
        }

        var before = S.Snapshot();
        CampaignEditing.Enter(S, CampaignStatus.Active, new CampaignTransitionRequest(CampaignTransition.Launch), now);
        var saved = await Save();
        await AfterChange(before);
        return saved;
    }

    /// <summary>
    /// After every saved change of an outreach campaign: active → dispatch reminder and timer; paused → the reminder
    /// stays but nothing is woken; completed or cancelled → neither, and participants not yet final are stopped.
    /// </summary>
    private async Task FollowOutreach()
    {
        if (!state.RecordExists || S.Kind != CampaignKind.Outreach)
        {
            return;
        }

        switch (S.Status)
        {
            case CampaignStatus.Active:
                ServiceProvider.GetRequiredService<OutreachPlans>().Forget(Id);
                await this.RegisterOrUpdateReminder(OutreachDispatchReminder, OutreachSettings.DispatchPeriod, OutreachSettings.DispatchPeriod);
                EnsureDispatchTimer();
                break;
            case CampaignStatus.Paused:
                StopDispatchTimer();
                break;
            case CampaignStatus.Completed or CampaignStatus.Cancelled:
                StopDispatchTimer();
                if (await this.GetReminder(OutreachDispatchReminder) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                var stopped = await OutreachParticipants.StopRemaining(Id, "The campaign was stopped.", clock.UtcNowMicroseconds());
                if (stopped > 0)
                {
                    LogOutreachStopped(logger, Id, stopped);
                }

                break;
        }
    }

    private async Task OutreachDispatchTick()
    {
        if (!state.RecordExists || S.Kind != CampaignKind.Outreach || CampaignLifecycle.IsFinal(S.Status) || S.Status == CampaignStatus.Draft)
        {
            if (await this.GetReminder(OutreachDispatchReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        if (S.Status == CampaignStatus.Active)
        {
            EnsureDispatchTimer();
        }
    }

    private void EnsureDispatchTimer() =>
        // Interleaved so a pause or a participant's runtime read is served while a long scan awaits its wakes.
        dispatchTimer ??= this.RegisterGrainTimer(Dispatch, new GrainTimerCreationOptions(TimeSpan.Zero, OutreachSettings.DispatchTick) { Interleave = true, KeepAlive = true });

    private void StopDispatchTimer()
    {
        dispatchTimer?.Dispose();
        dispatchTimer = null;
    }

    /// <summary>Wakes every due participant (keyset over the due index), then completes the campaign when nobody is left on the way.</summary>
    private async Task Dispatch(CancellationToken cancellationToken)
    {
        if (dispatching)
        {
            return;
        }

        dispatching = true;
        try
        {
            var settings = OutreachSettings;
            var now = clock.UtcNowMicroseconds();
            (DateTimeOffset, Guid)? after = null;
            while (S.Status == CampaignStatus.Active && !cancellationToken.IsCancellationRequested)
            {
                var due = await OutreachParticipants.Due(Id, now, after, settings.DispatchBatch);
                if (due.Count == 0)
                {
                    break;
                }

                using var gate = new SemaphoreSlim(settings.DispatchConcurrency);
                var wakes = new List<Task>(due.Count);
                foreach (var (contactId, _) in due)
                {
                    await gate.WaitAsync(cancellationToken);
                    wakes.Add(WakeOne(contactId, gate));
                }

                await Task.WhenAll(wakes);
                after = (due[^1].DueAt, due[^1].ContactId);
                if (due.Count < settings.DispatchBatch)
                {
                    break;
                }
            }

            if (S.Status == CampaignStatus.Active && !await OutreachParticipants.AnyOpen(Id))
            {
                // Every participant is final: the campaign completes by itself.
                var completed = await Transition(S.OrganizationId, new CampaignTransitionRequest(CampaignTransition.Complete));
                LogOutreachCompleted(logger, Id, completed.Outcome);
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or OperationCanceledException)
        {
            // The next tick scans again; nothing is lost because due rows stay due until their participant moves on.
            LogDispatchFailed(logger, e, Id);
        }
        finally
        {
            dispatching = false;
        }
    }

    private async Task WakeOne(Guid contactId, SemaphoreSlim gate)
    {
        try
        {
            await GrainFactory.Participant(Id, contactId).Wake();
        }
        catch (Exception e)
        {
            // One participant's failure (a database hiccup) must not stop the others; its row stays due.
            LogWakeFailed(logger, e, Id, contactId);
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outreach campaign {CampaignId} started with {Sendable} participants to write to ({Total} matched)")]
    private static partial void LogOutreachMaterialized(ILogger logger, Guid campaignId, int sendable, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outreach campaign {CampaignId} stopped: {Count} participants stopped")]
    private static partial void LogOutreachStopped(ILogger logger, Guid campaignId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outreach campaign {CampaignId}: every participant is final; completing ({Outcome})")]
    private static partial void LogOutreachCompleted(ILogger logger, Guid campaignId, CommandOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outreach campaign {CampaignId}: the dispatch scan failed; the next tick retries")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, Guid campaignId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outreach campaign {CampaignId}: waking participant {ContactId} failed; it stays due")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, Guid campaignId, Guid contactId);
}
