using System.Collections.Concurrent;
using Campaigns.Tenancy;
using Microsoft.Extensions.Options;

namespace Campaigns.Api.Security;

/// <summary>
/// Remembers what each presented key resolved to, so authenticated requests never reach the
/// database. Revocation on this host takes effect at once; on other API hosts within
/// <see cref="AuthOptions.KeyCacheSeconds"/>.
/// </summary>
public sealed class ApiKeyCache(IClusterClient cluster, IOptions<AuthOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Entry> byHash = new(StringComparer.Ordinal);
    private readonly TimeSpan ttl = TimeSpan.FromSeconds(options.Value.KeyCacheSeconds);

    public async ValueTask<Principal?> Resolve(string secret)
    {
        var hash = ApiKeySecret.Hash(secret);
        var key = Convert.ToHexString(hash);
        var now = clock.GetUtcNow();
        if (byHash.TryGetValue(key, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Principal;
        }

        var principal = await cluster.GetGrain<IApiKeyAuthenticatorGrain>(0).Authenticate(hash);
        if (byHash.Count >= MaxEntries)
        {
            // Floods of random keys must not grow memory without bound.
            byHash.Clear();
        }

        byHash[key] = new Entry(principal, now + ttl);
        return principal;
    }

    /// <summary>
    /// Every cached key of a user whose role or status changed: the next request looks it up again. Refusals are
    /// forgotten too, since they carry no user: a re-enabled user's key may be among them.
    /// </summary>
    public void ForgetUser(Guid userId)
    {
        foreach (var (hash, entry) in byHash)
        {
            if (entry.Principal is null || entry.Principal.UserId == userId)
            {
                byHash.TryRemove(hash, out _);
            }
        }
    }

    public void Forget(Guid apiKeyId)
    {
        foreach (var (hash, entry) in byHash)
        {
            if (entry.Principal?.ApiKeyId == apiKeyId)
            {
                byHash.TryRemove(hash, out _);
            }
        }
    }

    private sealed record Entry(Principal? Principal, DateTimeOffset ExpiresAt);
}

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public int KeyCacheSeconds { get; set; } = 30;
}
