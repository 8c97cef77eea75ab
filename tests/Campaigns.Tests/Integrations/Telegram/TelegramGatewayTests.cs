using System.Net;
using Campaigns.Integrations.Telegram;
using Campaigns.Outreach;
using Campaigns.Simulators.Telegram;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    [Theory]
    [InlineData(TelegramFault.ServerErrorAfterDelivery, "Telegram answered 500")]
    [InlineData(TelegramFault.BadGatewayAfterDelivery, "Telegram answered 502")]
    [InlineData(TelegramFault.NoAnswerAfterDelivery, "did not answer within 5 s")]
    public async Task A_send_Telegram_may_have_delivered_is_unknown_and_never_retried(TelegramFault fault, string cause)
    {
        var (bot, account) = await telegram.NewAccount();
        var user = StartedUser(bot);
        telegram.Simulator.Faults.FailNextSends(fault, chatId: user.Id);

        var result = await telegram.Gateway.SendText(account.Id(), user.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Unknown, result.Status);
        Assert.Contains(cause, result.Error);
        Assert.DoesNotContain(bot.Token, result.Error);
        Assert.Single(telegram.Simulator.MessagesTo(user.Id));
    }

    [Theory]
    [InlineData(TelegramFault.ServerError)]
    [InlineData(TelegramFault.DropConnection)]
    public async Task A_server_error_or_a_dropped_connection_is_unknown_after_one_attempt(TelegramFault fault)
    {
        var (bot, account) = await telegram.NewAccount();
        var user = StartedUser(bot);
        telegram.Simulator.Faults.FailNextSends(fault, times: 2, chatId: user.Id);

        var first = await telegram.Gateway.SendText(account.Id(), user.Id, "Hi", Ct);
        var second = await telegram.Gateway.SendText(account.Id(), user.Id, "Hi", Ct);
        var third = await telegram.Gateway.SendText(account.Id(), user.Id, "Hi", Ct);

        // One attempt per call: the second call met the second scripted fault, so the first did not retry.
        Assert.Equal(TelegramSendStatus.Unknown, first.Status);
        Assert.Equal(TelegramSendStatus.Unknown, second.Status);
        Assert.Equal(TelegramSendStatus.Sent, third.Status);
        Assert.DoesNotContain(bot.Token, first.Error);
        Assert.Single(telegram.Simulator.MessagesTo(user.Id));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_a_later_success_is_sent_once()
    {
        var (bot, account) = await telegram.NewAccount();
        var user = StartedUser(bot);
        var connections = new RefusingFirstConnections(refusals: 3);

        var result = await GatewayOver(connections).SendText(account.Id(), user.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Sent, result.Status);
        Assert.Equal(3, connections.Refused);
        Assert.Single(telegram.Simulator.MessagesTo(user.Id));
    }

    [Fact]
    public async Task A_connection_refused_beyond_three_retries_fails_with_the_error()
    {
        var (bot, account) = await telegram.NewAccount();
        var user = StartedUser(bot);

        var result = await GatewayOver(new RefusingFirstConnections(refusals: 4)).SendText(account.Id(), user.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Failed, result.Status);
        Assert.Contains("could not be reached", result.Error);
        Assert.Contains("Connection refused", result.Error);
        Assert.Contains("after 4 attempts", result.Error);
        Assert.Empty(telegram.Simulator.MessagesTo(user.Id));
    }

    [Fact]
    public async Task A_closed_port_is_a_refused_connection_and_fails_after_the_retries()
    {
        var (bot, account) = await telegram.NewAccount();
        var user = StartedUser(bot);
        var closedPort = FreePorts.Next();
        var options = Options.Create(new TelegramOptions { BaseUrl = $"http://127.0.0.1:{closedPort}", RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var gateway = ActivatorUtilities.CreateInstance<TelegramGateway>(telegram.Host.Services,
            new TelegramBots(telegram.Host.Services.GetRequiredService<IHttpClientFactory>(), options), options);

        var result = await gateway.SendText(account.Id(), user.Id, "Hi", Ct);

        Assert.Equal(TelegramSendStatus.Failed, result.Status);
        Assert.Contains("after 4 attempts", result.Error);
        Assert.DoesNotContain(bot.Token, result.Error);
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

    /// <summary>The silo's gateway with its HTTP stack replaced, pointed at the simulator as the silo's is.</summary>
    private TelegramGateway GatewayOver(IHttpClientFactory httpClients) =>
        ActivatorUtilities.CreateInstance<TelegramGateway>(telegram.Host.Services,
            new TelegramBots(httpClients, telegram.Host.Services.GetRequiredService<IOptions<TelegramOptions>>()));

    private TelegramUser StartedUser(SimulatedBot bot)
    {
        var user = telegram.Simulator.AddUser("Vera");
        bot.MarkStarted([user.Id]);
        return user;
    }
}
