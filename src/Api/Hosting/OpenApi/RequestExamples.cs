using System.Text.Json.Nodes;
using Campaigns.Api.Campaigns;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaigns.Api.Hosting.OpenApi;

/// <summary>
/// Puts an example on the request body of the main operations, keyed by HTTP method and request type, so one model can
/// carry a create example on POST and a merge-patch example on PATCH. The request type is the one the endpoint declares
/// it accepts (its bound body, or <c>.Accepts&lt;T&gt;()</c> where the body is read as JSON). Add a feature's examples
/// to <see cref="Examples"/>; nothing else is needed.
/// </summary>
internal sealed class RequestExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<(string Method, Type Request), string> Examples = new()
    {
        [("POST", typeof(CampaignRequest))] = """
            {
              "name": "Spring launch", "description": "Teasers, then the reveal", "kind": "influencer", "budget": 250000,
              "currency": "EUR", "goals": ["reach", "engagement"], "platforms": ["instagram", "tiktok"],
              "start_date": "2026-03-01", "end_date": "2026-03-31", "target_location": "Berlin",
              "tracking_config": { "required_hashtags": ["#springlaunch"], "min_match_confidence": 0.7 }
            }
            """,
        [("PATCH", typeof(CampaignRequest))] = """{ "name": "Spring launch (EU)", "budget": 300000, "end_date": null }""",
        [("POST", typeof(ScheduleCampaignRequest))] = """{ "scheduled_for": "2026-03-01T09:00:00Z" }""",
        [("POST", typeof(RecordSpendRequest))] = """{ "amount": 12500, "currency": "EUR", "idempotency_key": "invoice-2026-03-0042" }""",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var request = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().LastOrDefault()?.RequestType;
        if (request is not null && context.Description.HttpMethod is { } method
            && Examples.TryGetValue((method, request), out var example) && operation.RequestBody?.Content is { } content)
        {
            foreach (var mediaType in content.Values)
            {
                mediaType.Example = JsonNode.Parse(example);
            }
        }

        return Task.CompletedTask;
    }
}
