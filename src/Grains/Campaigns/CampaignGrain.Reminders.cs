namespace Campaigns.Campaigns;

/// <summary>The one place reminder ticks are dispatched, by reminder name.</summary>
public sealed partial class CampaignGrain
{
    /// <summary>
    /// Reminders the campaign grain registered before each kind moved to its own grain (docs/ARCHITECTURE.md, "Crash
    /// windows"): the influencer end-date check and the outreach dispatch. Their names are the kind grains' names now.
    /// </summary>
    private static readonly string[] LegacyKindReminders = ["complete-at-end-date", "outreach-dispatch"];

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == LaunchReminder)
        {
            await LaunchAtScheduledTime();
        }
        else if (LegacyKindReminders.Contains(reminderName))
        {
            await HandOverLegacyReminder(reminderName);
        }
    }

    /// <summary>
    /// The kind grain registers its own reminder first, then this one goes. A crash between the two leaves both: the
    /// legacy one fires again and hands over again (idempotent); the kind's checks do not repeat work (an end-date
    /// completion of a completed campaign and a dispatch scan of an idle one do nothing).
    /// </summary>
    private async Task HandOverLegacyReminder(string reminderName)
    {
        if (state.RecordExists && Kind is { } kind)
        {
            // AdoptReminder only schedules work on the kind grain, so it never calls this grain back.
            await kind.AdoptReminder(S.Facts(Id), reminderName);
        }

        if (await this.GetReminder(reminderName) is { } legacy)
        {
            await this.UnregisterReminder(legacy);
        }
    }
}
