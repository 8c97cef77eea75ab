using Campaigns.Campaigns;

namespace Campaigns.Outreach;

/// <summary>When an outreach campaign's templates, sequence and picked audience may change.</summary>
/// <remarks>
/// Before launch (draft, scheduled) and while paused: a running campaign's participants are mid-sequence, and a
/// finished campaign's sequence is its history. Scheduled counts as before launch so a scheduled campaign can be fixed
/// without cancelling it.
/// </remarks>
public static class SequenceEditing
{
    public static bool IsEditable(CampaignStatus status) =>
        status is CampaignStatus.Draft or CampaignStatus.Scheduled or CampaignStatus.Paused;

    public static string Refusal(CampaignStatus status) => status == CampaignStatus.Active
        ? "The campaign is 'active': pause it to change its templates, sequence or audience."
        : $"The campaign is '{CampaignLifecycle.Name(status)}': its templates, sequence and audience can no longer change.";
}
