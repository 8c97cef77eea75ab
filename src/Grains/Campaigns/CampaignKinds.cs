using Campaigns.Influencer;
using Campaigns.Outreach;

namespace Campaigns.Campaigns;

/// <summary>
/// Which grain carries a campaign kind's behaviour: the one place a new kind (ads, automation, offers) plugs in
/// (docs/ARCHITECTURE.md, "Where a new campaign kind plugs in"). Marketing campaigns have none: the core is all they are.
/// </summary>
public static class CampaignKinds
{
    public static ICampaignKindGrain? For(IGrainFactory grains, CampaignKind kind, Guid campaignId) => kind switch
    {
        CampaignKind.Influencer => grains.GetGrain<IInfluencerCampaignGrain>(campaignId).AsReference<ICampaignKindGrain>(),
        CampaignKind.Outreach => grains.GetGrain<ICampaignOutreachGrain>(campaignId).AsReference<ICampaignKindGrain>(),
        _ => null,
    };

    /// <summary>Kinds with a section of their own to check on create and change (skips a grain hop for the others).</summary>
    public static bool Checks(CampaignKind kind) => kind == CampaignKind.Outreach;

    /// <summary>Kinds that add details to the view (skips a grain hop on every GET of the others).</summary>
    public static bool Describes(CampaignKind kind) => kind == CampaignKind.Outreach;
}
