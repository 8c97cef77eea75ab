
namespace Campaigns.Tenancy;

/// <summary>What a user is allowed to do inside their organization; the permission matrix maps each to permissions.</summary>
[GenerateSerializer, Alias("campaigns.Role")]
public enum Role
{
    Admin = 0,
    BrandManager = 1,
    MediaBuyer = 2,
    AffiliateManager = 3,
    Finance = 4,
    ReadOnly = 5,
}
