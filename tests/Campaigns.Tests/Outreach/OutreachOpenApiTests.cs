using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Outreach;

/// <summary>
/// The outreach operations as the OpenAPI document describes them: a summary each, a response schema for every 2xx
/// that has a body, the 404/409 problems they can answer, and an example for the main request bodies.
/// </summary>
public sealed class OutreachOpenApiTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Every_outreach_operation_is_typed_summarized_and_documents_its_problems()
    {
        using var anonymous = api.Client();
        var document = await (await anonymous.Get("/openapi/v1.json")).ExpectJson(HttpStatusCode.OK);
        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);

        foreach (var (name, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{name} has no summary");
            var responses = operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, $"{name} documents no 2xx answer");
            foreach (var (status, response) in success.Where(r => r.Key is not "204"))
            {
                // The webhook answers Telegram with an empty 200.
                if (name.Contains("/telegram/webhook/", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.True(response?["content"]?["application/json"]?["schema"] is not null, $"{name} {status} has no response schema");
            }
        }

        Assert.NotNull(Operation(document, "/api/sending-accounts/{id}", "patch")["responses"]!["404"]);
        Assert.NotNull(Operation(document, "/api/sending-accounts/{id}", "patch")["responses"]!["409"]);
        Assert.NotNull(Operation(document, "/api/campaigns/{id}/participants/{contactId}/retry", "post")["responses"]!["409"]);
        Assert.NotNull(Operation(document, "/api/campaigns/{id}/steps", "post")["requestBody"]!["content"]!["application/json"]!["example"]);
        Assert.NotNull(Operation(document, "/api/sending-accounts", "post")["requestBody"]!["content"]!["application/json"]!["example"]);
    }

    private static JsonNode Operation(JsonNode document, string path, string verb) =>
        document["paths"]![path]?[verb] ?? throw new Xunit.Sdk.XunitException($"The document lacks {verb} {path}");

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (verb, operation) in item!.AsObject())
            {
                if (operation?["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == "Outreach"))
                {
                    yield return ($"{verb} {path}", operation);
                }
            }
        }
    }
}
