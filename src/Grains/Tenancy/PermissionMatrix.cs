using System.Collections.Frozen;

namespace Campaigns.Tenancy;

/// <summary>The one place that says which role may do what.</summary>
public static class PermissionMatrix
{
    private static readonly FrozenDictionary<Role, FrozenSet<Permission>> Grants = new Dictionary<Role, FrozenSet<Permission>>
    {
        [Role.Admin] = Enum.GetValues<Permission>().ToFrozenSet(),
        [Role.BrandManager] = new[] { Permission.CampaignsRead, Permission.CampaignsWrite }.ToFrozenSet(),
        [Role.MediaBuyer] = new[] { Permission.CampaignsRead, Permission.CampaignsWrite }.ToFrozenSet(),
        [Role.AffiliateManager] = new[] { Permission.CampaignsRead }.ToFrozenSet(),
        [Role.Finance] = new[] { Permission.CampaignsRead }.ToFrozenSet(),
        [Role.ReadOnly] = new[] { Permission.CampaignsRead }.ToFrozenSet(),
    }.ToFrozenDictionary();

    public static bool Allows(Role role, Permission permission) =>
        Grants.TryGetValue(role, out var granted) && granted.Contains(permission);

    public static IReadOnlySet<Permission> For(Role role) => Grants[role];
}
