using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Crm;

/// <summary>/api/contacts: the organization's CRM contacts (seed 001).</summary>
public sealed class CrmContactTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Created_contact_answers_201_with_every_field_normalized()
    {
        var company = await api.Admin.CreateCompany("Acme");
        var telegramId = CrmApi.TelegramId();
        var response = await api.Admin.Post("/api/contacts", new
        {
            first_name = "  Ivan ", last_name = "Petrov", email = $"ivan.{Guid.NewGuid():N}@example.test", phone = "+7 (912) 345-67-89",
            telegram_id = telegramId, telegram_username = "@ivan_petrov", company_id = company.Id(),
            attributes = new Dictionary<string, object> { ["city"] = "Kazan", ["score"] = 7, ["vip"] = true },
        });

        var contact = await response.ExpectJson(HttpStatusCode.Created);
        Assert.Equal($"/api/contacts/{contact.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Ivan", contact.Str("first_name"));
        Assert.Equal("Petrov", contact.Str("last_name"));
        Assert.Equal("+79123456789", contact.Str("phone"));
        Assert.Equal(telegramId, contact["telegram_id"]!.GetValue<long>());
        Assert.Equal("ivan_petrov", contact.Str("telegram_username"));
        Assert.Equal(company.Str("id"), contact.Str("company_id"));
        Assert.Equal("Kazan", contact["attributes"]!["city"]!.GetValue<string>());
        Assert.Equal(7, contact["attributes"]!["score"]!.GetValue<int>());
        Assert.True(contact["attributes"]!["vip"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(contact, await (await api.Admin.Get($"/api/contacts/{contact.Id()}")).ExpectJson(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task Patch_is_a_merge_patch_including_attributes()
    {
        var contact = await api.Admin.CreateContact(new
        {
            first_name = "Olga", phone = "+4930123456", telegram_id = CrmApi.TelegramId(),
            attributes = new Dictionary<string, object> { ["city"] = "Berlin", ["plan"] = "free" },
        });

        var patched = await (await api.Admin.Patch($"/api/contacts/{contact.Id()}", new
        {
            last_name = "Smirnova", phone = (string?)null, attributes = new Dictionary<string, object?> { ["plan"] = "pro", ["city"] = null, ["seats"] = 5 },
        })).ExpectJson(HttpStatusCode.OK);

        Assert.Equal("Olga", patched.Str("first_name"));
        Assert.Equal("Smirnova", patched.Str("last_name"));
        Assert.Null(patched["phone"]);
        Assert.Equal(contact["telegram_id"]!.GetValue<long>(), patched["telegram_id"]!.GetValue<long>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"plan":"pro","seats":5}"""), patched["attributes"]));
    }

    [Fact]
    public async Task Invalid_fields_are_each_named()
    {
        var response = await api.Admin.Post("/api/contacts", new
        {
            email = "not-an-email", phone = "12ab", telegram_id = -5, telegram_username = "abc", company_id = "nope",
            attributes = new Dictionary<string, object> { ["nested"] = new { a = 1 } },
        });
        await response.ExpectValidationProblem("email", "phone", "telegram_id", "telegram_username", "company_id", "attributes.nested");

        await (await api.Admin.Post("/api/contacts", new { })).ExpectValidationProblem("body");
        await (await api.Admin.Post("/api/contacts", new { first_name = "X", shoe_size = 42 })).ExpectValidationProblem("shoe_size");
        await (await api.Admin.Post("/api/contacts", new { first_name = "X", attributes = new[] { 1 } })).ExpectValidationProblem("attributes");
        var many = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => (object)i);
        await (await api.Admin.Post("/api/contacts", new { first_name = "X", attributes = many })).ExpectValidationProblem("attributes");
        await (await api.Admin.Post("/api/contacts", new { first_name = "X", company_id = Guid.NewGuid() })).ExpectValidationProblem("company_id");

        var contact = await api.Admin.CreateContact();
        await (await api.Admin.Patch($"/api/contacts/{contact.Id()}", new { telegram_username = "has space", id = Guid.NewGuid() }))
            .ExpectValidationProblem("telegram_username", "id");
    }

    [Fact]
    public async Task Telegram_id_and_email_are_unique_per_organization()
    {
        var email = $"dup.{Guid.NewGuid():N}@example.test";
        var first = await api.Admin.CreateContact(new { first_name = "A", email, telegram_id = CrmApi.TelegramId() });

        var sameTelegram = await (await api.Admin.Post("/api/contacts", new { first_name = "B", telegram_id = first["telegram_id"]!.GetValue<long>() }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.NotNull(sameTelegram["errors"]!["telegram_id"]);
        var sameEmail = await (await api.Admin.Post("/api/contacts", new { first_name = "C", email = email.ToUpperInvariant() }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.NotNull(sameEmail["errors"]!["email"]);

        var other = await api.Admin.CreateContact();
        var patch = await (await api.Admin.Patch($"/api/contacts/{other.Id()}", new { email })).ExpectProblem(HttpStatusCode.Conflict);
        Assert.NotNull(patch["errors"]!["email"]);

        var (_, otherOrg) = await api.NewOrganization();
        using var _ = otherOrg;
        await otherOrg.CreateContact(new { first_name = "Same", email, telegram_id = first["telegram_id"]!.GetValue<long>() });
    }

    [Fact]
    public async Task List_searches_and_filters_with_keyset_paging()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var company = await admin.CreateCompany();
        var pipeline = await admin.CreatePipeline();
        var anna = await admin.CreateContact(new { first_name = "Anna", last_name = "Volkova", telegram_id = CrmApi.TelegramId(), company_id = company.Id() });
        var boris = await admin.CreateContact(new { first_name = "Boris", email = "boris@volk.example", telegram_username = "boris_100" });
        var clara = await admin.CreateContact(new { first_name = "Clara", phone = "+15551234567", telegram_id = CrmApi.TelegramId() });
        await (await admin.PostLead(clara.Id(), pipeline.Id(), pipeline.StageId(0))).Expect(HttpStatusCode.Created);

        Assert.Equal([clara.Str("id"), boris.Str("id"), anna.Str("id")], (await admin.All("/api/contacts")).IdsOf());
        Assert.Equal([boris.Str("id"), anna.Str("id")], (await admin.All("/api/contacts", "&q=VOLK")).IdsOf());
        Assert.Equal([boris.Str("id")], (await admin.All("/api/contacts", "&q=@boris_1")).IdsOf());
        Assert.Equal([clara.Str("id")], (await admin.All("/api/contacts", "&q=5551234")).IdsOf());
        Assert.Empty(await admin.All("/api/contacts", "&q=%25"));
        Assert.Equal([anna.Str("id")], (await admin.All("/api/contacts", $"&company_id={company.Id()}")).IdsOf());
        Assert.Equal([clara.Str("id"), anna.Str("id")], (await admin.All("/api/contacts", "&has_telegram=true")).IdsOf());
        Assert.Equal([boris.Str("id")], (await admin.All("/api/contacts", "&has_telegram=false")).IdsOf());
        Assert.Equal([clara.Str("id")], (await admin.All("/api/contacts", $"&pipeline_id={pipeline.Id()}")).IdsOf());

        var first = await (await admin.Get("/api/contacts?limit=2")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal([clara.Str("id"), boris.Str("id")], first.Ids());
        var second = await (await admin.Get($"/api/contacts?limit=2&cursor={first.Str("next_cursor")}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal([anna.Str("id")], second.Ids());
        Assert.Null(second["next_cursor"]);

        await (await admin.Get("/api/contacts?has_telegram=maybe&company_id=x&limit=0")).ExpectValidationProblem("has_telegram", "company_id", "limit");
    }

    [Fact]
    public async Task Delete_removes_the_contact_and_its_leads()
    {
        var pipeline = await api.Admin.CreatePipeline();
        var contact = await api.Admin.CreateContact();
        var lead = await (await api.Admin.PostLead(contact.Id(), pipeline.Id(), pipeline.StageId(0))).ExpectJson(HttpStatusCode.Created);

        await (await api.Admin.Delete($"/api/contacts/{contact.Id()}")).Expect(HttpStatusCode.NoContent);

        await (await api.Admin.Get($"/api/contacts/{contact.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Get($"/api/pipeline/leads/{lead.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Delete($"/api/contacts/{contact.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_organizations_contacts_are_not_found_and_never_listed()
    {
        var (_, other) = await api.NewOrganization();
        using var _ = other;
        var theirs = await other.CreateContact(new { first_name = "Secretive", telegram_username = "secret_agent_x" });
        var theirCompany = await other.CreateCompany();

        await (await api.Admin.Get($"/api/contacts/{theirs.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Patch($"/api/contacts/{theirs.Id()}", new { first_name = "Hijacked" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Delete($"/api/contacts/{theirs.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Post("/api/contacts", new { first_name = "X", company_id = theirCompany.Id() })).ExpectValidationProblem("company_id");
        Assert.DoesNotContain(theirs.Str("id"), (await api.Admin.All("/api/contacts")).IdsOf());
        Assert.Empty(await api.Admin.All("/api/contacts", "&q=secret_agent"));
        Assert.True(JsonNode.DeepEquals(theirs, await (await other.Get($"/api/contacts/{theirs.Id()}")).ExpectJson(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task Every_mutation_is_audited_with_the_contact_id()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var contact = await admin.CreateContact();
        await (await admin.Patch($"/api/contacts/{contact.Id()}", new { last_name = "Renamed" })).Expect(HttpStatusCode.OK);
        await (await admin.Delete($"/api/contacts/{contact.Id()}")).Expect(HttpStatusCode.NoContent);

        var rows = await admin.AuditRows("resource_type=contact");
        Assert.Equal(["contact.delete", "contact.update", "contact.create"], rows.Select(r => r.Str("action")));
        Assert.All(rows, r => Assert.Equal(contact.Str("id"), r.Str("resource_id")));
        Assert.All(rows, r => Assert.Equal("succeeded", r.Str("outcome")));
    }

    [Theory]
    [InlineData("affiliate_manager")]
    [InlineData("finance")]
    [InlineData("read_only")]
    public async Task Readers_see_the_crm_and_cannot_change_it(string role)
    {
        var contact = await api.Admin.CreateContact();
        var pipeline = await api.Admin.CreatePipeline();
        var company = await api.Admin.CreateCompany();
        using var client = api.Client((await api.KeyFor(role)).Secret);

        await (await client.Get($"/api/contacts/{contact.Id()}")).Expect(HttpStatusCode.OK);
        await (await client.Get($"/api/pipelines/{pipeline.Id()}")).Expect(HttpStatusCode.OK);
        await (await client.Get("/api/pipeline/leads")).Expect(HttpStatusCode.OK);
        await (await client.Get("/api/companies")).Expect(HttpStatusCode.OK);
        await (await client.Post("/api/contacts", new { first_name = "Nope" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Patch($"/api/contacts/{contact.Id()}", new { first_name = "Nope" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Delete($"/api/contacts/{contact.Id()}")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Post("/api/companies", new { name = "Nope" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Delete($"/api/companies/{company.Id()}")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Post("/api/pipelines", new { name = "Nope", stages = new[] { new { name = "A" } } })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Patch($"/api/pipelines/{pipeline.Id()}", new { name = "Nope" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.PostLead(contact.Id(), pipeline.Id(), pipeline.StageId(0))).ExpectProblem(HttpStatusCode.Forbidden);
    }
}
