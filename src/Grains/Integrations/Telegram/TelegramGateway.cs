using System.Net;
using Campaigns.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Campaigns.Integrations.Telegram;

/// <summary>
/// <see cref="ITelegramGateway"/> with the real Telegram.Bot client: 429 and 403 are answered at once, network errors and
/// 5xx are retried with exponential backoff and jitter, any other refusal fails with Telegram's words.
/// </summary>
public sealed partial class TelegramGateway(
    TelegramBots bots, SendingAccountTokens tokens, SendingAccountRepository accounts, TimeProvider clock,
    IOptions<TelegramOptions> options, ILogger<TelegramGateway> logger) : ITelegramGateway
{
    public async Task<TelegramSendResult> SendText(Guid sendingAccountId, long chatId, string text, CancellationToken cancellationToken)
    {
        if (await tokens.Get(sendingAccountId) is not { } token)
        {
            return new TelegramSendResult(TelegramSendStatus.Failed, Error: "The sending account no longer exists.");
        }

        var settings = options.Value;
        var client = bots.For(token);
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await Attempt(client, chatId, text, settings.RequestTimeout, cancellationToken);
            switch (outcome)
            {
                case { Result: { } result }:
                    return result;
                case { Unauthorized: true }:
                    // The token was revoked in @BotFather: stop the account rather than fail every participant one by one.
                    tokens.Forget(sendingAccountId);
                    await accounts.MarkTokenRefused(sendingAccountId, token);
                    return new TelegramSendResult(TelegramSendStatus.Failed, Error: "Telegram refused the sending account's bot token (401 Unauthorized).");
                case { TransientError: { } error } when attempt >= settings.MaxRetries:
                    return new TelegramSendResult(TelegramSendStatus.Failed, Error: $"{error} (after {attempt + 1} attempts)");
                case { TransientError: { } error }:
                    var delay = TelegramBackoff.Delay(settings.RetryBaseDelay, attempt);
                    LogRetry(logger, sendingAccountId, attempt + 1, delay.TotalMilliseconds, error);
                    await Task.Delay(delay, clock, cancellationToken);
                    break;
            }
        }
    }

    private static async Task<AttemptOutcome> Attempt(
        ITelegramBotClient client, long chatId, string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(timeout);
        try
        {
            var message = await client.SendMessage(chatId, text, cancellationToken: attemptTimeout.Token);
            return new AttemptOutcome(TelegramSendResult.Delivered(message.MessageId));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            var seconds = e.Parameters?.RetryAfter ?? 1;
            return new AttemptOutcome(new TelegramSendResult(TelegramSendStatus.RetryAfter, RetryAfter: TimeSpan.FromSeconds(seconds), Error: e.Message));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            return new AttemptOutcome(new TelegramSendResult(TelegramSendStatus.Forbidden, Error: TelegramWords.Forbidden(e.Message)));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 401)
        {
            return new AttemptOutcome(null, Unauthorized: true);
        }
        catch (ApiRequestException e) when (e.ErrorCode >= 500)
        {
            return new AttemptOutcome(null, TransientError: $"Telegram answered {e.ErrorCode}: {e.Message}");
        }
        catch (ApiRequestException e)
        {
            return new AttemptOutcome(new TelegramSendResult(TelegramSendStatus.Failed, Error: $"Telegram answered {e.ErrorCode}: {e.Message}"));
        }
        catch (RequestException e) when (e.HttpStatusCode is { } status && (int)status < 500 && status != HttpStatusCode.RequestTimeout)
        {
            // A 4xx whose body was not the Bot API's JSON (a proxy in the way): not worth repeating.
            return new AttemptOutcome(new TelegramSendResult(TelegramSendStatus.Failed, Error: $"Telegram answered {(int)status}: {e.Message}"));
        }
        catch (RequestException e)
        {
            return new AttemptOutcome(null, TransientError: $"Telegram could not be reached: {Describe(e)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(null, TransientError: $"Telegram did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new AttemptOutcome(null, TransientError: $"Telegram could not be reached: {e.Message}");
        }
    }

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

    private readonly record struct AttemptOutcome(TelegramSendResult? Result, bool Unauthorized = false, string? TransientError = null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Send through sending account {AccountId}: attempt {Attempt} failed, retrying in {DelayMilliseconds:0} ms: {Error}")]
    private static partial void LogRetry(ILogger logger, Guid accountId, int attempt, double delayMilliseconds, string error);
}
