
namespace Campaigns.Integrations.Telegram;

/// <summary>Sends through a sending account's bot with the Telegram.Bot client (pointed at <c>Telegram__BaseUrl</c>).</summary>
/// <remarks>
/// Only an attempt that provably never reached Telegram (no connection, no DNS answer) is retried here (up to 3 retries
/// with backoff); a timeout, a dropped answer or a 5xx is <see cref="TelegramSendStatus.Unknown"/>, never repeated. 429 and
/// 403 are answered at once so the caller reschedules or bounces. The token never leaves the gateway and is never logged.
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

    /// <summary>Still unable to connect after the retries, or a 4xx other than 403/429: the message was not sent.</summary>
    Failed,

    /// <summary>
    /// The attempt may have reached Telegram (timeout, dropped answer, 5xx): the message may or may not have been delivered,
    /// so it must not be sent again by itself.
    /// </summary>
    Unknown,
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
