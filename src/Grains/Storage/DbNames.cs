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

    public static string Of(SocialPlatform platform) => platform switch
    {
        SocialPlatform.Instagram => "instagram",
        SocialPlatform.Tiktok => "tiktok",
        SocialPlatform.Youtube => "youtube",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    public static string Of(MatchVerdict verdict) => verdict switch
    {
        MatchVerdict.Matched => "matched",
        MatchVerdict.BelowMinimumConfidence => "below_minimum_confidence",
        MatchVerdict.NoSignals => "no_signals",
        MatchVerdict.OutsideCampaignDates => "outside_campaign_dates",
        MatchVerdict.PublishTimeUnknown => "publish_time_unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    public static string Of(PostDecision decision) => decision switch
    {
        PostDecision.Pending => "pending",
        PostDecision.Confirmed => "confirmed",
        PostDecision.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static string Of(PostDetection detection) => detection switch
    {
        PostDetection.Auto => "auto",
        PostDetection.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(detection), detection, null),
    };

    public static SocialPlatform PlatformFrom(string value) => Enum.GetValues<SocialPlatform>().First(p => Of(p) == value);

    /// <summary>Null for <c>not_evaluated</c>: a post a person added that matching has not looked at yet.</summary>
    public static MatchVerdict? VerdictFrom(string value) => Enum.GetValues<MatchVerdict>().Cast<MatchVerdict?>().FirstOrDefault(v => Of(v!.Value) == value);

    public static PostDecision DecisionFrom(string value) => Enum.GetValues<PostDecision>().First(d => Of(d) == value);

    public static PostDetection DetectionFrom(string value) => Enum.GetValues<PostDetection>().First(d => Of(d) == value);

    public static CampaignKind KindFrom(string value) => Enum.GetValues<CampaignKind>().First(k => Of(k) == value);

    public static CampaignStatus StatusFrom(string value) => Enum.GetValues<CampaignStatus>().First(s => Of(s) == value);

    public static Role RoleFrom(string value) => Enum.GetValues<Role>().First(r => Of(r) == value);
}
