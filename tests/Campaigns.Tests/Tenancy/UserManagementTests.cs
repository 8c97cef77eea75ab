using System.Net;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;

namespace Campaigns.Tests.Tenancy;

/// <summary>PATCH /api/users/{id}: roles change and users are disabled at once for their keys; an active admin always remains.</summary>
public sealed class UserManagementTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task A_role_change_and_a_disable_take_effect_on_the_users_keys_at_once()
    {
        var (org, admin) = await api.NewOrganization();
        var buyer = await admin.CreateUserWithKey("media_buyer");
        using var asBuyer = api.Client(buyer.Secret);
        await (await asBuyer.Post("/api/campaigns", new { name = "Allowed", kind = "ads", budget = 1 })).Expect(HttpStatusCode.Created);

        var readOnly = await (await admin.Patch($"/api/users/{buyer.UserId}", new { role = "read_only" })).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("read_only", readOnly.Str("role"));
        await (await asBuyer.Post("/api/campaigns", new { name = "Refused", kind = "ads", budget = 1 })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await asBuyer.Get("/api/campaigns")).Expect(HttpStatusCode.OK);

        var disabled = await (await admin.Patch($"/api/users/{buyer.UserId}", new { disabled = true })).ExpectJson(HttpStatusCode.OK);
        Assert.NotNull(disabled["disabled_at"]);
        await (await asBuyer.Get("/api/campaigns")).ExpectProblem(HttpStatusCode.Unauthorized);
        await (await admin.Post("/api/api-keys", new { name = "for a disabled user", user_id = buyer.UserId })).ExpectProblem(HttpStatusCode.BadRequest);

        var enabled = await (await admin.Patch($"/api/users/{buyer.UserId}", new { disabled = false })).ExpectJson(HttpStatusCode.OK);
        Assert.Null(enabled["disabled_at"]);
        await (await asBuyer.Get("/api/campaigns")).Expect(HttpStatusCode.OK);

        var audit = await admin.AuditRows($"resource_id={buyer.UserId}");
        Assert.Equal(3, audit.Count(row => row.Str("action") == "user.update"));
        Assert.Equal(org.AdminUserId.ToString(), (await (await admin.Get($"/api/api-keys/{buyer.KeyId}")).ExpectJson(HttpStatusCode.OK)).Str("issued_by"));
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_disabled()
    {
        var (org, admin) = await api.NewOrganization();

        await (await admin.Patch($"/api/users/{org.AdminUserId}", new { role = "read_only" })).ExpectProblem(HttpStatusCode.Conflict);
        await (await admin.Patch($"/api/users/{org.AdminUserId}", new { disabled = true })).ExpectProblem(HttpStatusCode.Conflict);

        var second = await admin.CreateUserWithKey("admin");
        await (await admin.Patch($"/api/users/{org.AdminUserId}", new { role = "finance" })).Expect(HttpStatusCode.OK);
        using var asSecond = api.Client(second.Secret);
        await (await asSecond.Patch($"/api/users/{second.UserId}", new { disabled = true })).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_changes_and_other_organizations_users_are_refused()
    {
        var (_, admin) = await api.NewOrganization();
        var (other, _) = await api.NewOrganization();
        var user = await admin.CreateUserWithKey("finance");

        await (await admin.Patch($"/api/users/{user.UserId}", new { role = "emperor" })).ExpectValidationProblem("role");
        await (await admin.Patch($"/api/users/{user.UserId}", new { })).ExpectValidationProblem("body");
        await (await admin.Patch($"/api/users/{other.AdminUserId}", new { disabled = true })).ExpectProblem(HttpStatusCode.NotFound);
        await (await admin.Patch($"/api/users/{Guid.NewGuid()}", new { disabled = true })).ExpectProblem(HttpStatusCode.NotFound);
    }
}
