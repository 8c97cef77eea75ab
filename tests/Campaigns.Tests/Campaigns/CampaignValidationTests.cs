using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Campaigns;

public sealed class CampaignValidationTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private Task<HttpResponseMessage> Create(object body) => api.Admin.Post("/api/campaigns", body);

    private Task<HttpResponseMessage> CreateRaw(string json) => api.Admin.SendRaw(HttpMethod.Post, "/api/campaigns", json);

    [Fact]
    public async Task Created_campaign_answers_201_with_location_draft_status_and_every_field()
    {
        var response = await Create(new
        {
            name = "  Spring launch  ", description = "Teasers then reveal", kind = "influencer", budget = 250_000, currency = "eur",
            goals = new[] { "reach", "Engagement", "reach" }, platforms = new[] { "instagram", "TikTok" },
            start_date = "2026-03-01", end_date = "2026-03-31",
        });

        var campaign = await response.ExpectJson(HttpStatusCode.Created);
        Assert.Equal($"/api/campaigns/{campaign.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(7, campaign.Id().Version);
        Assert.Equal("Spring launch", campaign.Str("name"));
        Assert.Equal("Teasers then reveal", campaign.Str("description"));
        Assert.Equal("influencer", campaign.Str("kind"));
        Assert.Equal("draft", campaign.Str("status"));
        Assert.Equal(250_000, campaign["budget"]!.GetValue<long>());
        Assert.Equal(250_000, campaign["current_budget"]!.GetValue<long>());
        Assert.Equal(0, campaign["spent"]!.GetValue<long>());
        Assert.Equal("EUR", campaign.Str("currency"));
        Assert.Equal(new[] { "reach", "engagement" }, campaign["goals"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(new[] { "instagram", "tiktok" }, campaign["platforms"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("2026-03-01", campaign.Str("start_date"));
        Assert.Equal("2026-03-31", campaign.Str("end_date"));
        Assert.Null(campaign["scheduled_for"]);
        Assert.Null(campaign["started_at"]);
        Assert.Null(campaign["completed_at"]);
        var createdAt = DateTimeOffset.Parse(campaign.Str("created_at"));
        Assert.Equal(TimeSpan.Zero, createdAt.Offset);
        Assert.InRange(createdAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(JsonNode.DeepEquals(campaign, await api.Admin.GetCampaign(campaign.Id())));
    }

    [Fact]
    public async Task Minimal_campaign_gets_defaults()
    {
        var campaign = await api.Admin.CreateCampaign(new { name = "Minimal", kind = "outreach", budget = 0 });

        Assert.Equal("USD", campaign.Str("currency"));
        Assert.Equal(0, campaign["budget"]!.GetValue<long>());
        Assert.Empty(campaign["goals"]!.AsArray());
        Assert.Empty(campaign["platforms"]!.AsArray());
        Assert.Null(campaign["description"]);
        Assert.Null(campaign["start_date"]);
        Assert.Null(campaign["end_date"]);
    }

    [Theory]
    [InlineData("""{"kind":"ads","budget":1}""")]
    [InlineData("""{"name":null,"kind":"ads","budget":1}""")]
    [InlineData("""{"name":"","kind":"ads","budget":1}""")]
    [InlineData("""{"name":"   ","kind":"ads","budget":1}""")]
    public async Task Name_is_required(string json) =>
        await (await CreateRaw(json)).ExpectValidationProblem("name");

    [Fact]
    public async Task Name_of_200_characters_is_accepted_and_201_is_refused()
    {
        var longest = new string('n', 200);
        var created = await api.Admin.CreateCampaign(new { name = longest, kind = "ads", budget = 1 });
        Assert.Equal(longest, created.Str("name"));

        await (await Create(new { name = new string('n', 201), kind = "ads", budget = 1 })).ExpectValidationProblem("name");
    }

    [Fact]
    public async Task Negative_budget_is_refused()
    {
        await (await Create(new { name = "Negative", kind = "ads", budget = -1 })).ExpectValidationProblem("budget");
    }

    [Fact]
    public async Task Missing_budget_is_refused()
    {
        await (await Create(new { name = "No budget", kind = "ads" })).ExpectValidationProblem("budget");
    }

    [Fact]
    public async Task End_date_before_start_date_is_refused_and_same_day_is_accepted()
    {
        await (await Create(new { name = "Backwards", kind = "ads", budget = 1, start_date = "2026-05-10", end_date = "2026-05-09" }))
            .ExpectValidationProblem("end_date");

        var sameDay = await api.Admin.CreateCampaign(new { name = "One day", kind = "ads", budget = 1, start_date = "2026-05-10", end_date = "2026-05-10" });
        Assert.Equal(sameDay.Str("start_date"), sameDay.Str("end_date"));
    }

    [Fact]
    public async Task Unknown_platform_is_refused_and_named()
    {
        var errors = await (await Create(new { name = "Platforms", kind = "ads", budget = 1, platforms = new[] { "instagram", "myspace" } }))
            .ExpectValidationProblem("platforms");

        Assert.Contains("myspace", errors["platforms"]!.ToJsonString());
    }

    [Fact]
    public async Task Unknown_goal_is_refused_and_named()
    {
        var errors = await (await Create(new { name = "Goals", kind = "ads", budget = 1, goals = new[] { "world_domination" } }))
            .ExpectValidationProblem("goals");

        Assert.Contains("world_domination", errors["goals"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"name":"k","budget":1}""")]
    [InlineData("""{"name":"k","kind":"billboard","budget":1}""")]
    [InlineData("""{"name":"k","kind":"1","budget":1}""")]
    [InlineData("""{"name":"k","kind":"marketing,ads","budget":1}""")]
    [InlineData("""{"name":"k","kind":"influencer, outreach","budget":1}""")]
    [InlineData("""{"name":"k","kind":" 2","budget":1}""")]
    public async Task Missing_or_unknown_kind_is_refused(string json) =>
        await (await CreateRaw(json)).ExpectValidationProblem("kind");

    [Fact]
    public async Task Unknown_currency_is_refused()
    {
        await (await Create(new { name = "Currency", kind = "ads", budget = 1, currency = "XYZ" })).ExpectValidationProblem("currency");
    }

    [Fact]
    public async Task Description_over_10000_characters_is_refused()
    {
        await (await Create(new { name = "Long", kind = "ads", budget = 1, description = new string('d', 10_001) })).ExpectValidationProblem("description");
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        await (await Create(new
        {
            name = "", kind = "ads", budget = -5, currency = "ABC", goals = new[] { "fame" }, platforms = new[] { "fax" },
            start_date = "2026-02-02", end_date = "2026-02-01",
        })).ExpectValidationProblem("name", "budget", "currency", "goals", "platforms", "end_date");
    }

    [Theory]
    [InlineData("""{"name":"x","kind":"ads","budget":1""", "body")]
    [InlineData("""{"name":"x",,}""", "body")]
    [InlineData("not json at all", "body")]
    [InlineData("[]", "body")]
    [InlineData("\"a string\"", "body")]
    [InlineData("""{"name":5,"kind":"ads","budget":1}""", "name")]
    [InlineData("""{"name":"x","kind":"ads","budget":"100"}""", "budget")]
    [InlineData("""{"name":"x","kind":"ads","budget":1.5}""", "budget")]
    [InlineData("""{"name":"x","kind":"ads","budget":100000000000000000000}""", "budget")]
    [InlineData("""{"name":"x","kind":"ads","budget":true}""", "budget")]
    [InlineData("""{"name":"x","kind":7,"budget":1}""", "kind")]
    [InlineData("""{"name":"x","kind":"ads","budget":1,"goals":"reach"}""", "goals")]
    [InlineData("""{"name":"x","kind":"ads","budget":1,"platforms":{"instagram":true}}""", "platforms")]
    [InlineData("""{"name":"x","kind":"ads","budget":1,"start_date":"tomorrow"}""", "start_date")]
    [InlineData("""{"name":"x","kind":"ads","budget":1,"end_date":"2026-02-30"}""", "end_date")]
    [InlineData("""{"name":"x","kind":"ads","budget":1,"start_date":20260101}""", "start_date")]
    [InlineData("""{"name":"x","kind":"ads","budget":1,"status":"active"}""", "status")]
    [InlineData("""{"name":"x","kind":"ads","budget":1,"colour":"red"}""", "colour")]
    public async Task Malformed_json_or_wrong_types_answer_400_naming_the_field(string json, string field)
    {
        var errors = await (await CreateRaw(json)).ExpectValidationProblem(field);

        Assert.DoesNotContain("System.", errors.ToJsonString());
    }

    [Fact]
    public async Task Missing_body_answers_400_problem()
    {
        var response = await api.Admin.SendRaw(HttpMethod.Post, "/api/campaigns", "");

        await response.ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Non_json_content_type_answers_415_problem()
    {
        var response = await api.Admin.SendRaw(HttpMethod.Post, "/api/campaigns", "name=x&kind=ads&budget=1", "application/x-www-form-urlencoded");

        await response.ExpectProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Body_over_1_MiB_answers_413_problem()
    {
        var json = $$"""{"name":"Big","kind":"ads","budget":1,"description":"{{new string('x', 1024 * 1024)}}"}""";

        var response = await CreateRaw(json);

        await response.ExpectProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Body_just_under_1_MiB_is_accepted()
    {
        var goals = string.Join(",", Enumerable.Repeat("\"reach\"", 120_000));
        var json = $$"""{"name":"Large but allowed","kind":"ads","budget":1,"goals":[{{goals}}]}""";
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(json), 900_000, 1024 * 1024);

        var campaign = await (await CreateRaw(json)).ExpectJson(HttpStatusCode.Created);

        Assert.Equal(new[] { "reach" }, campaign["goals"]!.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task Chunked_body_over_1_MiB_answers_413_problem()
    {
        var json = $$"""{"name":"Big","kind":"ads","budget":1,"description":"{{new string('x', 1024 * 1024)}}"}""";
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await api.Admin.SendAsync(request, TestContext.Current.CancellationToken);

        await response.ExpectProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Refused_creation_stores_nothing()
    {
        var marker = $"refused-{Guid.NewGuid():N}";

        await (await Create(new { name = marker, kind = "ads", budget = -1 })).ExpectValidationProblem("budget");
        await (await CreateRaw($$"""{"name":"{{marker}}","kind":"ads","budget":"lots"}""")).ExpectValidationProblem("budget");

        var page = await (await api.Admin.Get($"/api/campaigns?q={marker}")).ExpectJson(HttpStatusCode.OK);
        Assert.Empty(page["items"]!.AsArray());
    }
}
