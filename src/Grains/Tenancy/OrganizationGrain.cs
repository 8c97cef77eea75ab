using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;

namespace Campaigns.Tenancy;

/// <summary>An organization's users and keys; rows live in relational tables because keys are looked up by hash.</summary>
public sealed class OrganizationGrain(TenancyRepository tenancy) : Grain, IOrganizationGrain
{
    private Guid Id => this.GetPrimaryKey();

    public async Task<TenancyResult<UserView>> CreateUser(string email, Role role) =>
        await tenancy.CreateUser(Id, email, role) is { } user
            ? TenancyResult<UserView>.Ok(user)
            : TenancyResult<UserView>.Conflict($"A user with e-mail '{email}' already exists in this organization.", "email");

    public Task<IReadOnlyList<UserView>> ListUsers() => tenancy.ListUsers(Id);

    public async Task<TenancyResult<CreatedApiKey>> CreateApiKey(Guid userId, string name, Guid? issuedBy = null) =>
        await tenancy.CreateApiKey(Id, userId, name, issuedBy) is { } key
            ? TenancyResult<CreatedApiKey>.Ok(key)
            : TenancyResult<CreatedApiKey>.Invalid("user_id", "No such active user in this organization.");

    public async Task<TenancyResult<UserView>> UpdateUser(Guid userId, Role? role, bool? disabled) =>
        await tenancy.UpdateUser(Id, userId, role, disabled) switch
        {
            (UserUpdate.Updated, { } user) => TenancyResult<UserView>.Ok(user),
            (UserUpdate.LastAdmin, _) => TenancyResult<UserView>.Conflict(
                "The organization would be left without an active admin: make another user admin first.", role is null ? "disabled" : "role"),
            _ => TenancyResult<UserView>.NotFound("User not found."),
        };

    public Task<IReadOnlyList<ApiKeyView>> ListApiKeys() => tenancy.ListApiKeys(Id);

    public async Task<TenancyResult<ApiKeyView>> RevokeApiKey(Guid apiKeyId) =>
        await tenancy.RevokeApiKey(Id, apiKeyId) is { } key
            ? TenancyResult<ApiKeyView>.Ok(key)
            : TenancyResult<ApiKeyView>.NotFound("API key not found.");
}
