using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Campaigns.Integrations.Telegram;

/// <summary>
/// <see cref="ITelegramGateway"/> with the real Telegram.Bot client. Each failed attempt is judged by
/// <see cref="TelegramSendFailures"/>: only one that never reached Telegram is retried (exponential backoff, jitter);
/// one that may have reached it is answered as unknown, so a contact never gets the same message twice.
/// </summary>
public sealed partial class TelegramGateway(
    TelegramBots bots, SendingAccountTokens tokens, SendingAccountRepository accounts, IGrainFactory grains, TimeProvider clock,
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
            var (messageId, failure) = await Attempt(client, chatId, text, settings.RequestTimeout, cancellationToken);
            switch (failure?.Kind)
            {
                case null:
                    return TelegramSendResult.Delivered(messageId);
                case TelegramFailureKind.TooManyRequests:
                    return new TelegramSendResult(TelegramSendStatus.RetryAfter, RetryAfter: failure.RetryAfter, Error: failure.Description);
                case TelegramFailureKind.Forbidden:
                    return new TelegramSendResult(TelegramSendStatus.Forbidden, Error: failure.Description);
                case TelegramFailureKind.Unauthorized:
                    // The token was revoked in @BotFather: stop the account rather than fail every participant one by one.
                    tokens.Forget(sendingAccountId);
                    await accounts.MarkTokenRefused(sendingAccountId, token);
                    await grains.GetGrain<Outreach.ISendingAccountGrain>(sendingAccountId).Refresh();
                    await grains.GetGrain<Outreach.ITelegramIntakeGrain>(sendingAccountId).Refresh();
                    return new TelegramSendResult(TelegramSendStatus.Failed, Error: "Telegram refused the sending account's bot token (401 Unauthorized).");
                case TelegramFailureKind.Refused:
                    return new TelegramSendResult(TelegramSendStatus.Failed, Error: failure.Description);
                case TelegramFailureKind.OutcomeUnknown:
                    LogOutcomeUnknown(logger, sendingAccountId, attempt + 1, failure.Description);
                    return new TelegramSendResult(TelegramSendStatus.Unknown, Error: failure.Description);
                case TelegramFailureKind.NotDelivered when attempt >= settings.MaxRetries:
                    return new TelegramSendResult(TelegramSendStatus.Failed, Error: $"{failure.Description} (after {attempt + 1} attempts)");
                case TelegramFailureKind.NotDelivered:
                    var delay = TelegramBackoff.Delay(settings.RetryBaseDelay, attempt);
                    LogRetry(logger, sendingAccountId, attempt + 1, delay.TotalMilliseconds, failure.Description);
                    await Task.Delay(delay, clock, cancellationToken);
                    break;
            }
        }
    }

    private static async Task<(long MessageId, TelegramFailure? Failure)> Attempt(
        ITelegramBotClient client, long chatId, string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(timeout);
        try
        {
            var message = await client.SendMessage(chatId, text, cancellationToken: attemptTimeout.Token);
            return (message.MessageId, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Everything, not just the expected exceptions: an unforeseen one after the request left is still "maybe sent".
            return (0, TelegramSendFailures.Classify(e, timedOut: attemptTimeout.IsCancellationRequested, timeout));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Send through sending account {AccountId}: attempt {Attempt} did not reach Telegram, retrying in {DelayMilliseconds:0} ms: {Error}")]
    private static partial void LogRetry(ILogger logger, Guid accountId, int attempt, double delayMilliseconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send through sending account {AccountId}: attempt {Attempt} may have reached Telegram, not retried: {Error}")]
    private static partial void LogOutcomeUnknown(ILogger logger, Guid accountId, int attempt, string error);
}
