using Campaigns.Tenancy;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Tenancy;

public sealed class PermissionMatrixTests
{
    private const bool Y = true;
    private const bool N = false;

    /// <summary>The expected table, written out: columns are campaigns read, campaigns write, users, API keys, audit, creators read, creators write, contacts read, contacts write.</summary>
    public static TheoryData<Role, bool, bool, bool, bool, bool, bool, bool, bool, bool> Table => new()
    {
        { Role.Admin, Y, Y, Y, Y, Y, Y, Y, Y, Y },
        { Role.BrandManager, Y, Y, N, N, N, Y, Y, Y, Y },
        { Role.MediaBuyer, Y, Y, N, N, N, Y, Y, Y, Y },
        { Role.AffiliateManager, Y, N, N, N, N, Y, N, Y, N },
        { Role.Finance, Y, N, N, N, N, Y, N, Y, N },
        { Role.ReadOnly, Y, N, N, N, N, Y, N, Y, N },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Role_is_granted_exactly_its_row(Role role, bool campaignsRead, bool campaignsWrite, bool usersManage, bool apiKeysManage, bool auditRead,
        bool creatorsRead, bool creatorsWrite, bool contactsRead, bool contactsWrite)
    {
        var expected = new Dictionary<Permission, bool>
        {
            [Permission.CampaignsRead] = campaignsRead,
            [Permission.CampaignsWrite] = campaignsWrite,
            [Permission.UsersManage] = usersManage,
            [Permission.ApiKeysManage] = apiKeysManage,
            [Permission.AuditRead] = auditRead,
            [Permission.CreatorsRead] = creatorsRead,
            [Permission.CreatorsWrite] = creatorsWrite,
            [Permission.ContactsRead] = contactsRead,
            [Permission.ContactsWrite] = contactsWrite,
        };
        Assert.Equal(Enum.GetValues<Permission>().Order(), expected.Keys.Order());

        foreach (var (permission, allowed) in expected)
        {
            Assert.True(allowed == PermissionMatrix.Allows(role, permission), $"{role} / {permission}: expected {allowed}");
        }

        Assert.Equal(expected.Where(e => e.Value).Select(e => e.Key).Order(), PermissionMatrix.For(role).Order());
    }

    [Fact]
    public void The_table_covers_every_role()
    {
        var covered = Table.Select(row => row.Data.Item1).Order();
        Assert.Equal(Enum.GetValues<Role>().Order(), covered);
    }

    [Fact]
    public void Admin_has_every_permission()
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            Assert.True(PermissionMatrix.Allows(Role.Admin, permission), permission.ToString());
        }
    }

    [Theory]
    [InlineData(Permission.CampaignsWrite)]
    [InlineData(Permission.UsersManage)]
    [InlineData(Permission.ApiKeysManage)]
    [InlineData(Permission.CreatorsWrite)]
    [InlineData(Permission.ContactsWrite)]
    public void Read_only_cannot_write(Permission write) =>
        Assert.False(PermissionMatrix.Allows(Role.ReadOnly, write));

    [Fact]
    public void Every_role_can_read_campaigns()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.True(PermissionMatrix.Allows(role, Permission.CampaignsRead), role.ToString());
        }
    }

    [Fact]
    public void Every_role_can_read_creators()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.True(PermissionMatrix.Allows(role, Permission.CreatorsRead), role.ToString());
        }
    }

    [Fact]
    public void Unknown_role_value_is_allowed_nothing() =>
        Assert.False(PermissionMatrix.Allows((Role)99, Permission.CampaignsRead));
}
