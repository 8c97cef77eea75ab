using System.Net;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Integrations.Telegram;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

/// <summary>The seed's Telegram group audience source: groups and channels the bots are in, and the users seen there as contacts.</summary>
public sealed class GroupSourceTests(TelegramHostFixture telegram) : IClassFixture<TelegramHostFixture>
{
    [Fact]
    public async Task Groups_the_bot_is_in_are_listed_with_the_users_seen_and_become_contacts()
    {
        var admin = await NewOrganization();
        var (bot, account) = await telegram.NewAccount(admin: admin);
        var owner = telegram.Simulator.AddUser("Owner", $"o{Guid.NewGuid():N}"[..16]);
        var known = telegram.Simulator.AddUser("Known");
        var byName = telegram.Simulator.AddUser("Named", $"n{Guid.NewGuid():N}"[..16], "Person");
        var group = telegram.Simulator.AddGroup("Founders chat");
        var channel = telegram.Simulator.AddGroup("News", "channel");
        var existing = await admin.CreateContact(new { first_name = "Known already", telegram_id = known.Id });
        var adopted = await admin.CreateContact(new { first_name = "Named", telegram_username = byName.Username });

        telegram.Simulator.AddBotToChat(bot, group, owner);
        telegram.Simulator.AddBotToChat(bot, channel, owner);
        telegram.Simulator.MessageInChat(bot, group, owner, "welcome all");
        telegram.Simulator.UsersJoin(bot, group, owner, known, byName);
        telegram.Simulator.MessageInChat(bot, channel, owner, "a post");

        var sources = await TelegramHostFixture.Eventually(
            async () => (await (await admin.Get("/api/campaigns/group-sources")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray(),
            items => items.Count == 2 && items.Any(i => i!["members_seen"]!.GetValue<int>() == 3),
            "both chats with the group's three users");
        var founders = Assert.Single(sources, s => s!.Str("title") == "Founders chat")!;
        Assert.Equal(account.Str("id"), founders.Str("bd_account_id"));
        Assert.Equal(group.Id, founders["telegram_chat_id"]!.GetValue<long>());
        Assert.Equal("supergroup", founders.Str("type"));
        var news = Assert.Single(sources, s => s!.Str("title") == "News")!;
        Assert.Equal("channel", news.Str("type"));
        Assert.Equal(0, news["members_seen"]!.GetValue<int>());

        var contacts = await (await admin.Get($"/api/campaigns/group-sources/contacts?bdAccountId={account.Id()}&telegramChatId={group.Id}"))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal(1, contacts["created"]!.GetValue<int>());
        Assert.Equal(2, contacts["matched"]!.GetValue<int>());
        var ids = contacts["contact_ids"]!.AsArray().Select(i => Guid.Parse(i!.GetValue<string>())).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Contains(existing.Id(), ids);
        Assert.Contains(adopted.Id(), ids);
        var created = await (await admin.Get($"/api/contacts/{ids.Single(i => i != existing.Id() && i != adopted.Id())}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(owner.Id, created["telegram_id"]!.GetValue<long>());
        Assert.Equal(owner.Username, created.Str("telegram_username"));
        Assert.Equal("Owner", created.Str("first_name"));
        var linked = await (await admin.Get($"/api/contacts/{adopted.Id()}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(byName.Id, linked["telegram_id"]!.GetValue<long>());

        Assert.Contains(await admin.AuditRows("action=contact.create_from_group"), r => r.Str("resource_id") == $"{account.Id()}:{group.Id}");

        var again = await (await admin.Get($"/api/campaigns/group-sources/contacts?bdAccountId={account.Id()}&telegramChatId={group.Id}"))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal(0, again["created"]!.GetValue<int>());
        Assert.Equal(3, again["matched"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_group_the_bot_left_is_no_longer_a_source()
    {
        var admin = await NewOrganization();
        var (bot, _) = await telegram.NewAccount(admin: admin);
        var owner = telegram.Simulator.AddUser("Owner");
        var group = telegram.Simulator.AddGroup("Short-lived", "group");
        telegram.Simulator.AddBotToChat(bot, group, owner);
        await TelegramHostFixture.Eventually(
            async () => (await (await admin.Get("/api/campaigns/group-sources")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray().Count,
            n => n == 1, "the group listed");

        telegram.Simulator.RemoveBotFromChat(bot, group, owner);

        await TelegramHostFixture.Eventually(
            async () => (await (await admin.Get("/api/campaigns/group-sources")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray().Count,
            n => n == 0, "the group gone");
    }

    [Fact]
    public async Task Missing_or_malformed_parameters_are_named_and_another_organizations_chat_is_a_404()
    {
        await (await telegram.Admin.Get("/api/campaigns/group-sources/contacts")).ExpectValidationProblem("bdAccountId", "telegramChatId");
        await (await telegram.Admin.Get("/api/campaigns/group-sources/contacts?bdAccountId=nope&telegramChatId=x")).ExpectValidationProblem("bdAccountId", "telegramChatId");

        var (bot, account) = await telegram.NewAccount();
        var owner = telegram.Simulator.AddUser("Owner");
        var group = telegram.Simulator.AddGroup("Private club");
        telegram.Simulator.AddBotToChat(bot, group, owner);
        telegram.Simulator.MessageInChat(bot, group, owner, "hi");
        await TelegramHostFixture.Eventually(
            async () => (await (await telegram.Admin.Get("/api/campaigns/group-sources")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray()
                .Any(i => i!["telegram_chat_id"]!.GetValue<long>() == group.Id),
            found => found, "the club listed");

        var stranger = await NewOrganization();
        await (await stranger.Get($"/api/campaigns/group-sources/contacts?bdAccountId={account.Id()}&telegramChatId={group.Id}"))
            .ExpectProblem(HttpStatusCode.NotFound);
        Assert.Empty((await (await stranger.Get("/api/campaigns/group-sources")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray());
    }

    /// <summary>An admin of a fresh organization, so the group-sources list holds only this test's chats.</summary>
    private async Task<HttpClient> NewOrganization()
    {
        var org = await Infrastructure.TestOrganizations.Create(telegram.ConnectionString);
        return telegram.Host.Client(org.AdminKey);
    }
}
