using Campaigns.CampaignCore;
using Campaigns.Influencer;
using Campaigns.Tenancy;

namespace Campaigns.Storage;

/// <summary>The spelling of enums in database columns: the same snake_case the API speaks.</summary>
public static class DbNames
{
    public static string Of(CampaignKind kind) => kind switch
    {
        CampaignKind.Influencer => "influencer",
        CampaignKind.Outreach => "outreach",
        CampaignKind.Marketing => "marketing",
        CampaignKind.Ads => "ads",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "draft",
        CampaignStatus.Scheduled => "scheduled",
        CampaignStatus.Active => "active",
        CampaignStatus.Paused => "paused",
        CampaignStatus.Completed => "completed",
        CampaignStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(Role role) => role switch
    {
        Role.Admin => "admin",
        Role.BrandManager => "brand_manager",
        Role.MediaBuyer => "media_buyer",
        Role.AffiliateManager => "affiliate_manager",
        Role.Finance => "finance",
        Role.ReadOnly => "read_only",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string Of(ApifyJobType type) => type switch
    {
        ApifyJobType.ProfileScrape => "profile_scrape",
        ApifyJobType.PostsScrape => "posts_scrape",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Of(ApifyJobStatus status) => status switch
    {
        ApifyJobStatus.Pending => "pending",
        ApifyJobStatus.Running => "running",
        ApifyJobStatus.Completed => "completed",
        ApifyJobStatus.Failed => "failed",
        ApifyJobStatus.Held => "held",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(SocialPlatform platform) => platform switch
    {
        SocialPlatform.Instagram => "instagram",
        SocialPlatform.Tiktok => "tiktok",
        SocialPlatform.Youtube => "youtube",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    public static ApifyJobType JobTypeFrom(string value) => Enum.GetValues<ApifyJobType>().First(t => Of(t) == value);

    public static ApifyJobStatus JobStatusFrom(string value) => Enum.GetValues<ApifyJobStatus>().First(s => Of(s) == value);

    public static SocialPlatform PlatformFrom(string value) => Enum.GetValues<SocialPlatform>().First(p => Of(p) == value);

    public static CampaignKind KindFrom(string value) => Enum.GetValues<CampaignKind>().First(k => Of(k) == value);

    public static CampaignStatus StatusFrom(string value) => Enum.GetValues<CampaignStatus>().First(s => Of(s) == value);

    public static Role RoleFrom(string value) => Enum.GetValues<Role>().First(r => Of(r) == value);
}
