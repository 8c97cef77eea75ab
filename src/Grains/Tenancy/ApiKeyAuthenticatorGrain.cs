using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Orleans.Concurrency;

namespace Campaigns.Tenancy;

/// <summary>Looks API keys up by hash; callers cache the answer so a request does not reach the database.</summary>
/// <remarks>
/// Reentrant: it holds no state and only awaits PostgreSQL, so each activation serves any number of
/// calls at once. Without it a stateless worker runs one call at a time per activation, and with at
/// most one activation per core every request needing it queued behind a few database round trips.
/// </remarks>
[StatelessWorker, Reentrant]
public sealed class ApiKeyAuthenticatorGrain(TenancyRepository tenancy) : Grain, IApiKeyAuthenticatorGrain
{
    public Task<Principal?> Authenticate(byte[] keyHash) => tenancy.Authenticate(keyHash);
}
