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

/// <summary>PATCH is JSON merge patch (RFC 7396): absent members are unchanged, null clears an optional field.</summary>
public sealed class CampaignPatchTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private Task<JsonNode> Full() => api.Admin.CreateCampaign(new
    {
        name = "Full", description = "Has everything", kind = "marketing", budget = 50_000, currency = "GBP",
        goals = new[] { "reach", "leads" }, platforms = new[] { "linkedin" }, start_date = "2026-06-01", end_date = "2026-06-30",
    });

    private Task<HttpResponseMessage> PatchRaw(Guid id, string json, string contentType = "application/json") =>
        api.Admin.SendRaw(HttpMethod.Patch, $"/api/campaigns/{id}", json, contentType);

    private static void AssertSameExcept(JsonNode before, JsonNode after, params string[] changed)
    {
        foreach (var (name, value) in before.AsObject())
        {
            if (!changed.Contains(name) && name != "updated_at")
            {
                Assert.True(JsonNode.DeepEquals(value, after[name]), $"'{name}' changed: {value?.ToJsonString()} → {after[name]?.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task Absent_fields_stay_unchanged()
    {
        var before = await Full();

        var after = await (await api.Admin.Patch($"/api/campaigns/{before.Id()}", new { name = "Renamed" })).ExpectJson(HttpStatusCode.OK);

        Assert.Equal("Renamed", after.Str("name"));
        AssertSameExcept(before, after, "name");
        Assert.True(DateTimeOffset.Parse(after.Str("updated_at")) >= DateTimeOffset.Parse(before.Str("updated_at")));
        Assert.True(JsonNode.DeepEquals(after, await api.Admin.GetCampaign(before.Id())));
    }

    [Fact]
    public async Task Every_editable_field_can_be_changed_at_once()
    {
        var before = await Full();

        var after = await (await api.Admin.Patch($"/api/campaigns/{before.Id()}", new
        {
            name = "Changed", description = "New text", budget = 75_000, currency = "usd", goals = new[] { "sales" },
            platforms = new[] { "youtube", "x" }, start_date = "2026-07-01", end_date = "2026-07-15",
        })).ExpectJson(HttpStatusCode.OK);

        Assert.Equal("Changed", after.Str("name"));
        Assert.Equal("New text", after.Str("description"));
        Assert.Equal(75_000, after["budget"]!.GetValue<long>());
        Assert.Equal(75_000, after["current_budget"]!.GetValue<long>());
        Assert.Equal("USD", after.Str("currency"));
        Assert.Equal(new[] { "sales" }, after["goals"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(new[] { "youtube", "x" }, after["platforms"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("2026-07-01", after.Str("start_date"));
        Assert.Equal("2026-07-15", after.Str("end_date"));
        AssertSameExcept(before, after, "name", "description", "budget", "current_budget", "currency", "goals", "platforms", "start_date", "end_date");
    }

    [Fact]
    public async Task Null_clears_optional_fields()
    {
        var before = await Full();

        var after = await (await PatchRaw(before.Id(),
            """{"description":null,"goals":null,"platforms":null,"start_date":null,"end_date":null}""")).ExpectJson(HttpStatusCode.OK);

        Assert.Null(after["description"]);
        Assert.Empty(after["goals"]!.AsArray());
        Assert.Empty(after["platforms"]!.AsArray());
        Assert.Null(after["start_date"]);
        Assert.Null(after["end_date"]);
        AssertSameExcept(before, after, "description", "goals", "platforms", "start_date", "end_date");
        Assert.True(JsonNode.DeepEquals(after, await api.Admin.GetCampaign(before.Id())));
    }

    [Fact]
    public async Task Clearing_one_date_keeps_the_other()
    {
        var before = await Full();

        var after = await (await PatchRaw(before.Id(), """{"end_date":null}""")).ExpectJson(HttpStatusCode.OK);

        Assert.Null(after["end_date"]);
        Assert.Equal("2026-06-01", after.Str("start_date"));
    }

    [Theory]
    [InlineData("""{"name":null}""", "name")]
    [InlineData("""{"name":"  "}""", "name")]
    [InlineData("""{"budget":null}""", "budget")]
    [InlineData("""{"currency":null}""", "currency")]
    public async Task Null_or_blank_for_a_required_field_is_refused(string json, string field)
    {
        var before = await Full();

        await (await PatchRaw(before.Id(), json)).ExpectValidationProblem(field);

        Assert.True(JsonNode.DeepEquals(before, await api.Admin.GetCampaign(before.Id())));
    }

    [Fact]
    public async Task Merge_patch_content_type_is_accepted()
    {
        var before = await Full();

        var after = await (await PatchRaw(before.Id(), """{"budget":1}""", "application/merge-patch+json")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(1, after["budget"]!.GetValue<long>());
    }

    [Fact]
    public async Task Patch_with_a_non_json_content_type_answers_415()
    {
        var before = await Full();

        await (await PatchRaw(before.Id(), "name=Plain", "text/plain")).ExpectProblem(HttpStatusCode.UnsupportedMediaType);

        Assert.True(JsonNode.DeepEquals(before, await api.Admin.GetCampaign(before.Id())));
    }

    [Fact]
    public async Task Empty_patch_changes_nothing()
    {
        var before = await Full();

        var after = await (await PatchRaw(before.Id(), "{}")).ExpectJson(HttpStatusCode.OK);

        AssertSameExcept(before, after);
    }

    [Theory]
    [InlineData("{\"name\":\"x\",", "body")]
    [InlineData("[]", "body")]
    [InlineData("null", "body")]
    [InlineData("""{"name":7}""", "name")]
    [InlineData("""{"description":false}""", "description")]
    [InlineData("""{"budget":"10"}""", "budget")]
    [InlineData("""{"budget":2.5}""", "budget")]
    [InlineData("""{"budget":-1}""", "budget")]
    [InlineData("""{"currency":"XXX"}""", "currency")]
    [InlineData("""{"goals":"reach"}""", "goals")]
    [InlineData("""{"goals":["nope"]}""", "goals")]
    [InlineData("""{"platforms":[3]}""", "platforms")]
    [InlineData("""{"platforms":["myspace"]}""", "platforms")]
    [InlineData("""{"start_date":"01/06/2026"}""", "start_date")]
    [InlineData("""{"end_date":5}""", "end_date")]
    [InlineData("""{"start_date":"2026-08-02","end_date":"2026-08-01"}""", "end_date")]
    [InlineData("""{"status":"active"}""", "status")]
    [InlineData("""{"kind":"ads"}""", "kind")]
    [InlineData("""{"id":"00000000-0000-0000-0000-000000000000"}""", "id")]
    [InlineData("""{"spent":0}""", "spent")]
    [InlineData("""{"created_at":"2020-01-01T00:00:00Z"}""", "created_at")]
    [InlineData("""{"nickname":"x"}""", "nickname")]
    public async Task Invalid_patch_answers_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var before = await Full();

        await (await PatchRaw(before.Id(), json)).ExpectValidationProblem(field);

        Assert.True(JsonNode.DeepEquals(before, await api.Admin.GetCampaign(before.Id())));
    }

    [Fact]
    public async Task Invalid_fields_are_all_reported_and_valid_ones_are_not_applied()
    {
        var before = await Full();

        await (await PatchRaw(before.Id(), """{"name":"Fine","budget":-3,"goals":["fame"]}""")).ExpectValidationProblem("budget", "goals");

        Assert.True(JsonNode.DeepEquals(before, await api.Admin.GetCampaign(before.Id())));
    }

    [Fact]
    public async Task End_date_before_the_stored_start_date_is_refused()
    {
        var before = await Full();

        await (await PatchRaw(before.Id(), """{"end_date":"2026-05-31"}""")).ExpectValidationProblem("end_date");

        Assert.True(JsonNode.DeepEquals(before, await api.Admin.GetCampaign(before.Id())));
    }

    [Fact]
    public async Task Start_date_after_the_stored_end_date_is_refused()
    {
        var before = await Full();

        await (await PatchRaw(before.Id(), """{"start_date":"2026-07-01"}""")).ExpectValidationProblem("start_date");

        Assert.True(JsonNode.DeepEquals(before, await api.Admin.GetCampaign(before.Id())));
    }

    [Fact]
    public async Task Patch_of_an_unknown_campaign_answers_404()
    {
        await (await api.Admin.Patch($"/api/campaigns/{Guid.CreateVersion7()}", new { name = "Ghost" })).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("completed", "launch", "complete")]
    [InlineData("cancelled", "cancel")]
    public async Task Patch_of_a_finished_campaign_answers_409_naming_its_status(string status, params string[] path)
    {
        var before = await Full();
        await api.Admin.Walk(before.Id(), path);

        var problem = await (await api.Admin.Patch($"/api/campaigns/{before.Id()}", new { name = "Too late" })).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Contains(status, problem["detail"]!.GetValue<string>());
        Assert.Equal(before.Str("name"), (await api.Admin.GetCampaign(before.Id())).Str("name"));
    }

    [Theory]
    [InlineData("schedule")]
    [InlineData("launch")]
    [InlineData("launch", "pause")]
    public async Task Running_campaigns_can_still_be_edited(params string[] path)
    {
        var before = await Full();
        await api.Admin.Walk(before.Id(), path);

        var after = await (await api.Admin.Patch($"/api/campaigns/{before.Id()}", new { budget = 60_000 })).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(60_000, after["budget"]!.GetValue<long>());
    }

    [Fact]
    public async Task Patched_values_show_in_the_list()
    {
        var before = await Full();
        var marker = $"patched-{Guid.NewGuid():N}";

        await (await api.Admin.Patch($"/api/campaigns/{before.Id()}", new { name = marker })).Expect(HttpStatusCode.OK);

        var page = await (await api.Admin.Get($"/api/campaigns?q={marker}")).ExpectJson(HttpStatusCode.OK);
        var listed = Assert.Single(page["items"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(listed, await api.Admin.GetCampaign(before.Id())));
    }

    [Fact]
    public async Task Patch_body_over_1_MiB_answers_413()
    {
        var before = await Full();

        var response = await PatchRaw(before.Id(), $$"""{"description":"{{new string('y', 1024 * 1024)}}"}""");

        await response.ExpectProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.True(JsonNode.DeepEquals(before, await api.Admin.GetCampaign(before.Id())));
    }
}
