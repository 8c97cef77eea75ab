
namespace Campaigns.Tenancy;

/// <summary>Something a request may need to be allowed to do.</summary>
public enum Permission
{
    CampaignsRead,
    CampaignsWrite,
    UsersManage,
    ApiKeysManage,
    AuditRead,
    CreatorsRead,
    CreatorsWrite,
    ContactsRead,
    ContactsWrite,
}
