using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Integrations.Telegram;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

/// <summary>/api/sending-accounts and /api/campaigns/agents: Telegram bots as sending accounts (seed "BD accounts").</summary>
public sealed class SendingAccountTests(TelegramHostFixture telegram) : IClassFixture<TelegramHostFixture>
{
    [Fact]
    public async Task Created_account_is_checked_with_getMe_and_answers_the_bot_without_its_token()
    {
        var bot = telegram.Simulator.AddBot("acme_sales_bot");

        var response = await telegram.Admin.Post("/api/sending-accounts", new { name = "  Acme sales ", bot_token = bot.Token });

        var account = await response.ExpectJson(HttpStatusCode.Created);
        Assert.Equal($"/api/sending-accounts/{account.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Acme sales", account.Str("name"));
        Assert.Equal(bot.Id, account["bot_user_id"]!.GetValue<long>());
        Assert.Equal("acme_sales_bot", account.Str("bot_username"));
        Assert.Equal("polling", account.Str("updates"));
        Assert.Equal("active", account.Str("status"));
        Assert.Equal(200, account["daily_cap"]!.GetValue<int>());
        Assert.Null(account["bot_token"]);
        Assert.True(JsonNode.DeepEquals(account, await (await telegram.Admin.Get($"/api/sending-accounts/{account.Id()}")).ExpectJson(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task Token_Telegram_refuses_is_a_400_on_bot_token_with_Telegrams_words()
    {
        var response = await telegram.Admin.Post("/api/sending-accounts", new { name = "Ghost", bot_token = "123456:AAbcdefghijklmnopqrstuvwxyz0123" });

        var errors = await response.ExpectValidationProblem("bot_token");
        Assert.Contains("Unauthorized", errors["bot_token"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_fields_are_each_named_without_asking_Telegram()
    {
        var response = await telegram.Admin.Post("/api/sending-accounts", new
        {
            name = "", bot_token = "not a token", daily_cap = 0, updates = "smoke-signals", colour = "red",
        });

        await response.ExpectValidationProblem("name", "bot_token", "daily_cap", "updates", "colour");
    }

    [Fact]
    public async Task The_same_bot_cannot_be_two_accounts()
    {
        var (bot, _) = await telegram.NewAccount();

        var response = await telegram.Admin.Post("/api/sending-accounts", new { name = "Again", bot_token = bot.Token });

        var problem = await response.ExpectProblem(HttpStatusCode.Conflict);
        Assert.NotNull(problem["errors"]?["bot_token"]);
    }

    [Fact]
    public async Task Token_is_in_no_response_and_no_log_entry()
    {
        var (bot, account) = await telegram.NewAccount(dailyCap: 50);
        var id = account.Id();
        var replacement = telegram.Simulator.AddBot($"next_{Guid.NewGuid():N}"[..20]);

        var bodies = new List<string>
        {
            account.ToJsonString(),
            await (await telegram.Admin.Get("/api/sending-accounts")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await (await telegram.Admin.Get($"/api/sending-accounts/{id}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await (await telegram.Admin.Patch($"/api/sending-accounts/{id}", new { name = "Renamed", bot_token = replacement.Token }))
                .Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await (await telegram.Admin.Get("/api/campaigns/agents")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await (await telegram.Admin.Post("/api/sending-accounts", new { name = "Dup", bot_token = replacement.Token }))
                .Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
        };
        // A send makes the gateway call the Bot API, whose URL holds the token.
        var reader = telegram.Simulator.AddUser("Reader");
        telegram.Simulator.PressStart(replacement, reader);
        await telegram.Gateway.SendText(id, reader.Id, "hello", TestContext.Current.CancellationToken);

        foreach (var secret in new[] { bot.Token, replacement.Token, bot.Token.Split(':')[1], replacement.Token.Split(':')[1] })
        {
            Assert.All(bodies, body => Assert.DoesNotContain(secret, body, StringComparison.Ordinal));
            Assert.DoesNotContain(telegram.Logs.Entries, entry => entry.Contains(secret));
        }

        Assert.Contains(telegram.Logs.Entries, entry => entry.Message.Contains("sendMessage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patch_changes_name_cap_status_and_rechecks_a_new_token()
    {
        var (_, account) = await telegram.NewAccount();
        var id = account.Id();

        var patched = await (await telegram.Admin.Patch($"/api/sending-accounts/{id}", new { name = "Night shift", daily_cap = 40, status = "disabled" }))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Night shift", patched.Str("name"));
        Assert.Equal(40, patched["daily_cap"]!.GetValue<int>());
        Assert.Equal("disabled", patched.Str("status"));

        await (await telegram.Admin.Patch($"/api/sending-accounts/{id}", new { bot_token = "999:AAbcdefghijklmnopqrstuvwxyz0123" }))
            .ExpectValidationProblem("bot_token");
        await (await telegram.Admin.Patch($"/api/sending-accounts/{id}", new { status = "token_refused", bot_user_id = 5 }))
            .ExpectValidationProblem("status", "bot_user_id");

        var other = telegram.Simulator.AddBot($"other_{Guid.NewGuid():N}"[..20]);
        var rebound = await (await telegram.Admin.Patch($"/api/sending-accounts/{id}", new { bot_token = other.Token })).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(other.Id, rebound["bot_user_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Deleted_account_is_gone()
    {
        var (_, account) = await telegram.NewAccount();

        await (await telegram.Admin.Delete($"/api/sending-accounts/{account.Id()}")).Expect(HttpStatusCode.NoContent);

        await (await telegram.Admin.Get($"/api/sending-accounts/{account.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await telegram.Admin.Delete($"/api/sending-accounts/{account.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_organizations_account_is_a_404()
    {
        var (_, account) = await telegram.NewAccount();
        var stranger = await Infrastructure.TestOrganizations.Create(telegram.ConnectionString);
        using var client = telegram.Host.Client(stranger.AdminKey);
        var id = account.Id();

        await (await client.Get($"/api/sending-accounts/{id}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await client.Patch($"/api/sending-accounts/{id}", new { name = "Mine now" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await client.Delete($"/api/sending-accounts/{id}")).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Empty((await (await client.Get("/api/sending-accounts")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray());
        Assert.Empty((await (await client.Get("/api/campaigns/agents")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray());
        Assert.Equal("active", (await (await telegram.Admin.Get($"/api/sending-accounts/{id}")).ExpectJson(HttpStatusCode.OK)).Str("status"));
    }

    [Fact]
    public async Task Agents_list_what_each_account_sent_today()
    {
        var (_, account) = await telegram.NewAccount(dailyCap: 25);
        var id = account.Id();
        var now = DateTimeOffset.UtcNow;
        // Three sent today, one sent yesterday, one still an intent: only the three count.
        foreach (var (status, sentAt) in new (string, DateTimeOffset?)[] { ("sent", now), ("delivered", now), ("sent", now), ("sent", now.AddDays(-1)), ("intent", null) })
        {
            await telegram.Sql("""
                INSERT INTO outreach_sends (id, campaign_id, contact_id, organization_id, step_index, sending_account_id, status, created_at, sent_at)
                VALUES ($1, $2, $3, $4, 0, $5, $6, $7, $8)
                """, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), telegram.Org.Id, id, status, now, (object?)sentAt ?? DBNull.Value);
        }

        var agents = (await (await telegram.Admin.Get("/api/campaigns/agents")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray();

        var agent = Assert.Single(agents, a => a!.Str("id") == id.ToString())!;
        Assert.Equal(3, agent["sent_today"]!.GetValue<int>());
        Assert.Equal(25, agent["daily_cap"]!.GetValue<int>());
        Assert.Equal("active", agent.Str("status"));
        Assert.Equal(account.Str("name"), agent.Str("name"));
    }

    [Fact]
    public async Task Mutations_are_audited_and_read_only_keys_cannot_make_them()
    {
        var (_, account) = await telegram.NewAccount();
        var readOnly = await telegram.Admin.CreateUserWithKey("read_only");
        using var reader = telegram.Host.Client(readOnly.Secret);

        await (await reader.Post("/api/sending-accounts", new { name = "x", bot_token = "1:AAbcdefghijklmnopqrstuvwxyz0123" })).Expect(HttpStatusCode.Forbidden);
        await (await reader.Get($"/api/sending-accounts/{account.Id()}")).Expect(HttpStatusCode.OK);

        var rows = await telegram.Admin.AuditRows("resource_type=sending_account");
        Assert.Contains(rows, r => r.Str("action") == "sending_account.create" && r["resource_id"]?.GetValue<string>() == account.Str("id"));
        Assert.Contains(rows, r => r.Str("action") == "sending_account.create" && r.Str("outcome") == "forbidden");
    }
}

/// <summary>A deployment without <c>Telegram:WebhookBaseUrl</c> offers polling only.</summary>
public sealed class SendingAccountWithoutWebhookTests(Infrastructure.PostgresFixture postgres)
{
    [Fact]
    public async Task Webhook_updates_need_a_public_address_and_the_refusal_names_updates()
    {
        await using var simulator = await Simulators.Telegram.TelegramSimulator.Start();
        await using var host = await Infrastructure.TestApiHost.Start(postgres.ConnectionString,
            settings: new Dictionary<string, string?> { ["Telegram:BaseUrl"] = simulator.BaseUrl });
        var org = await Infrastructure.TestOrganizations.Create(postgres.ConnectionString);
        using var admin = host.Client(org.AdminKey);
        var bot = simulator.AddBot("no_webhook_bot");

        var refused = await admin.Post("/api/sending-accounts", new { name = "Pushed", bot_token = bot.Token, updates = "webhook" });
        var polling = await (await admin.Post("/api/sending-accounts", new { name = "Polled", bot_token = bot.Token })).ExpectJson(HttpStatusCode.Created);
        var switched = await admin.Patch($"/api/sending-accounts/{polling.Id()}", new { updates = "webhook" });

        Assert.Contains("WebhookBaseUrl", (await refused.ExpectValidationProblem("updates"))["updates"]![0]!.GetValue<string>());
        await switched.ExpectValidationProblem("updates");
        Assert.Null(bot.WebhookUrl);
        Assert.Equal("polling", (await (await admin.Get($"/api/sending-accounts/{polling.Id()}")).ExpectJson(HttpStatusCode.OK)).Str("updates"));
    }
}
