using System.Net;
using System.Net.Sockets;
using Telegram.Bot.Exceptions;

namespace Campaigns.Integrations.Telegram;

/// <summary>What one failed sendMessage attempt means for the message, and so whether it may be tried again.</summary>
public enum TelegramFailureKind
{
    /// <summary>The request never reached Telegram (no connection, no DNS answer): trying again cannot double it.</summary>
    NotDelivered,

    /// <summary>The request may have reached Telegram (timeout, dropped answer, 5xx, anything unexpected): never repeated.</summary>
    OutcomeUnknown,

    /// <summary>429: nothing was sent; wait <see cref="TelegramFailure.RetryAfter"/>.</summary>
    TooManyRequests,

    /// <summary>403: the contact cannot be written to.</summary>
    Forbidden,

    /// <summary>401: the bot token was revoked.</summary>
    Unauthorized,

    /// <summary>Any other 4xx: Telegram read the request and said no.</summary>
    Refused,
}

/// <param name="Description">In plain words, for the send row and the participant's reason; never holds the token.</param>
public sealed record TelegramFailure(TelegramFailureKind Kind, string Description, TimeSpan? RetryAfter = null);

/// <summary>
/// The "never twice" rule for one sendMessage attempt: only a failure that proves the request did not reach Telegram
/// may be retried, because Telegram may deliver a message whose answer never came back.
/// </summary>
public static class TelegramSendFailures
{
    /// <param name="timedOut">The attempt's own timeout cancelled it (the caller's cancellation is not a failure).</param>
    public static TelegramFailure Classify(Exception failure, bool timedOut, TimeSpan timeout)
    {
        if (timedOut)
        {
            // The timeout cannot tell "still connecting" from "Telegram sent it and is slow to answer".
            return Unknown($"Telegram did not answer within {timeout.TotalSeconds:0.#} s");
        }

        return failure switch
        {
            ApiRequestException { ErrorCode: 429 } e =>
                new TelegramFailure(TelegramFailureKind.TooManyRequests, e.Message, TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1)),
            ApiRequestException { ErrorCode: 403 } e => new TelegramFailure(TelegramFailureKind.Forbidden, TelegramWords.Forbidden(e.Message)),
            ApiRequestException { ErrorCode: 401 } e => new TelegramFailure(TelegramFailureKind.Unauthorized, e.Message),
            ApiRequestException { ErrorCode: >= 400 and < 500 } e =>
                new TelegramFailure(TelegramFailureKind.Refused, $"Telegram answered {e.ErrorCode}: {e.Message}"),
            ApiRequestException e => Unknown($"Telegram answered {e.ErrorCode}: {e.Message}"),
            // A 4xx whose body was not the Bot API's JSON (a proxy in the way): nothing was sent, and repeating won't help.
            RequestException { HttpStatusCode: { } status } e when (int)status is >= 400 and < 500 && status != HttpStatusCode.RequestTimeout =>
                new TelegramFailure(TelegramFailureKind.Refused, $"Telegram answered {(int)status}: {e.Message}"),
            RequestException { HttpStatusCode: { } status } e => Unknown($"Telegram answered {(int)status}: {Describe(e)}"),
            _ when NeverConnected(failure) => new TelegramFailure(TelegramFailureKind.NotDelivered, $"Telegram could not be reached: {Describe(failure)}"),
            _ => Unknown($"the connection to Telegram failed after the request may have been sent: {Describe(failure)}"),
        };
    }

    /// <summary>A failure to open the connection: no byte of the request was written, so Telegram cannot have it.</summary>
    private static bool NeverConnected(Exception failure)
    {
        for (var cause = failure; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }:
                    return true;
                case HttpRequestException { HttpRequestError: not HttpRequestError.Unknown }:
                    // The handler named a later stage (the response ended, the protocol broke): past connecting.
                    return false;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData }:
                    // Errors a socket only gives while connecting or resolving, never once the request is on its way.
                    return true;
            }
        }

        return false;
    }

    private static TelegramFailure Unknown(string cause) => new(TelegramFailureKind.OutcomeUnknown, cause);

    /// <summary>The innermost cause in plain words; the request URL (which holds the token) is never part of it.</summary>
    private static string Describe(Exception e)
    {
        var cause = e;
        while (cause.InnerException is { } inner)
        {
            cause = inner;
        }

        return cause == e ? e.Message : $"{e.Message}: {cause.Message}";
    }
}
