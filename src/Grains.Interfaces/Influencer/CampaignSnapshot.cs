using Campaigns.Campaigns;

namespace Campaigns.Influencer;

/// <summary>
/// What an allocation needs to know of its campaign to act alone: whether it runs, its days, and how its posts are
/// recognised. The campaign pushes a new one on every change, so an allocation never calls back into its campaign.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignSnapshot")]
public sealed record CampaignSnapshot(
    [property: Id(0)] CampaignStatus Status,
    [property: Id(1)] DateOnly? StartDate,
    [property: Id(2)] DateOnly? EndDate,
    [property: Id(3)] TrackingConfig TrackingConfig)
{
    /// <summary>Equal by content: record equality would compare the tracking lists by reference.</summary>
    public bool SameAs(CampaignSnapshot other) =>
        Status == other.Status && StartDate == other.StartDate && EndDate == other.EndDate
        && TrackingConfig.SameAs(other.TrackingConfig);
}
