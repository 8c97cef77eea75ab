using System.Diagnostics;
using System.Net;
using System.Text;
using Campaigns.Simulators.Telegram;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Integrations.Telegram;
using Campaigns.Tests.Tenancy;
using Npgsql;

namespace Campaigns.Tests.Outreach;

/// <summary>Updates of a sending account's bot, by long polling and by webhook, reaching the CRM and the incoming-message sinks.</summary>
public sealed class TelegramIntakeTests(TelegramHostFixture telegram) : IClassFixture<TelegramHostFixture>
{
    [Fact]
    public async Task Polled_private_message_reaches_the_sink_with_the_contact_of_that_telegram_id()
    {
        var (bot, account) = await telegram.NewAccount();
        var user = telegram.Simulator.AddUser("Irina", "irina_k");
        var contact = await telegram.Admin.CreateContact(new { first_name = "Irina", telegram_id = user.Id });

        telegram.Simulator.UserWrites(bot, user, "Interesting, tell me more");

        var message = await telegram.Sink.WaitFor(m => m.TelegramUserId == user.Id, "Irina's reply at the sink");
        Assert.Equal(contact.Id(), message.ContactId);
        Assert.Equal(account.Id(), message.SendingAccountId);
        Assert.Equal(telegram.Org.Id, message.OrganizationId);
        Assert.Equal("Interesting, tell me more", message.Text);
        Assert.Equal(contact.Id(), await PrivateChatContact(account.Id(), user.Id));
    }

    [Fact]
    public async Task Start_by_a_user_known_only_by_username_links_the_contact_to_the_telegram_id()
    {
        var (bot, _) = await telegram.NewAccount();
        var username = $"u{Guid.NewGuid():N}"[..20];
        var user = telegram.Simulator.AddUser("Oleg", username);
        var contact = await telegram.Admin.CreateContact(new { first_name = "Oleg", telegram_username = "@" + username.ToUpperInvariant() });

        telegram.Simulator.PressStart(bot, user);

        var message = await telegram.Sink.WaitFor(m => m.TelegramUserId == user.Id, "Oleg's /start at the sink");
        Assert.Equal(contact.Id(), message.ContactId);
        Assert.Equal("/start", message.Text);
        var linked = await (await telegram.Admin.Get($"/api/contacts/{contact.Id()}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(user.Id, linked["telegram_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_stranger_reaches_the_sink_without_a_contact_and_the_offset_is_kept()
    {
        var (bot, account) = await telegram.NewAccount();
        var stranger = telegram.Simulator.AddUser("Nobody");

        telegram.Simulator.UserWrites(bot, stranger, "who are you?");
        telegram.Simulator.UserWrites(bot, stranger, "hello?");

        await telegram.Sink.WaitFor(m => m.TelegramUserId == stranger.Id && m.Text == "hello?", "the second message");
        Assert.All(telegram.Sink.Messages.Where(m => m.TelegramUserId == stranger.Id), m => Assert.Null(m.ContactId));
        var offset = await TelegramHostFixture.Eventually(() => PollingOffset(account.Id()), o => o >= 3, "the saved offset");
        Assert.Equal(3, offset);
        // The next long poll confirms the handled updates with the bot.
        await TelegramHostFixture.Eventually(() => Task.FromResult(bot.PendingUpdates), n => n == 0, "updates confirmed");
    }

    [Fact]
    public async Task Messages_of_bots_are_not_handed_to_sinks()
    {
        var (bot, _) = await telegram.NewAccount();
        var otherBot = telegram.Simulator.AddBot($"b{Guid.NewGuid():N}"[..20]);
        var person = telegram.Simulator.AddUser("Person");

        telegram.Simulator.UserWrites(bot, otherBot.User, "I am a bot");
        telegram.Simulator.UserWrites(bot, person, "I am not");

        await telegram.Sink.WaitFor(m => m.TelegramUserId == person.Id, "the person's message");
        Assert.DoesNotContain(telegram.Sink.Messages, m => m.TelegramUserId == otherBot.Id);
    }

    [Fact]
    public async Task Webhook_account_gets_updates_pushed_with_its_secret()
    {
        var (bot, account) = await telegram.NewAccount(updates: "webhook");
        Assert.Equal($"{telegram.Host.Address.ToString().TrimEnd('/')}/api/telegram/webhook/{account.Id()}", bot.WebhookUrl);
        Assert.False(string.IsNullOrEmpty(bot.WebhookSecret));
        var user = telegram.Simulator.AddUser("Pushed");
        var contact = await telegram.Admin.CreateContact(new { first_name = "Pushed", telegram_id = user.Id });

        var updateId = telegram.Simulator.UserWrites(bot, user, "via webhook");

        var message = await telegram.Sink.WaitFor(m => m.TelegramUserId == user.Id, "the pushed message");
        Assert.Equal(contact.Id(), message.ContactId);

        // The simulator records the delivery once the webhook has answered, which may be after the sink saw the message.
        var answered = Stopwatch.StartNew();
        while (!telegram.Simulator.WebhookDeliveries.Any(d => d.BotId == bot.Id && d.UpdateId == updateId) && answered.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Contains(telegram.Simulator.WebhookDeliveries, d => d.BotId == bot.Id && d.UpdateId == updateId && d.Status == 200);
    }

    [Fact]
    public async Task Webhook_with_a_wrong_or_missing_secret_or_an_unknown_account_is_the_same_401()
    {
        var (bot, account) = await telegram.NewAccount(updates: "webhook");
        using var anonymous = telegram.Host.Client();
        const string update = """{"update_id":1,"message":{"message_id":1,"date":1700000000,"chat":{"id":5,"type":"private","first_name":"X"},"from":{"id":5,"is_bot":false,"first_name":"X"},"text":"hi"}}""";

        var wrong = await Webhook(anonymous, account.Id(), update, "not-the-secret");
        var missing = await Webhook(anonymous, account.Id(), update, null);
        var unknown = await Webhook(anonymous, Guid.NewGuid(), update, bot.WebhookSecret);
        var wrongShape = await Webhook(anonymous, account.Id(), update, new string('a', 10_000));
        var malformed = await Webhook(anonymous, account.Id(), "{not json", bot.WebhookSecret);
        var right = await Webhook(anonymous, account.Id(), update, bot.WebhookSecret);

        var refusals = new[] { await wrong.ExpectProblem(HttpStatusCode.Unauthorized), await missing.ExpectProblem(HttpStatusCode.Unauthorized),
            await unknown.ExpectProblem(HttpStatusCode.Unauthorized), await wrongShape.ExpectProblem(HttpStatusCode.Unauthorized) };
        // Nothing in the answer tells an existing account from an unknown one.
        Assert.Single(refusals.Select(r => { r.Remove("trace_id"); return r.ToJsonString(); }).Distinct());
        await malformed.ExpectValidationProblem("body");
        await right.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Switching_between_webhook_and_polling_sets_and_deletes_the_webhook()
    {
        var (bot, account) = await telegram.NewAccount();
        Assert.Null(bot.WebhookUrl);

        await (await telegram.Admin.Patch($"/api/sending-accounts/{account.Id()}", new { updates = "webhook" })).Expect(HttpStatusCode.OK);
        Assert.NotNull(bot.WebhookUrl);

        await (await telegram.Admin.Patch($"/api/sending-accounts/{account.Id()}", new { updates = "polling" })).Expect(HttpStatusCode.OK);
        Assert.Null(bot.WebhookUrl);
        var user = telegram.Simulator.AddUser("Back");
        telegram.Simulator.UserWrites(bot, user, "polling again");
        await telegram.Sink.WaitFor(m => m.TelegramUserId == user.Id, "a polled message after switching back");
    }

    private static Task<HttpResponseMessage> Webhook(HttpClient client, Guid accountId, string update, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/webhook/{accountId}")
        {
            Content = new StringContent(update, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramSimulator.SecretHeader, secret);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<Guid?> PrivateChatContact(Guid accountId, long chatId)
    {
        await using var db = NpgsqlDataSource.Create(telegram.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT contact_id FROM telegram_chats WHERE sending_account_id = $1 AND chat_id = $2 AND type = 'private'");
        cmd.Parameters.AddWithValue(accountId);
        cmd.Parameters.AddWithValue(chatId);
        return await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken) as Guid?;
    }

    private async Task<long> PollingOffset(Guid accountId)
    {
        await using var db = NpgsqlDataSource.Create(telegram.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT polling_offset FROM sending_accounts WHERE id = $1");
        cmd.Parameters.AddWithValue(accountId);
        return (long)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
