using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaigns.Api.Hosting.OpenApi;

/// <summary>
/// Names the OpenAPI document and declares API-key bearer auth for the whole API, so the reference page and generated
/// clients send keys; the operations that are public on purpose say so themselves (<see cref="ProblemAnswers"/>).
/// </summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Campaigns API";
        document.Info.Version = "v1";
        document.Info.Description =
            "Influencer, outreach, marketing and ad campaigns on an Orleans cluster. Authenticate with an API key: " +
            "Authorization: Bearer <key>. Every error is RFC 9457 problem details (application/problem+json); a 400 names " +
            "the fields at fault in `errors`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key: Authorization: Bearer <key>",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
