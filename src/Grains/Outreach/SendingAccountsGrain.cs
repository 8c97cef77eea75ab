using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Integrations.Telegram;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Campaigns.Outreach;

/// <summary>
/// Stateless front of the sending accounts: checks tokens with getMe, switches webhooks, and tells the account's
/// pacing and intake grains when an account changes.
/// </summary>
[StatelessWorker]
public sealed class SendingAccountsGrain(
    SendingAccountRepository accounts, TelegramChatRepository chats, TelegramBots bots, SendingAccountTokens tokens,
    IOptions<TelegramOptions> options, TimeProvider clock) : Grain, ISendingAccountsGrain
{
    public async Task<CommandResult<SendingAccountView>> Create(Guid organizationId, Guid accountId, SendingAccountDraft draft)
    {
        var (bot, refusal) = await CheckToken(draft.BotToken);
        if (bot is null)
        {
            return refusal!;
        }

        if (await accounts.BotTaken(bot.Id, accountId))
        {
            return BotTaken();
        }

        var secret = WebhookSecrets.New();
        if (draft.Updates == UpdatesMode.Webhook && await SwitchWebhook(accountId, draft.BotToken, UpdatesMode.Webhook, secret) is { } refused)
        {
            return refused;
        }

        var created = await accounts.Insert(organizationId, accountId, draft.Name, draft.BotToken, bot.Id, bot.Username, draft.Updates,
            draft.DailyCap ?? options.Value.DailyCap, secret);
        if (created is null)
        {
            return BotTaken();
        }

        await GrainFactory.GetGrain<ITelegramIntakeGrain>(accountId).Refresh();
        return CommandResult<SendingAccountView>.Ok(created);
    }

    public Task<SendingAccountView?> Get(Guid organizationId, Guid accountId) => accounts.Get(organizationId, accountId);

    public Task<IReadOnlyList<SendingAccountView>> List(Guid organizationId) => accounts.List(organizationId);

    public async Task<CommandResult<SendingAccountView>> Update(Guid organizationId, Guid accountId, SendingAccountChanges changes)
    {
        if (await accounts.Get(organizationId, accountId) is null || await accounts.Secrets(accountId) is not { } current)
        {
            return CommandResult<SendingAccountView>.NotFound("Sending account not found.");
        }

        (long Id, string? Username)? bot = null;
        if (changes.BotToken is { } newToken)
        {
            var (checkedBot, refusal) = await CheckToken(newToken);
            if (checkedBot is null)
            {
                return refusal!;
            }

            if (await accounts.BotTaken(checkedBot.Id, accountId))
            {
                return BotTaken();
            }

            bot = (checkedBot.Id, checkedBot.Username);
        }

        var token = changes.BotToken ?? current.Token;
        var mode = changes.Updates ?? current.Updates;
        // Asking for webhook again re-registers it (e.g. after Telegram:WebhookBaseUrl changed); a new token needs it too.
        if ((changes.Updates is not null && (changes.Updates != current.Updates || mode == UpdatesMode.Webhook))
            || (changes.BotToken is not null && mode == UpdatesMode.Webhook))
        {
            if (await SwitchWebhook(accountId, token, mode, current.WebhookSecret) is { } refused)
            {
                return refused;
            }
        }

        SendingAccountView? updated;
        try
        {
            updated = await accounts.Update(organizationId, accountId, changes, bot);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == "23505")
        {
            return BotTaken();
        }

        if (updated is null)
        {
            return CommandResult<SendingAccountView>.NotFound("Sending account not found.");
        }

        await Changed(accountId);
        return CommandResult<SendingAccountView>.Ok(updated);
    }

    public async Task<bool> Delete(Guid organizationId, Guid accountId)
    {
        if (await accounts.Get(organizationId, accountId) is null || await accounts.Secrets(accountId) is not { } current)
        {
            return false;
        }

        if (current.Updates == UpdatesMode.Webhook)
        {
            // Best effort: a bot that keeps pushing to a deleted account only earns 404s.
            await SwitchWebhook(accountId, current.Token, UpdatesMode.Polling, current.WebhookSecret);
        }

        if (!await accounts.Delete(organizationId, accountId))
        {
            return false;
        }

        await Changed(accountId);
        return true;
    }

    public async Task<IReadOnlyList<SendingAgent>> Agents(Guid organizationId)
    {
        var today = SendPacing.DayOf(clock.GetUtcNow());
        return await accounts.Agents(organizationId, SendPacing.StartOf(today), SendPacing.StartOf(today.AddDays(1)));
    }

    public async Task<Guid?> FirstActive(Guid organizationId) =>
        (await accounts.List(organizationId)).FirstOrDefault(a => a.Status == SendingAccountStatus.Active)?.Id;

    public Task<IReadOnlyList<GroupSource>> GroupSources(Guid organizationId) => chats.GroupSources(organizationId);

    public Task<GroupContacts?> ContactsFromGroup(Guid organizationId, Guid accountId, long chatId) =>
        chats.ContactsFromGroup(organizationId, accountId, chatId);

    /// <summary>getMe with the token: the bot it belongs to, or the refusal naming <c>bot_token</c> in Telegram's words.</summary>
    private async Task<(Telegram.Bot.Types.User? Bot, CommandResult<SendingAccountView>? Refusal)> CheckToken(string token)
    {
        try
        {
            return (await bots.For(token).GetMe(), null);
        }
        catch (ApiRequestException e)
        {
            return (null, CommandResult<SendingAccountView>.Invalid("bot_token", $"Telegram refused the token: {e.Message}"));
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException)
        {
            return (null, CommandResult<SendingAccountView>.Invalid("bot_token", "Telegram could not be reached to check the token; try again."));
        }
    }

    /// <summary>setWebhook (to this deployment's webhook URL, with the account's secret) or deleteWebhook; a refusal names <c>updates</c>.</summary>
    private async Task<CommandResult<SendingAccountView>?> SwitchWebhook(Guid accountId, string token, UpdatesMode mode, string secret)
    {
        var client = bots.For(token);
        try
        {
            if (mode == UpdatesMode.Polling)
            {
                await client.DeleteWebhook();
                return null;
            }

            if (options.Value.WebhookBaseUrl is not { } baseUrl)
            {
                return CommandResult<SendingAccountView>.Invalid("updates",
                    "Webhook updates need Telegram:WebhookBaseUrl (this deployment's public https address); use polling.");
            }

            await client.SetWebhook($"{baseUrl.TrimEnd('/')}/api/telegram/webhook/{accountId}", secretToken: secret);
            return null;
        }
        catch (ApiRequestException e)
        {
            return CommandResult<SendingAccountView>.Invalid("updates", $"Telegram refused to {(mode == UpdatesMode.Webhook ? "set" : "delete")} the webhook: {e.Message}");
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException)
        {
            return CommandResult<SendingAccountView>.Invalid("updates", "Telegram could not be reached to switch the webhook; try again.");
        }
    }

    private async Task Changed(Guid accountId)
    {
        tokens.Forget(accountId);
        await GrainFactory.GetGrain<ISendingAccountGrain>(accountId).Refresh();
        await GrainFactory.GetGrain<ITelegramIntakeGrain>(accountId).Refresh();
    }

    private static CommandResult<SendingAccountView> BotTaken() =>
        new(CommandOutcome.Conflict, Message: "This bot is already a sending account.",
            Errors: new Dictionary<string, string[]> { ["bot_token"] = ["This bot is already a sending account."] });
}
