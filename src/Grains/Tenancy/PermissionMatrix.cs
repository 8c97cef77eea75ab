using System.Collections.Frozen;

namespace Campaigns.Tenancy;

/// <summary>The one place that says which role may do what.</summary>
public static class PermissionMatrix
{
    private static readonly FrozenDictionary<Role, FrozenSet<Permission>> Grants = new Dictionary<Role, FrozenSet<Permission>>
    {
        [Role.Admin] = Enum.GetValues<Permission>().ToFrozenSet(),
        [Role.BrandManager] = new[] { Permission.CampaignsRead, Permission.CampaignsWrite, Permission.CreatorsRead, Permission.CreatorsWrite, Permission.ContactsRead, Permission.ContactsWrite }.ToFrozenSet(),
        [Role.MediaBuyer] = new[] { Permission.CampaignsRead, Permission.CampaignsWrite, Permission.CreatorsRead, Permission.CreatorsWrite, Permission.ContactsRead, Permission.ContactsWrite }.ToFrozenSet(),
        [Role.AffiliateManager] = new[] { Permission.CampaignsRead, Permission.CreatorsRead, Permission.ContactsRead }.ToFrozenSet(),
        [Role.Finance] = new[] { Permission.CampaignsRead, Permission.CreatorsRead, Permission.ContactsRead }.ToFrozenSet(),
        [Role.ReadOnly] = new[] { Permission.CampaignsRead, Permission.CreatorsRead, Permission.ContactsRead }.ToFrozenSet(),
    }.ToFrozenDictionary();

    public static bool Allows(Role role, Permission permission) =>
        Grants.TryGetValue(role, out var granted) && granted.Contains(permission);

    public static IReadOnlySet<Permission> For(Role role) => Grants[role];
}
