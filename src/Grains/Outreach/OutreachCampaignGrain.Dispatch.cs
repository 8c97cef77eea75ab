using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Campaigns.Outreach;

/// <summary>Start, dispatch, stop and self-completion of an outreach campaign.</summary>
public sealed partial class OutreachCampaignGrain
{
    /// <summary>
    /// <c>/start</c> (= <c>/launch</c>) of an outreach campaign: 409 with the reason when it has no steps, no usable
    /// sending account or nobody to write to; otherwise the participants are written in one statement and the campaign
    /// grain makes it active.
    /// </summary>
    /// <remarks>
    /// Idempotent: materialization is one transaction and is skipped when participants exist (a start that died after
    /// it), and ON CONFLICT adds nobody twice anyway. Crash window (unchanged by the move, now across two grains):
    /// participants written, campaign not yet saved active; the next launch finds them and goes on.
    /// </remarks>
    private async Task<CampaignResult?> StartOutreach(Guid organizationId)
    {
        var brief = Brief;
        services.PlanCache.Forget(Id);
        var plan = await services.PlanCache.Get(Id);
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
        if (!await services.Participants.Any(Id))
        {
            var (sendable, total) = await services.Participants.Materialize(
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

        return null;
    }

    /// <summary>
    /// After every saved change of the campaign: active → dispatch reminder and timer; paused → the reminder stays but
    /// nothing is woken; completed or cancelled → neither, and participants not yet final are stopped.
    /// </summary>
    /// <remarks>
    /// Crash window: the campaign is saved paused, completed or cancelled before this runs. Participants read the status
    /// from here, so until this grain hears it (the hook, or its next activation reading the campaign) a participant may
    /// send once more; a completed campaign's remaining participants are stopped by the next dispatch tick's reminder.
    /// </remarks>
    private async Task FollowOutreach(CampaignStatus status)
    {
        switch (status)
        {
            case CampaignStatus.Active:
                services.PlanCache.Forget(Id);
                await RegisterDispatchReminder();
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

                var stopped = await services.Participants.StopRemaining(Id, "The campaign was stopped.", clock.UtcNowMicroseconds());
                if (stopped > 0)
                {
                    LogOutreachStopped(logger, Id, stopped);
                }

                break;
        }
    }

    private Task RegisterDispatchReminder() =>
        this.RegisterOrUpdateReminder(OutreachDispatchReminder, services.Options.DispatchPeriod, services.Options.DispatchPeriod);

    private async Task OutreachDispatchTick()
    {
        // A tick after a restart: read the campaign afresh, since nothing was pushed to this activation yet.
        facts = await Campaign.Facts();
        if (facts is not { Kind: CampaignKind.Outreach } || CampaignLifecycle.IsFinal(facts.Status) || facts.Status == CampaignStatus.Draft)
        {
            if (await this.GetReminder(OutreachDispatchReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            if (facts is { Kind: CampaignKind.Outreach } && CampaignLifecycle.IsFinal(facts.Status))
            {
                // Heals the crash window of FollowOutreach: participants left open by a stop that never reached here.
                await services.Participants.StopRemaining(Id, "The campaign was stopped.", clock.UtcNowMicroseconds());
            }

            return;
        }

        if (facts.Status == CampaignStatus.Active)
        {
            EnsureDispatchTimer();
        }
    }

    private void EnsureDispatchTimer() =>
        // Interleaved so a pause (hook) or a participant's runtime read is served while a long scan awaits its wakes.
        dispatchTimer ??= this.RegisterGrainTimer(Dispatch, new GrainTimerCreationOptions(TimeSpan.Zero, services.Options.DispatchTick) { Interleave = true, KeepAlive = true });

    private void StopDispatchTimer()
    {
        dispatchTimer?.Dispose();
        dispatchTimer = null;
    }

    private bool Active => facts?.Status == CampaignStatus.Active;

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
            var settings = services.Options;
            var now = clock.UtcNowMicroseconds();
            (DateTimeOffset, Guid)? after = null;
            while (Active && !cancellationToken.IsCancellationRequested)
            {
                var due = await services.Participants.Due(Id, now, after, settings.DispatchBatch);
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

            if (Active && !await services.Participants.AnyOpen(Id))
            {
                await CompleteCampaign();
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

    /// <summary>Every participant is final: the campaign completes by itself.</summary>
    /// <remarks>
    /// Runs in the interleaved timer, and the hooks are interleaved too, so the campaign's OnChanged call back is served
    /// while this awaits. Crash window: the campaign saved completed but OnChanged did not stop the reminder: the next
    /// tick finds the campaign final, unregisters and stops anyone still open.
    /// </remarks>
    private async Task CompleteCampaign()
    {
        // The campaign calls OnChanged back (interleaved: this timer awaits it) and that stops the dispatch, as before the move.
        var completed = await Campaign.CompleteByKind(facts!.OrganizationId);
        LogOutreachCompleted(logger, Id, completed.Outcome);
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
