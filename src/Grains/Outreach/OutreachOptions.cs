
namespace Campaigns.Outreach;

/// <summary>Settings of the outreach send loop (configuration section <c>Outreach</c>).</summary>
public sealed class OutreachOptions
{
    public const string SectionName = "Outreach";

    /// <summary>The campaign's dispatch reminder: how soon after a restart a running campaign wakes its due participants again.</summary>
    public TimeSpan DispatchPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an active campaign's in-memory timer scans for due participants.</summary>
    public TimeSpan DispatchTick { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Participants woken at once by one campaign.</summary>
    public int DispatchConcurrency { get; set; } = 64;

    /// <summary>Due rows read per scan query.</summary>
    public int DispatchBatch { get; set; } = 1000;

    /// <summary>The period of a participant's own reminder after it first fires at <c>next_send_at</c> (a safety net; a wake with nothing due does nothing).</summary>
    public TimeSpan ParticipantReminderPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A participant registers its own reminder only for a <c>next_send_at</c> at least this far ahead; sooner ones (a
    /// pacing slot, a short 429 hold) are left to the campaign's dispatch, which runs far more often.
    /// </summary>
    public TimeSpan ReminderMinimumLead { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>What <c>{{ai.personalize}}</c> renders until an AI service exists.</summary>
    public string AiPersonalizeText { get; set; } = "";

    /// <summary>How long a silo reuses a campaign's loaded plan (steps and templates can only change while the campaign is not active).</summary>
    public TimeSpan PlanCacheTtl { get; set; } = TimeSpan.FromSeconds(2);
}
