using System.Net;
using Campaigns.Infrastructure;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Npgsql;

namespace Campaigns.Tests.Outreach;

/// <summary>Audience sources: the contact picker with outreach status, and CSV imports into a campaign's contact_ids.</summary>
public sealed class OutreachAudienceTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Picker_lists_telegram_reachable_contacts_with_their_outreach_status()
    {
        var (org, admin) = await api.NewOrganization();
        var byId = await admin.CreateContact(new { first_name = "Ann", telegram_id = CrmApi.TelegramId() });
        var byUsername = await admin.CreateContact(new { first_name = "Bob", telegram_username = $"bob_{Guid.NewGuid():N}"[..20] });
        await admin.CreateContact(new { first_name = "Eve", email = $"eve.{Guid.NewGuid():N}@example.test" });
        // Starting needs steps, an account and an audience: Ann (who is then a participant of both).
        var running = await admin.CreateStartableOutreach(api.ConnectionString, org.Id, byId.Id());
        await admin.Walk(running.Id(), "launch");
        var finished = await admin.CreateStartableOutreach(api.ConnectionString, org.Id, byId.Id());
        await admin.Walk(finished.Id(), "launch", "complete");
        await AddParticipant(running.Id(), byId.Id(), org.Id);
        await AddParticipant(finished.Id(), byUsername.Id(), org.Id);

        var all = await (await admin.Get("/api/campaigns/contacts-for-picker")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal([byUsername.Str("id"), byId.Str("id")], all.Ids());
        Assert.Equal(["new", "in_outreach"], all["items"]!.AsArray().Select(i => i!.Str("outreach_status")));

        var fresh = await (await admin.Get("/api/campaigns/contacts-for-picker?outreachStatus=new")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal([byUsername.Str("id")], fresh.Ids());
        var busy = await (await admin.Get("/api/campaigns/contacts-for-picker?outreach_status=in_outreach")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal([byId.Str("id")], busy.Ids());
        var searched = await (await admin.Get("/api/campaigns/contacts-for-picker?search=ann")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal([byId.Str("id")], searched.Ids());

        var first = await (await admin.Get("/api/campaigns/contacts-for-picker?limit=1")).ExpectJson(HttpStatusCode.OK);
        var second = await (await admin.Get($"/api/campaigns/contacts-for-picker?limit=1&after={first.Str("next_cursor")}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(all.Ids(), first.Ids().Concat(second.Ids()));
        Assert.Null(second["next_cursor"]);

        await (await admin.Get("/api/campaigns/contacts-for-picker?outreachStatus=busy&limit=0"))
            .ExpectValidationProblem("outreach_status", "limit");
        var (_, other) = await api.NewOrganization();
        Assert.Empty((await (await other.Get("/api/campaigns/contacts-for-picker")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task Csv_import_matches_or_creates_contacts_and_adds_them_to_the_campaign()
    {
        var (_, admin) = await api.NewOrganization();
        var telegramId = CrmApi.TelegramId();
        var known = await admin.CreateContact(new { first_name = "Known", telegram_id = telegramId });
        var byEmail = await admin.CreateContact(new { first_name = "Mail", email = "mail@example.test" });
        var campaign = await admin.CreateOutreach(new { target_audience = new { contact_ids = new[] { known.Id() } } });
        var csv = $"""
            first_name;last_name;telegram_id;username;email;company
            Ann;Lee;{telegramId};;;
            Bob;"Smith; Jr.";;bob_the_builder;;Acme
            ;;;;MAIL@example.test;
            Bad;;-1;;;
            Bob;"Smith; Jr.";;Bob_The_Builder;;Acme
            """;

        var response = await admin.Post($"/api/campaigns/{campaign.Id()}/audience/from-csv", new { content = csv, has_header = true });
        var result = await response.ExpectJson(HttpStatusCode.OK);
        Assert.Equal(1, result["created"]!.GetValue<int>());
        Assert.Equal(2, result["matched"]!.GetValue<int>());
        var error = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal(5, error["row"]!.GetValue<int>());
        var ids = result["contact_ids"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(known.Str("id"), ids[0]);
        Assert.Equal(byEmail.Str("id"), ids[2]);

        var bob = await (await admin.Get($"/api/contacts/{ids[1]}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(("Bob", "Smith; Jr.", "bob_the_builder"), (bob.Str("first_name"), bob.Str("last_name"), bob.Str("telegram_username")));
        Assert.NotNull(bob["company_id"]);

        var audience = (await admin.GetCampaign(campaign.Id()))["target_audience"]!["contact_ids"]!.AsArray().Select(i => i!.GetValue<string>());
        Assert.Equal(ids, audience);

        // Importing again adds nothing new and creates nothing.
        var again = await (await admin.Post($"/api/campaigns/{campaign.Id()}/audience/from-csv", new { content = csv })).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(0, again["created"]!.GetValue<int>());
        Assert.Equal(ids, (await admin.GetCampaign(campaign.Id()))["target_audience"]!["contact_ids"]!.AsArray().Select(i => i!.GetValue<string>()));

        var audit = await admin.AuditRows($"resource_id={campaign.Id()}&action=campaign.audience_from_csv");
        Assert.Equal(2, audit.Count);
        Assert.All(audit, row => Assert.Equal("succeeded", row.Str("outcome")));
    }

    [Fact]
    public async Task Csv_import_is_refused_while_active_and_creates_nothing()
    {
        var (org, admin) = await api.NewOrganization();
        var campaign = await admin.CreateStartableOutreach(api.ConnectionString, org.Id);
        await admin.Walk(campaign.Id(), "launch");
        var contactsBefore = await admin.All("/api/contacts");
        var telegramId = CrmApi.TelegramId();
        await (await admin.Post($"/api/campaigns/{campaign.Id()}/audience/from-csv", new { content = $"telegram_id\n{telegramId}\n" }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal(contactsBefore.IdsOf(), (await admin.All("/api/contacts")).IdsOf());

        await admin.Walk(campaign.Id(), "pause");
        var result = await (await admin.Post($"/api/campaigns/{campaign.Id()}/audience/from-csv", new { content = $",,,,{telegramId}\n", has_header = false }))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal(1, result["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task Csv_import_validates_the_request_and_the_tenant()
    {
        var campaign = await api.Admin.CreateOutreach();
        var url = $"/api/campaigns/{campaign.Id()}/audience/from-csv";
        await (await api.Admin.Post(url, new { has_header = true })).ExpectValidationProblem("content");
        await (await api.Admin.Post(url, new { content = "first_name\nAnn\n" })).ExpectValidationProblem("content");
        await (await api.Admin.Post(url, new { content = new string('x', global::Campaigns.Api.Outreach.OutreachCsv.MaxCharacters + 1) })).ExpectValidationProblem("content");

        var marketing = await api.Admin.CreateCampaign();
        await (await api.Admin.Post($"/api/campaigns/{marketing.Id()}/audience/from-csv", new { content = "telegram_id\n5\n" })).ExpectValidationProblem("kind");

        var (_, other) = await api.NewOrganization();
        await (await other.Post(url, new { content = "telegram_id\n5\n" })).ExpectProblem(HttpStatusCode.NotFound);
    }

    private async Task AddParticipant(Guid campaignId, Guid contactId, Guid organizationId)
    {
        await using var db = NpgsqlDataSource.Create(api.ConnectionString);
        await using var cmd = db.CreateCommand("""
            INSERT INTO outreach_participants (campaign_id, contact_id, organization_id, created_at, updated_at)
            VALUES ($1, $2, $3, now(), now())
            ON CONFLICT DO NOTHING
            """);
        cmd.Parameters.AddWithValue(campaignId);
        cmd.Parameters.AddWithValue(contactId);
        cmd.Parameters.AddWithValue(organizationId);
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
