
namespace Campaigns.Campaigns;

/// <summary>Where a campaign is in its lifecycle (draft → scheduled → active ⇄ paused → completed; cancelled).</summary>
[GenerateSerializer, Alias("campaigns.CampaignStatus")]
public enum CampaignStatus
{
    Draft = 0,
    Scheduled = 1,
    Active = 2,
    Paused = 3,
    Completed = 4,
    Cancelled = 5,
}
