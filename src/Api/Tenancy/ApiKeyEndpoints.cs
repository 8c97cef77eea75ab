using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Tenancy;

/// <summary>HTTP ↔ <see cref="IOrganizationGrain"/> for API keys: create (secret shown once), list, revoke.</summary>
public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var keys = routes.MapGroup("/api/api-keys").WithTags("API keys").RequirePermission(Permission.ApiKeysManage);
        keys.MapPost("/", Create).Audited("api_key", "api_key.create")
            .WithRequestExample("""{ "name": "CI deploys" }""")
            .WithSummary("Create an API key")
            .WithDescription("The key belongs to user_id (default: the caller) and carries that user's role; "
                + "its secret is in this answer only, never again.");
        keys.MapGet("/", List)
            .WithSummary("List the organization's API keys")
            .WithDescription("Never their secrets.");
        keys.MapGet("/{id:guid}", Get)
            .WithSummary("Get an API key")
            .ProducesProblems(StatusCodes.Status404NotFound);
        keys.MapDelete("/{id:guid}", Revoke).Audited("api_key", "api_key.revoke")
            .WithSummary("Revoke an API key")
            .WithDescription("It stops working at once on this host, within Auth__KeyCacheSeconds on others.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ProblemHttpResult, ValidationProblem>> Create(
        CreateApiKeyRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors.Add("name", "name is required (1–100 characters), to tell keys apart.");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var caller = http.Caller();
        var result = await cluster.GetGrain<IOrganizationGrain>(caller.OrganizationId).CreateApiKey(request.UserId ?? caller.UserId, name!, issuedBy: caller.UserId);
        if (result is { IsOk: true, Value: { } created })
        {
            http.AuditResource(created.Key.Id);
        }

        return result.ToCreated(CreatedApiKeyResponse.From, created => $"/api/api-keys/{created.Key.Id}");
    }

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        (await cluster.GetGrain<IOrganizationGrain>(http.Caller().OrganizationId).ListApiKeys()).FirstOrDefault(k => k.Id == id) is { } key
            ? TypedResults.Ok(key)
            : Problems.NotFound("API key not found.");

    private static async Task<Ok<PageResponse<ApiKeyView>>> List(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(new PageResponse<ApiKeyView>(await cluster.GetGrain<IOrganizationGrain>(http.Caller().OrganizationId).ListApiKeys(), null));

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult, ValidationProblem>> Revoke(
        Guid id, HttpContext http, IClusterClient cluster, ApiKeyCache cache)
    {
        var result = await cluster.GetGrain<IOrganizationGrain>(http.Caller().OrganizationId).RevokeApiKey(id);
        if (result.IsOk)
        {
            cache.Forget(id);
        }

        return result.ToOk();
    }
}

/// <summary>Body of <c>POST /api/api-keys</c>; the key belongs to <see cref="UserId"/> (default: the caller) and carries that user's role.</summary>
public sealed record CreateApiKeyRequest(string? Name, Guid? UserId);

/// <summary>A created key: <see cref="Key"/> is the secret, shown this once and never again.</summary>
/// <param name="IssuedBy">The user whose key created this one.</param>
public sealed record CreatedApiKeyResponse(Guid Id, Guid UserId, string Name, string Prefix, Role Role, DateTimeOffset CreatedAt, string Key, Guid? IssuedBy)
{
    public static CreatedApiKeyResponse From(CreatedApiKey created) => new(
        created.Key.Id, created.Key.UserId, created.Key.Name, created.Key.Prefix, created.Key.Role, created.Key.CreatedAt, created.Secret,
        created.Key.IssuedBy);
}
