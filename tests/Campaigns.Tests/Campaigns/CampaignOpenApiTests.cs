using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Campaigns;

/// <summary>
/// The campaign operations in /openapi/v1.json are a typed contract a client generator can use: a summary each, a
/// response schema for the 2xx, problem details for each 4xx the operation documents, and examples for the main bodies.
/// </summary>
public sealed class CampaignOpenApiTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    public static TheoryData<string, string, string, int[]> Operations => new()
    {
        { "/api/campaigns", "post", "201", [409, 413, 415] },
        { "/api/campaigns", "get", "200", [] },
        { "/api/campaigns/{id}", "get", "200", [404] },
        { "/api/campaigns/{id}", "patch", "200", [404, 409, 413, 415] },
        { "/api/campaigns/{id}", "delete", "204", [404, 409] },
        { "/api/campaigns/{id}/schedule", "post", "200", [404, 409, 413, 415] },
        { "/api/campaigns/{id}/launch", "post", "200", [404, 409] },
        { "/api/campaigns/{id}/stop", "post", "200", [404, 409] },
        { "/api/campaigns/{id}/spend", "post", "201", [404, 409, 413, 415] },
        { "/api/campaigns/{id}/spend", "get", "200", [404] },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_campaign_operation_has_a_summary_a_typed_answer_and_its_problems(string path, string verb, string success, int[] problems)
    {
        var operation = (await Document())["paths"]![path]![verb]!;

        Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{verb} {path} has no summary");
        var responses = operation["responses"]!.AsObject();
        Assert.True(responses.ContainsKey(success), $"{verb} {path} does not document {success}: {responses.ToJsonString()}");
        if (success != "204")
        {
            Assert.NotNull(responses[success]!["content"]?["application/json"]?["schema"]);
        }

        foreach (var status in problems)
        {
            var problem = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            Assert.True(problem?["content"]?["application/problem+json"]?["schema"] is not null, $"{verb} {path} does not document {status}");
        }
    }

    [Theory]
    [InlineData("/api/campaigns", "post", "kind")]
    [InlineData("/api/campaigns/{id}", "patch", "budget")]
    [InlineData("/api/campaigns/{id}/spend", "post", "idempotency_key")]
    public async Task The_main_bodies_carry_an_example(string path, string verb, string member)
    {
        var body = (await Document())["paths"]![path]![verb]!["requestBody"]!["content"]!.AsObject();

        Assert.NotEmpty(body);
        foreach (var (_, mediaType) in body)
        {
            Assert.NotNull(mediaType!["example"]?[member]);
        }
    }

    [Fact]
    public async Task A_patch_example_does_not_send_the_kind()
    {
        var body = (await Document())["paths"]!["/api/campaigns/{id}"]!["patch"]!["requestBody"]!["content"]!.AsObject();

        Assert.All(body, m => Assert.Null(m.Value!["example"]!["kind"]));
    }

    private async Task<JsonNode> Document()
    {
        using var anonymous = api.Client();
        return await (await anonymous.Get("/openapi/v1.json")).ExpectJson(HttpStatusCode.OK);
    }
}
