using System.Net;
using System.Net.Http.Headers;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Hosting;

/// <summary>
/// Text PostgreSQL cannot store (NUL) or UTF-8 cannot encode (an unpaired surrogate), and bodies that are not UTF-8,
/// are a 400 naming the field on every resource that takes text, never a 500, and write nothing.
/// </summary>
public sealed class HostileTextTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    public static TheoryData<string, string, string, string> HostileFields => new()
    {
        // resource path, JSON body with {0} where the hostile string goes, the field the answer must name, list path
        { "/api/campaigns", """{ "name": {0}, "kind": "ads", "budget": 1 }""", "name", "/api/campaigns" },
        { "/api/campaigns", """{ "name": "ok", "description": {0}, "kind": "ads", "budget": 1 }""", "description", "/api/campaigns" },
        { "/api/campaigns/presets", """{ "name": {0}, "content": "Hello" }""", "name", "/api/campaigns/presets" },
        { "/api/campaigns/presets", """{ "name": "ok", "content": {0} }""", "content", "/api/campaigns/presets" },
        { "/api/creators", """{ "name": {0}, "profiles": [{ "platform": "instagram", "username": "hostile_text_x" }] }""", "name", "/api/creators" },
        { "/api/companies", """{ "name": {0} }""", "name", "/api/companies" },
        { "/api/contacts", """{ "first_name": {0} }""", "first_name", "/api/contacts" },
        { "/api/contacts", """{ "first_name": "ok", "attributes": { "city": {0} } }""", "attributes.city", "/api/contacts" },
        { "/api/pipelines", """{ "name": {0}, "stages": [{ "name": "Lead" }] }""", "name", "/api/pipelines" },
    };

    [Theory]
    [MemberData(nameof(HostileFields))]
    public async Task A_nul_character_is_a_400_naming_the_field(string path, string body, string field, string list) =>
        await Refused(path, body.Replace("{0}", "\"a\\u0000b\""), field, list);

    [Theory]
    [MemberData(nameof(HostileFields))]
    public async Task An_unpaired_surrogate_is_a_400_naming_the_field(string path, string body, string field, string list) =>
        await Refused(path, body.Replace("{0}", "\"a\\ud800b\""), field, list);

    [Fact]
    public async Task A_body_that_is_not_utf8_is_a_400()
    {
        var content = new ByteArrayContent([.. "{ \"name\": \""u8, 0xC3, 0x28, .. "\", \"kind\": \"ads\", \"budget\": 1 }"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await api.Admin.PostAsync("/api/campaigns", content, TestContext.Current.CancellationToken);
        await response.ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/campaigns?q=a%00b", "q")]
    [InlineData("/api/contacts?q=%00", "q")]
    [InlineData("/api/creators?location=a%00", "location")]
    public async Task A_query_parameter_with_such_text_is_a_400_naming_it(string url, string parameter)
    {
        var problem = await (await api.Admin.Get(url)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[parameter] is not null, problem.ToJsonString());
    }

    [Fact]
    public async Task A_creator_csv_with_a_nul_cell_names_the_row_and_column()
    {
        var (_, admin) = await api.NewOrganization();
        var csv = "platform,username,name\ninstagram,csv_nul_ok,Fine\ninstagram,csv_nul_bad,Bad\u0000name\n";
        var problem = await (await admin.SendRaw(HttpMethod.Post, "/api/creators/import", csv, "text/csv")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?["rows[3].name"] is not null, problem.ToJsonString());
        Assert.Empty((await (await admin.Get("/api/creators")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_creator_csv_that_is_not_utf8_or_in_an_unknown_charset_is_refused()
    {
        var (_, admin) = await api.NewOrganization();
        var invalid = new ByteArrayContent([.. "platform,username,name\ninstagram,csv_bytes,"u8, 0xC3, 0x28, (byte)'\n']);
        invalid.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var problem = await (await admin.PostAsync("/api/creators/import", invalid, TestContext.Current.CancellationToken)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?["body"] is not null, problem.ToJsonString());

        var unknown = new StringContent("platform,username\ninstagram,csv_charset\n");
        unknown.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=no-such-charset");
        var refused = await (await admin.PostAsync("/api/creators/import", unknown, TestContext.Current.CancellationToken)).ExpectProblem(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("no-such-charset", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await (await admin.Get("/api/creators")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray());
    }

    private async Task Refused(string path, string body, string field, string list)
    {
        var (_, admin) = await api.NewOrganization();
        var before = (await (await admin.Get(list)).ExpectJson(HttpStatusCode.OK)).ToJsonString();
        var problem = await (await admin.SendRaw(HttpMethod.Post, path, body)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is not null, problem.ToJsonString());
        Assert.Equal(before, (await (await admin.Get(list)).ExpectJson(HttpStatusCode.OK)).ToJsonString());
    }
}
