using System.Text.Json.Nodes;
using Campaigns.Api.Hosting.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Hosting;

/// <summary>
/// The shapes converted endpoints use (<c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult, ValidationProblem&gt;</c> from
/// <c>CommandResultHttp</c>, <c>.ProducesProblem(404)</c>) come out of <see cref="OpenApiSetup"/> as a typed 200 and
/// problem+json errors, on a bare host with one sample endpoint, so this holds whatever the product's endpoints do.
/// </summary>
public sealed class OpenApiProblemShapesTests
{
    private const string ProblemJson = "application/problem+json";

    public sealed record Sample(string Name);

    [Fact]
    public async Task A_typed_union_and_produces_problem_become_a_typed_200_and_problem_json_errors()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddCampaignsOpenApi();
        await using var app = builder.Build();
        app.MapPatch("/api/campaigns/{id:guid}/samples", Results<Ok<Sample>, ProblemHttpResult, ValidationProblem> (Guid id, Sample body) =>
                TypedResults.Ok(body))
            .RequireAuthorization("anything").WithSummary("Change a sample").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapOpenApi();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        await app.StopAsync(TestContext.Current.CancellationToken);

        var operation = document["paths"]!["/api/campaigns/{id}/samples"]!["patch"]!;
        var responses = operation["responses"]!.AsObject();
        Assert.Equal("#/components/schemas/Sample", responses["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        foreach (var (status, schema) in new[]
        {
            ("400", "HttpValidationProblemDetails"), ("401", "ProblemDetails"), ("403", "ProblemDetails"), ("404", "ProblemDetails"),
            ("413", "ProblemDetails"), ("415", "ProblemDetails"), ("503", "ProblemDetails"),
        })
        {
            var content = responses[status]?["content"]?.AsObject();
            Assert.True(content is not null, $"{status} missing or without content");
            Assert.Equal([ProblemJson], content.Select(c => c.Key));
            Assert.Equal($"#/components/schemas/{schema}", content[ProblemJson]!["schema"]!["$ref"]!.GetValue<string>());
        }

        Assert.Equal("patchCampaignsByIdSamples", operation["operationId"]!.GetValue<string>());
        Assert.Contains("ProblemDetails", document["components"]!["schemas"]!.AsObject().Select(s => s.Key));
    }
}
