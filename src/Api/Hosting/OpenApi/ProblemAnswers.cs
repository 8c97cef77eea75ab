using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaigns.Api.Hosting.OpenApi;

/// <summary>
/// Adds the problem answers that the host, not the endpoint, gives (docs/ARCHITECTURE.md, "Typed API contract"), and
/// makes every error answer of every operation RFC 9457 problem details: <c>application/problem+json</c> with the
/// <c>ProblemDetails</c> schema, or <c>HttpValidationProblemDetails</c> for a 400. An endpoint's own
/// <c>ProducesProblem</c> and <c>ValidationProblem</c> answers keep their status and gain the media type and schema
/// where the framework leaves them out (a <c>ProblemHttpResult</c> in a <c>Results&lt;…&gt;</c> documents nothing).
/// </summary>
internal sealed partial class ProblemAnswers : IOpenApiOperationTransformer
{
    public const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var problem = await Component(typeof(ProblemDetails), context, cancellationToken);
        var validation = await Component(typeof(HttpValidationProblemDetails), context, cancellationToken);
        operation.Responses ??= [];

        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            // Public on purpose: no key is asked for, so a client must not send the document-wide one.
            operation.Security = [];
        }
        else
        {
            // Every authenticated endpoint names a permission (EndpointAuthorizationTests), so a valid key can be refused.
            Add(operation, 401, "Unauthorized: no API key, or one that is unknown, revoked or expired.");
            Add(operation, 403, "Forbidden: the key's role lacks the permission this operation needs.");
        }

        var hasBody = operation.RequestBody is not null;
        // A path parameter is route-constrained ({id:guid}): a malformed one does not match and answers 404, not 400.
        if (hasBody || operation.Parameters?.Any(p => p.In is not ParameterLocation.Path) == true)
        {
            Add(operation, 400, "Bad Request: a value is malformed or invalid; `errors` names each field at fault.");
        }

        if (hasBody)
        {
            Add(operation, 413, "Payload Too Large: request bodies are limited to 1 MiB.");
            Add(operation, 415, "Unsupported Media Type: the body is not in a media type this operation reads.");
        }

        if (IsGrainBacked(context.Description.RelativePath))
        {
            Add(operation, 503, "Service Unavailable: the resource's stored state cannot be read; Retry-After says when to try again " +
                "(docs/ARCHITECTURE.md, \"When a grain cannot load its state\").");
            ((OpenApiResponse)operation.Responses["503"]).Headers ??= new Dictionary<string, IOpenApiHeader>();
            ((OpenApiResponse)operation.Responses["503"]).Headers!.TryAdd("Retry-After", new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            });
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (status.Length == 3 && status[0] is '4' or '5' && response is OpenApiResponse answer)
            {
                answer.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJson] = new() { Schema = status == "400" ? validation : problem },
                };
            }
        }
    }

    private static void Add(OpenApiOperation operation, int status, string description) =>
        operation.Responses!.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse { Description = description });

    /// <summary>
    /// Routes that load a grain with stored state keyed by the URL's id (a campaign and what hangs off it, an A/B test):
    /// those answer 503 when that state is unreadable (<see cref="UnreadableResource"/>), reads and writes alike.
    /// </summary>
    internal static bool IsGrainBacked(string? relativePath)
    {
        var path = Constraint().Replace(relativePath ?? "", "{$1}");
        return GrainBackedPrefixes.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal));
    }

    private static readonly string[] GrainBackedPrefixes = ["api/campaigns/{id}", "api/ab-tests/{id}"];

    /// <summary>The schema of <paramref name="type"/> once in components, referenced from each answer.</summary>
    private static async Task<IOpenApiSchema> Component(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("Operation transformers run inside a document.");
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        }

        return new OpenApiSchemaReference(type.Name, document);
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
