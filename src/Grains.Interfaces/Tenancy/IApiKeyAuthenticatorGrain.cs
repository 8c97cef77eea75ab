
namespace Campaigns.Tenancy;

/// <summary>Resolves an API key's hash to its principal; the API host caches the answers.</summary>
[Alias("campaigns.IApiKeyAuthenticatorGrain")]
public interface IApiKeyAuthenticatorGrain : IGrainWithIntegerKey
{
    [Alias("Authenticate")]
    Task<Principal?> Authenticate(byte[] keyHash);
}
