using System.Collections.Concurrent;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Options;

namespace Campaigns.Integrations.Telegram;

/// <summary>
/// The silo's cache of sending-account tokens, so a send costs no database round trip. Entries expire after
/// <see cref="TelegramOptions.TokenCacheTime"/> (a PATCH on another silo replaces a token) and are dropped at once on a 401.
/// </summary>
public sealed class SendingAccountTokens(SendingAccountRepository accounts, TimeProvider clock, IOptions<TelegramOptions> options)
{
    private readonly ConcurrentDictionary<Guid, (string? Token, DateTimeOffset Until)> cache = new();

    /// <summary>The account's token, or null when the account does not exist.</summary>
    public async ValueTask<string?> Get(Guid accountId)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(accountId, out var entry) && entry.Until > now)
        {
            return entry.Token;
        }

        var token = (await accounts.Secrets(accountId))?.Token;
        cache[accountId] = (token, now + options.Value.TokenCacheTime);
        return token;
    }

    public void Forget(Guid accountId) => cache.TryRemove(accountId, out _);
}
