namespace Campaigns.Integrations.Telegram;

/// <summary>Sends through a sending account's bot with the Telegram.Bot client (pointed at <c>Telegram__BaseUrl</c>).</summary>
/// <remarks>
/// Network errors and 5xx are retried here (up to 3 retries with backoff); 429 and 403 are answered at once so the
/// caller reschedules or bounces. The token never leaves the gateway and is never logged.
/// </remarks>
public interface ITelegramGateway
{
    Task<TelegramSendResult> SendText(Guid sendingAccountId, long chatId, string text, CancellationToken cancellationToken);
}

public enum TelegramSendStatus
{
    Sent,

    /// <summary>429: try again after <see cref="TelegramSendResult.RetryAfter"/>.</summary>
    RetryAfter,

    /// <summary>403 (the user never started the bot, blocked it, or the chat is gone): the participant is bounced.</summary>
    Forbidden,

    /// <summary>Still failing after the retries, or a 4xx other than 403/429.</summary>
    Failed,
}

/// <param name="Error">Telegram's description or the network error, in plain words.</param>
public sealed record TelegramSendResult(
    TelegramSendStatus Status,
    long? MessageId = null,
    TimeSpan? RetryAfter = null,
    string? Error = null)
{
    public static TelegramSendResult Delivered(long messageId) => new(TelegramSendStatus.Sent, messageId);
}
