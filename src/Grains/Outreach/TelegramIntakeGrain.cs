using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Integrations.Telegram;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Campaigns.Outreach;

/// <summary>
/// The update intake of one sending account (see <see cref="ITelegramIntakeGrain"/>). In polling mode it owns a
/// getUpdates loop (a grain timer that interleaves, so webhook and refresh calls are not held up by a long poll),
/// and a reminder re-activates it after a silo restart. The getUpdates offset is saved in <c>sending_accounts</c>
/// after each batch, so a restart rereads at most the batch in hand; handling an update twice is harmless.
/// </summary>
public sealed partial class TelegramIntakeGrain(
    SendingAccountRepository accounts, TelegramBots bots, TelegramUpdateIntake intake, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<TelegramIntakeGrain> logger)
    : Grain, ITelegramIntakeGrain, IRemindable
{
    private const string KeepPolling = "telegram-polling";
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(5);

    private SendingAccountSecrets? account;
    private IGrainTimer? poller;
    private long offset;
    private DateTimeOffset pausedUntil;

    private bool ShouldPoll => account is { Status: SendingAccountStatus.Active, Updates: UpdatesMode.Polling };

    public async Task Refresh()
    {
        var previousBot = account?.BotUserId;
        account = await accounts.Secrets(this.GetPrimaryKey());
        // Update ids are per bot: a new token for another bot starts from its stored offset (reset to 0), not ours.
        offset = account is null ? 0 : account.BotUserId == previousBot ? Math.Max(offset, account.PollingOffset) : account.PollingOffset;
        pausedUntil = DateTimeOffset.MinValue;
        if (ShouldPoll)
        {
            await this.RegisterOrUpdateReminder(KeepPolling, bots.Options.PollingKeepAlive, bots.Options.PollingKeepAlive);
            poller ??= this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromMilliseconds(50))
            {
                Interleave = true,
                KeepAlive = true,
            });
            return;
        }

        StopPolling();
        if (await this.GetReminder(KeepPolling) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (poller is null)
        {
            await Refresh();
        }
    }

    public async Task<WebhookOutcome> ReceiveWebhook(string? secret, string updateJson)
    {
        // Read afresh: a webhook call is rare next to a send, and the mode or secret may have just changed.
        account = await accounts.Secrets(this.GetPrimaryKey());
        if (account is not { Updates: UpdatesMode.Webhook })
        {
            return WebhookOutcome.NotFound;
        }

        if (secret is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(account.WebhookSecret)))
        {
            return WebhookOutcome.Unauthorized;
        }

        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(updateJson, JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is null)
        {
            return WebhookOutcome.Malformed;
        }

        await intake.Handle(account, update, CancellationToken.None);
        return WebhookOutcome.Accepted;
    }

    private async Task Poll(CancellationToken timerStopped)
    {
        if (!ShouldPoll || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            StopPolling();
            return;
        }

        // A long poll must not hold up the silo's shutdown (deactivation waits for it): the host stopping ends it too.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timerStopped, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;

        if (clock.GetUtcNow() < pausedUntil)
        {
            return;
        }

        var current = account!;
        var client = bots.For(current.Token);
        try
        {
            var updates = await client.GetUpdates(
                offset: (int)offset, limit: 100, timeout: (int)bots.Options.LongPollTimeout.TotalSeconds, cancellationToken: cancellationToken);
            if (account?.BotUserId != current.BotUserId || account.Token != current.Token)
            {
                // The token changed during the long poll: this batch belongs to the old bot's offsets.
                return;
            }

            foreach (var update in updates)
            {
                await intake.Handle(current, update, cancellationToken);
                offset = Math.Max(offset, update.Id + 1L);
            }

            if (updates.Length > 0)
            {
                await accounts.SaveOffset(current.Id, offset);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Deactivating; the reminder brings the loop back.
        }
        catch (ApiRequestException e) when (e.ErrorCode == 409)
        {
            // A webhook is set on the bot (by another deployment, or a switch that did not finish): polling wins, as the account says.
            LogWebhookInTheWay(logger, current.Id);
            await client.DeleteWebhook(cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 401)
        {
            LogTokenRefused(logger, current.Id);
            await accounts.MarkTokenRefused(current.Id, current.Token);
            account = current with { Status = SendingAccountStatus.TokenRefused };
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or NpgsqlException or OperationCanceledException)
        {
            LogPollFailed(logger, current.Id, e.Message);
            pausedUntil = clock.GetUtcNow() + ErrorPause;
        }
        catch (Exception e)
        {
            // A sink or the intake failed on an update: it is retried after the pause (updates are never skipped, so a
            // reply is not lost to a passing failure), the offset staying before it.
            LogUpdateFailed(logger, e, current.Id, offset);
            pausedUntil = clock.GetUtcNow() + ErrorPause;
        }
    }

    private void StopPolling()
    {
        poller?.Dispose();
        poller = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending account {AccountId}: a webhook was set while the account polls; deleting it")]
    private static partial void LogWebhookInTheWay(ILogger logger, Guid accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending account {AccountId}: Telegram refused the bot token; polling stops until a new token is set")]
    private static partial void LogTokenRefused(ILogger logger, Guid accountId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending account {AccountId}: handling updates from {Offset} failed; retrying shortly")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, Guid accountId, long offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending account {AccountId}: getUpdates failed, retrying shortly: {Error}")]
    private static partial void LogPollFailed(ILogger logger, Guid accountId, string error);
}
