
namespace Campaigns.Campaigns;

/// <summary>The campaign state machine: draft → scheduled → active ⇄ paused → completed, cancelled from any non-final state.</summary>
public static class CampaignLifecycle
{
    public static bool IsFinal(CampaignStatus status) =>
        status is CampaignStatus.Completed or CampaignStatus.Cancelled;

    public static bool CanDelete(CampaignStatus status) =>
        status is CampaignStatus.Draft or CampaignStatus.Completed or CampaignStatus.Cancelled;

    /// <summary>The status a transition leads to from <paramref name="current"/>, or null when it is not allowed.</summary>
    public static CampaignStatus? Next(CampaignStatus current, CampaignTransition transition) => (transition, current) switch
    {
        (CampaignTransition.Schedule, CampaignStatus.Draft) => CampaignStatus.Scheduled,
        (CampaignTransition.Launch, CampaignStatus.Draft or CampaignStatus.Scheduled) => CampaignStatus.Active,
        (CampaignTransition.Pause, CampaignStatus.Active) => CampaignStatus.Paused,
        (CampaignTransition.Resume, CampaignStatus.Paused) => CampaignStatus.Active,
        (CampaignTransition.Complete, CampaignStatus.Active or CampaignStatus.Paused) => CampaignStatus.Completed,
        (CampaignTransition.Cancel, _) when !IsFinal(current) => CampaignStatus.Cancelled,
        _ => null,
    };

    public static string Refusal(CampaignStatus current, CampaignTransition transition) =>
        $"Cannot {Verb(transition)} a campaign whose status is '{Name(current)}'.";

    public static string Name(CampaignStatus status) => status.ToString().ToLowerInvariant();

    private static string Verb(CampaignTransition transition) => transition.ToString().ToLowerInvariant();
}
