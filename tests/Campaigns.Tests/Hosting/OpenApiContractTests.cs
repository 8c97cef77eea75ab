using System.Text.Json.Nodes;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Hosting;

/// <summary>
/// <c>/openapi/v1.json</c> is a typed contract (docs/ARCHITECTURE.md, "Typed API contract"): every operation has a
/// summary and a typed success answer, and documents the problem answers it can give as problem+json. A failure lists
/// each offending "METHOD path: what is missing".
/// </summary>
public sealed class OpenApiContractTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task Every_operation_has_a_summary_a_typed_success_and_its_problem_answers()
    {
        var document = JsonNode.Parse(await OpenApiDocument.Fetch(api))!;
        var operations = OpenApiDocument.Operations(document).ToList();
        Assert.NotEmpty(operations);

        var missing = operations.SelectMany(o => Gaps(document, o.Operation).Select(gap => $"{o.Name}: {gap}")).ToList();

        Assert.True(missing.Count == 0,
            $"{missing.Select(m => m[..m.IndexOf(':')]).Distinct().Count()} of {operations.Count} operations fall short of the contract:\n"
            + string.Join("\n", missing));
    }

    [Fact]
    public async Task Problem_schemas_are_defined_once_in_components()
    {
        var document = JsonNode.Parse(await OpenApiDocument.Fetch(api))!;
        var schemas = document["components"]!["schemas"]!.AsObject();

        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            Assert.True(schemas.ContainsKey(name), $"components.schemas lacks {name}");
            Assert.Single(schemas, s => s.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        }

        Assert.NotNull(schemas["HttpValidationProblemDetails"]!["properties"]?["errors"]);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["ApiKey"]!["scheme"]!.GetValue<string>());
    }

    /// <summary>What <paramref name="operation"/> lacks, in words a developer can act on.</summary>
    private static IEnumerable<string> Gaps(JsonNode document, JsonObject operation)
    {
        if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
        {
            yield return "no summary (.WithSummary)";
        }

        var responses = operation["responses"]?.AsObject() ?? [];
        var successes = responses.Where(r => r.Key.StartsWith('2')).ToList();
        if (successes.Count == 0)
        {
            yield return "no 2xx response";
        }

        foreach (var (status, response) in successes)
        {
            // 204 has no body by definition; a file download is typed by its media type (a binary string schema).
            if (status != "204" && !(response?["content"]?.AsObject() ?? []).Any(c => c.Value?["schema"] is not null))
            {
                yield return $"{status} has no content schema (TypedResults.Ok<T>/Created<T>, or NoContent)";
            }
        }

        if (RequiresKey(document, operation))
        {
            foreach (var status in new[] { "401", "403" }.Where(s => !responses.ContainsKey(s)))
            {
                yield return $"{status} not documented";
            }
        }

        var takesInput = operation["requestBody"] is not null
            || (operation["parameters"]?.AsArray() ?? []).Any(p => p?["in"]?.GetValue<string>() != "path");
        if (takesInput && !responses.ContainsKey("400"))
        {
            yield return "400 not documented";
        }

        foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4')))
        {
            var content = response?["content"]?.AsObject() ?? [];
            if (content.Count == 0 || content.Any(c => c.Key != ProblemJson) || content[ProblemJson]?["schema"] is null)
            {
                yield return $"{status} is not {ProblemJson} with a schema (has: {(content.Count == 0 ? "no content" : string.Join(", ", content.Select(c => c.Key)))})";
            }
        }
    }

    /// <summary>An operation's own security list overrides the document's; an empty one means public.</summary>
    private static bool RequiresKey(JsonNode document, JsonObject operation) =>
        (operation["security"] ?? document["security"])?.AsArray().Count > 0;
}
