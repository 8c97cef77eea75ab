
namespace Campaigns.Outreach;

/// <summary>
/// One per sending account, cluster-wide: where its bot's updates come in, by long polling (a loop this grain owns,
/// kept alive by a reminder) or by webhook (handed over by the API host). Being one grain is what guarantees exactly
/// one poller per bot.
/// </summary>
[Alias("campaigns.ITelegramIntakeGrain")]
public interface ITelegramIntakeGrain : IGrainWithGuidKey
{
    /// <summary>Re-reads the account and starts or stops polling (and sets or deletes the webhook) to match it.</summary>
    [Alias("Refresh")] Task Refresh();

    /// <summary>A webhook call: the secret header's value and the update as Telegram sent it.</summary>
    [Alias("ReceiveWebhook")] Task<WebhookOutcome> ReceiveWebhook(string? secret, string updateJson);
}

[GenerateSerializer, Alias("campaigns.WebhookOutcome")]
public enum WebhookOutcome
{
    Accepted = 0,

    /// <summary>No such account, or it is not in webhook mode.</summary>
    NotFound = 1,

    /// <summary>The secret header is missing or wrong.</summary>
    Unauthorized = 2,

    /// <summary>The body is not a Telegram update.</summary>
    Malformed = 3,
}
