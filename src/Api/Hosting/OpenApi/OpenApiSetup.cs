using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Api.Hosting.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: the product's routes only, with the answers every operation shares
/// added once here rather than on ~100 endpoints (docs/ARCHITECTURE.md, "Typed API contract"). The endpoints declare
/// their own success types and the problems only they can answer.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddCampaignsOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        // The document describes the product's API, not the dashboard's or the probes' routes.
        o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        o.AddDocumentTransformer<BearerSecurityScheme>();
        o.AddDocumentTransformer<DocumentTags>();
        o.AddOperationTransformer<OperationIds>();
        o.AddOperationTransformer<ProblemAnswers>();
        o.AddOperationTransformer<RequestExamples>();
    });
}
