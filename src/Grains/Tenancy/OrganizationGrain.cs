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

    public async Task<CommandResult<UserView>> CreateUser(string email, Role role) =>
        await tenancy.CreateUser(Id, email, role) is { } user
            ? CommandResult<UserView>.Ok(user)
            : CommandResult<UserView>.Conflict($"A user with e-mail '{email}' already exists in this organization.");

    public Task<IReadOnlyList<UserView>> ListUsers() => tenancy.ListUsers(Id);

    public async Task<CommandResult<CreatedApiKey>> CreateApiKey(Guid userId, string name, Guid? issuedBy = null) =>
        await tenancy.CreateApiKey(Id, userId, name, issuedBy) is { } key
            ? CommandResult<CreatedApiKey>.Ok(key)
            : CommandResult<CreatedApiKey>.Invalid("user_id", "No such active user in this organization.");

    public async Task<CommandResult<UserView>> UpdateUser(Guid userId, Role? role, bool? disabled) =>
        await tenancy.UpdateUser(Id, userId, role, disabled) switch
        {
            (UserUpdate.Updated, { } user) => CommandResult<UserView>.Ok(user),
            (UserUpdate.LastAdmin, _) => CommandResult<UserView>.Conflict(
                "The organization would be left without an active admin: make another user admin first."),
            _ => CommandResult<UserView>.NotFound("User not found."),
        };

    public Task<IReadOnlyList<ApiKeyView>> ListApiKeys() => tenancy.ListApiKeys(Id);

    public async Task<CommandResult<ApiKeyView>> RevokeApiKey(Guid apiKeyId) =>
        await tenancy.RevokeApiKey(Id, apiKeyId) is { } key
            ? CommandResult<ApiKeyView>.Ok(key)
            : CommandResult<ApiKeyView>.NotFound("API key not found.");
}
