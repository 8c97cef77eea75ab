using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;

namespace Campaigns.Api.Infrastructure;

/// <summary>
/// An example request body for an operation in <c>/openapi/v1.json</c>, written as the JSON a caller sends (the API's
/// snake_case spelling), so generated clients and the <c>/docs</c> page show a body that works. One mechanism for every
/// endpoint: <c>.WithRequestExample("""{ ... }""")</c> on the route; it sets the example of each request content type.
/// </summary>
public static class OpenApiExamples
{
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, string json)
    {
        // Parsed once at startup: a typo in an example fails the first document request loudly instead of shipping.
        var example = JsonNode.Parse(json) ?? throw new ArgumentException("An example body cannot be null.", nameof(json));
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var content in operation.RequestBody?.Content?.Values ?? [])
            {
                content.Example = example.DeepClone();
            }

            return Task.CompletedTask;
        });
    }
}
