using Campaigns.CampaignCore;
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

    public static CampaignKind KindFrom(string value) => Enum.GetValues<CampaignKind>().First(k => Of(k) == value);

    public static CampaignStatus StatusFrom(string value) => Enum.GetValues<CampaignStatus>().First(s => Of(s) == value);

    public static Role RoleFrom(string value) => Enum.GetValues<Role>().First(r => Of(r) == value);
}
