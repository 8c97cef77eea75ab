
namespace Campaigns.Integrations.Telegram;

/// <summary>Settings of the Telegram integration, bound from the configuration section <c>Telegram</c> (<c>Telegram__BaseUrl</c> …).</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The Bot API server: the public one, a local Bot API server, or the simulator in tests.</summary>
    public string BaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>A new sending account's daily cap when the request names none.</summary>
    public int DailyCap { get; set; } = 200;

    /// <summary>
    /// This deployment's public https address as Telegram reaches it (e.g. <c>https://campaigns.example.com</c>);
    /// webhook accounts get <c>{WebhookBaseUrl}/api/telegram/webhook/{accountId}</c>. Unset: only polling is offered.
    /// </summary>
    public string? WebhookBaseUrl { get; set; }

    /// <summary>How long one getUpdates call waits for updates (Telegram allows up to 50 s).</summary>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Period of the reminder that keeps each polling account's loop alive: after a silo or cluster restart, polling
    /// resumes within this time. At least Orleans' minimum reminder period (one minute outside tests).
    /// </summary>
    public TimeSpan PollingKeepAlive { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Retries of a send whose connection to Telegram could not be opened (nothing else is retried).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones double, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one send attempt may take; past it the outcome is unknown (Telegram may have delivered it).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the gateway trusts a cached token before re-reading it (another silo may have changed it).</summary>
    public TimeSpan TokenCacheTime { get; set; } = TimeSpan.FromMinutes(1);
}
