using Campaigns.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Campaigns.Campaigns;

/// <summary>
/// A scheduled campaign launches itself at <c>scheduled_for</c>: a reminder (kept in PostgreSQL, so it survives a
/// restart) fires then and launches through the same path as <c>/launch</c>.
/// </summary>
public sealed partial class CampaignGrain
{
    public const string LaunchReminder = "launch-at-scheduled-time";

    /// <summary>
    /// Once due, a failed launch (no matching creator yet, a database hiccup) is tried again each period;
    /// one minute is also the production minimum reminder period.
    /// </summary>
    private static readonly TimeSpan LaunchRetryPeriod = TimeSpan.FromMinutes(1);

    private async Task LaunchAtScheduledTime()
    {
        if (!state.RecordExists || S.Status != CampaignStatus.Scheduled)
        {
            // Launched or cancelled by hand first (or deleted): the reminder has nothing left to do.
            await FollowSchedule();
            return;
        }

        if (S.ScheduledFor is { } when && when > clock.GetUtcNow())
        {
            // A tick that came early (the schedule moved): follow the current schedule.
            await FollowSchedule();
            return;
        }

        var launched = await Transition(S.OrganizationId, new CampaignTransitionRequest(CampaignTransition.Launch));
        if (launched.Outcome == CommandOutcome.Ok)
        {
            LogLaunchedOnSchedule(logger, Id, S.ScheduledFor);
            await FollowSchedule();
        }
        else
        {
            // The reminder stays and retries each period; the campaign stays scheduled so a person can see why.
            LogScheduledLaunchRefused(logger, Id, launched.Message);
        }
    }

    /// <summary>A scheduled campaign has the launch reminder at its <c>scheduled_for</c>; any other has none.</summary>
    private async Task FollowSchedule()
    {
        var wanted = state.RecordExists && S.Status == CampaignStatus.Scheduled ? S.ScheduledFor : null;
        if (state.RecordExists && wanted == S.LaunchReminderFor)
        {
            return;
        }

        if (wanted is { } when)
        {
            var due = when - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(LaunchReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, LaunchRetryPeriod);
        }
        else if (await this.GetReminder(LaunchReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        if (state.RecordExists)
        {
            S.LaunchReminderFor = wanted;
            await state.WriteStateAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} launched on schedule ({ScheduledFor})")]
    private static partial void LogLaunchedOnSchedule(ILogger logger, Guid campaignId, DateTimeOffset? scheduledFor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId} could not launch on schedule: {Reason}; retrying")]
    private static partial void LogScheduledLaunchRefused(ILogger logger, Guid campaignId, string? reason);
}
