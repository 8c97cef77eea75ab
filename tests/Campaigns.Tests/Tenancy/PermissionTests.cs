using System.Net;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;

namespace Campaigns.Tests.Tenancy;

public sealed class PermissionTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    public static TheoryData<string> Roles => new(ApiTestExtensions.AllRoles);

    public static TheoryData<string> NonAdminRoles => new(ApiTestExtensions.AllRoles.Where(r => r != "admin"));

    public static TheoryData<string, Permission> EveryRoleAndPermission
    {
        get
        {
            var data = new TheoryData<string, Permission>();
            foreach (var role in ApiTestExtensions.AllRoles)
            {
                foreach (var permission in Enum.GetValues<Permission>())
                {
                    data.Add(role, permission);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndPermission))]
    public async Task Http_answers_follow_the_permission_matrix(string role, Permission permission)
    {
        var key = await api.KeyFor(role);
        using var client = api.Client(key.Secret);

        // A representative request per permission that changes nothing whether or not it is allowed.
        var response = permission switch
        {
            Permission.CampaignsRead => await client.Get("/api/campaigns"),
            Permission.CampaignsWrite => await client.Post("/api/campaigns", new { }),
            Permission.UsersManage => await client.Get("/api/users"),
            Permission.ApiKeysManage => await client.Get("/api/api-keys"),
            Permission.AuditRead => await client.Get("/api/audit"),
            Permission.CreatorsRead => await client.Get("/api/creators"),
            Permission.CreatorsWrite => await client.Post("/api/creators", new { }),
            Permission.ContactsRead => await client.Get("/api/contacts"),
            Permission.ContactsWrite => await client.Post("/api/contacts", new { }),
            _ => throw new ArgumentOutOfRangeException(nameof(permission)),
        };

        var roleEnum = DbNames.From<Role>(role);
        if (PermissionMatrix.Allows(roleEnum, permission))
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.BadRequest, $"{role} {permission}: {response.StatusCode}");
        }
        else
        {
            var problem = await response.ExpectProblem(HttpStatusCode.Forbidden);
            Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_role_can_list_and_read_campaigns(string role)
    {
        var campaign = await api.Admin.CreateCampaign();
        using var client = api.Client((await api.KeyFor(role)).Secret);

        var page = await (await client.Get("/api/campaigns")).ExpectJson(HttpStatusCode.OK);
        var read = await client.GetCampaign(campaign.Id());

        Assert.Contains(campaign.Str("id"), page.Ids());
        Assert.Equal(campaign.Str("name"), read.Str("name"));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("brand_manager")]
    [InlineData("media_buyer")]
    public async Task Campaign_writers_can_create_change_run_and_delete_campaigns(string role)
    {
        using var client = api.Client((await api.KeyFor(role)).Secret);

        var campaign = await client.CreateCampaign(new { name = $"By {role}", kind = "ads", budget = 100 });
        var id = campaign.Id();
        await (await client.Patch($"/api/campaigns/{id}", new { budget = 200 })).Expect(HttpStatusCode.OK);
        await client.Walk(id, "launch", "pause", "resume", "complete");
        await (await client.Delete($"/api/campaigns/{id}")).Expect(HttpStatusCode.NoContent);
        await (await client.Get($"/api/campaigns/{id}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("affiliate_manager")]
    [InlineData("finance")]
    [InlineData("read_only")]
    public async Task Roles_without_campaign_write_get_403_on_every_campaign_mutation_and_nothing_changes(string role)
    {
        var campaign = await api.Admin.CreateCampaign();
        var id = campaign.Id();
        using var client = api.Client((await api.KeyFor(role)).Secret);

        await (await client.Post("/api/campaigns", new { name = "Not allowed", kind = "ads", budget = 1 })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Patch($"/api/campaigns/{id}", new { name = "Renamed" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Post($"/api/campaigns/{id}/schedule", new { scheduled_for = DateTimeOffset.UtcNow.AddDays(1) }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        foreach (var transition in new[] { "launch", "pause", "resume", "complete", "cancel" })
        {
            await (await client.Post($"/api/campaigns/{id}/{transition}")).ExpectProblem(HttpStatusCode.Forbidden);
        }

        await (await client.Delete($"/api/campaigns/{id}")).ExpectProblem(HttpStatusCode.Forbidden);

        var after = await api.Admin.GetCampaign(id);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(campaign, after), $"{campaign.ToJsonString()} vs {after.ToJsonString()}");
        var forbiddenCreations = await api.Admin.AuditRows("action=campaign.create&outcome=forbidden&user_id=" + (await api.KeyFor(role)).UserId);
        Assert.NotEmpty(forbiddenCreations);
    }

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task Only_admins_manage_users(string role)
    {
        using var client = api.Client((await api.KeyFor(role)).Secret);
        var email = $"escalation-{Guid.NewGuid():N}@example.test";

        await (await client.Get("/api/users")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Post("/api/users", new { email, role = "admin" })).ExpectProblem(HttpStatusCode.Forbidden);

        var users = await (await api.Admin.Get("/api/users")).ExpectJson(HttpStatusCode.OK);
        Assert.DoesNotContain(users["items"]!.AsArray(), u => u!.Str("email") == email);
    }

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task Only_admins_manage_api_keys(string role)
    {
        var own = await api.KeyFor(role);
        using var client = api.Client(own.Secret);

        await (await client.Get("/api/api-keys")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Post("/api/api-keys", new { name = "Escalation", user_id = api.Org.AdminUserId })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Delete($"/api/api-keys/{own.KeyId}")).ExpectProblem(HttpStatusCode.Forbidden);

        var keys = await (await api.Admin.Get("/api/api-keys")).ExpectJson(HttpStatusCode.OK);
        Assert.DoesNotContain(keys["items"]!.AsArray(), k => k!.Str("name") == "Escalation");
        await (await client.Get("/api/campaigns")).Expect(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task Only_admins_read_the_audit_log(string role)
    {
        using var client = api.Client((await api.KeyFor(role)).Secret);

        await (await client.Get("/api/audit")).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task A_key_carries_its_users_role(string role)
    {
        var issued = await api.KeyFor(role);

        var keys = await (await api.Admin.Get("/api/api-keys")).ExpectJson(HttpStatusCode.OK);

        var listed = Assert.Single(keys["items"]!.AsArray(), k => k!.Str("id") == issued.KeyId.ToString());
        Assert.Equal(role, listed!.Str("role"));
        Assert.Equal(issued.UserId.ToString(), listed!.Str("user_id"));
    }
}
