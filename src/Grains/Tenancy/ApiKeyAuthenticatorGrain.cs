using Campaigns.Storage;
using Orleans.Concurrency;

namespace Campaigns.Tenancy;

/// <summary>Looks API keys up by hash; callers cache the answer so a request does not reach the database.</summary>
[StatelessWorker]
public sealed class ApiKeyAuthenticatorGrain(TenancyRepository tenancy) : Grain, IApiKeyAuthenticatorGrain
{
    public Task<Principal?> Authenticate(byte[] keyHash) => tenancy.Authenticate(keyHash);
}
