using System.Net;
using Campaigns.Integrations.Telegram;
using Campaigns.Outreach;
using Campaigns.Simulators.Telegram;
using Campaigns.Tests.Api;

namespace Campaigns.Tests.Integrations.Telegram;

/// <summary><see cref="TelegramGateway"/> with the real Telegram.Bot client against the simulator: how each Bot API answer is mapped.</summary>
public sealed class TelegramGatewayTests(TelegramHostFixture telegram) : IClassFixture<TelegramHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_who_started_the_bot_gets_the_message()
    {
        var (bot, account) = await telegram.NewAccount();
        var user = telegram.Simulator.AddUser("Anna");
        telegram.Simulator.PressStart(bot, user);

        var result = await telegram.Gateway.SendText(account.Id(), user.Id, "Hello, Anna — привет!", Ct);

        Assert.Equal(TelegramSendStatus.Sent, result.Status);
        var sent = Assert.Single(telegram.Simulator.MessagesTo(user.Id));
        Assert.Equal(result.MessageId, sent.MessageId);
        Assert.Equal("Hello, Anna — привет!", sent.Text);
        Assert.Equal(bot.Id, sent.BotId);
    }

    [Fact]
    public async Task A_user_who_never_started_the_bot_is_forbidden_in_plain_words()
    {
        var (_, account) = await telegram.NewAccount();
        var stranger = telegram.Simulator.AddUser("Boris");

        var result = await telegram.Gateway.SendText(account.Id(), stranger.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Forbidden, result.Status);
        Assert.Contains("has not started the bot", result.Error);
        Assert.Contains("bot can't initiate conversation with a user", result.Error);
        Assert.Empty(telegram.Simulator.MessagesTo(stranger.Id));
    }

    [Fact]
    public async Task Too_many_requests_answers_retry_after_at_once_without_retrying()
    {
        var (bot, account) = await telegram.NewAccount();
        var user = StartedUser(bot);
        telegram.Simulator.Faults.FailNextSends(TelegramFault.TooManyRequests, chatId: user.Id, retryAfterSeconds: 7);

        var result = await telegram.Gateway.SendText(account.Id(), user.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.RetryAfter, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Empty(telegram.Simulator.MessagesTo(user.Id));
        Assert.Equal(TelegramSendStatus.Sent, (await telegram.Gateway.SendText(account.Id(), user.Id, "Hi again", Ct)).Status);
    }

    [Fact]
    public async Task A_blocked_bot_is_forbidden()
    {
        var (bot, account) = await telegram.NewAccount();
        var user = StartedUser(bot);
        telegram.Simulator.Faults.FailNextSends(TelegramFault.Forbidden, chatId: user.Id);

        var result = await telegram.Gateway.SendText(account.Id(), user.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Forbidden, result.Status);
        Assert.Contains("blocked the bot", result.Error);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_a_later_success_is_sent_once()
    {
        var (bot, account) = await telegram.NewAccount();
        var user = StartedUser(bot);
        telegram.Simulator.Faults.FailNextSends(TelegramFault.ServerError, times: 3, chatId: user.Id);

        var result = await telegram.Gateway.SendText(account.Id(), user.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Sent, result.Status);
        Assert.Single(telegram.Simulator.MessagesTo(user.Id));
    }

    [Fact]
    public async Task Server_errors_beyond_three_retries_fail_with_the_error()
    {
        var (bot, account) = await telegram.NewAccount();
        var user = StartedUser(bot);
        telegram.Simulator.Faults.FailNextSends(TelegramFault.ServerError, times: 4, chatId: user.Id);

        var result = await telegram.Gateway.SendText(account.Id(), user.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Failed, result.Status);
        Assert.Contains("500", result.Error);
        Assert.Contains("after 4 attempts", result.Error);
        Assert.Empty(telegram.Simulator.MessagesTo(user.Id));
    }

    [Fact]
    public async Task Network_errors_are_retried_and_fail_with_the_error_after_three_retries()
    {
        var (bot, account) = await telegram.NewAccount();
        var recovers = StartedUser(bot);
        var unreachable = StartedUser(bot);
        telegram.Simulator.Faults.FailNextSends(TelegramFault.DropConnection, times: 2, chatId: recovers.Id);
        telegram.Simulator.Faults.FailNextSends(TelegramFault.DropConnection, times: 4, chatId: unreachable.Id);

        var recovered = await telegram.Gateway.SendText(account.Id(), recovers.Id, "Hi", Ct);
        var failed = await telegram.Gateway.SendText(account.Id(), unreachable.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Sent, recovered.Status);
        Assert.Single(telegram.Simulator.MessagesTo(recovers.Id));
        Assert.Equal(TelegramSendStatus.Failed, failed.Status);
        Assert.Contains("could not be reached", failed.Error);
        Assert.Contains("after 4 attempts", failed.Error);
        Assert.DoesNotContain(bot.Token, failed.Error);
        Assert.Empty(telegram.Simulator.MessagesTo(unreachable.Id));
    }

    [Fact]
    public async Task Other_refusals_fail_at_once_with_Telegrams_description()
    {
        var (_, account) = await telegram.NewAccount();

        var result = await telegram.Gateway.SendText(account.Id(), -42, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Failed, result.Status);
        Assert.Contains("chat not found", result.Error);
    }

    [Fact]
    public async Task A_revoked_token_fails_the_send_and_marks_the_account()
    {
        var (bot, account) = await telegram.NewAccount();
        var user = StartedUser(bot);
        var pacing = telegram.Grains.GetGrain<ISendingAccountGrain>(account.Id());
        Assert.Equal(SendSlotKind.Granted, (await pacing.Reserve(telegram.Org.Id, DateTimeOffset.UtcNow, 0)).Kind);
        telegram.Simulator.RevokeToken(bot);

        var result = await telegram.Gateway.SendText(account.Id(), user.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Failed, result.Status);
        Assert.Contains("401", result.Error);
        var stored = await (await telegram.Admin.Get($"/api/sending-accounts/{account.Id()}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("token_refused", stored.Str("status"));
        // At once, not at the pacing grain's next periodic re-read.
        var slot = await pacing.Reserve(telegram.Org.Id, DateTimeOffset.UtcNow, 0);
        Assert.Equal(SendSlotKind.Unavailable, slot.Kind);
        Assert.Contains("refused", slot.Reason);
    }

    [Fact]
    public async Task An_unknown_account_fails_without_calling_Telegram()
    {
        var result = await telegram.Gateway.SendText(Guid.NewGuid(), 1, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Failed, result.Status);
        Assert.Contains("no longer exists", result.Error);
    }

    private TelegramUser StartedUser(SimulatedBot bot)
    {
        var user = telegram.Simulator.AddUser("Vera");
        bot.MarkStarted([user.Id]);
        return user;
    }
}
