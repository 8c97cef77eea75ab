
namespace Campaigns.Campaigns;

/// <summary>Which of the product's campaign systems a campaign belongs to; each later adds its own section.</summary>
[GenerateSerializer, Alias("campaigns.CampaignKind")]
public enum CampaignKind
{
    Influencer = 0,
    Outreach = 1,
    Marketing = 2,
    Ads = 3,
}
