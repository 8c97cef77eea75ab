using Campaigns.Infrastructure;

namespace Campaigns.Tenancy;

/// <summary>An organization (tenant): its users and API keys.</summary>
[Alias("campaigns.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithGuidKey
{
    [Alias("CreateUser")]
    Task<CommandResult<UserView>> CreateUser(string email, Role role);

    [Alias("ListUsers")]
    Task<IReadOnlyList<UserView>> ListUsers();

    [Alias("CreateApiKey")]
    Task<CommandResult<CreatedApiKey>> CreateApiKey(Guid userId, string name, Guid? issuedBy = null);

    /// <summary>Changes a user's role and whether it is disabled (null leaves either as it is); the organization keeps an active admin.</summary>
    [Alias("UpdateUser")]
    Task<CommandResult<UserView>> UpdateUser(Guid userId, Role? role, bool? disabled);

    [Alias("ListApiKeys")]
    Task<IReadOnlyList<ApiKeyView>> ListApiKeys();

    [Alias("RevokeApiKey")]
    Task<CommandResult<ApiKeyView>> RevokeApiKey(Guid apiKeyId);
}
