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

/// <summary>HTTP ↔ <see cref="IOrganizationGrain"/> for the organization's users.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/users").WithTags("Users").RequirePermission(Permission.UsersManage);
        users.MapPost("/", Create).Audited("user", "user.create")
            .WithRequestExample("""{ "email": "maria@example.com", "role": "brand_manager" }""")
            .WithSummary("Add a user to the organization")
            .WithDescription("409 when the organization already has a user with the e-mail.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        users.MapGet("/", List)
            .WithSummary("List the organization's users");
        users.MapGet("/{id:guid}", Get)
            .WithSummary("Get a user")
            .ProducesProblems(StatusCodes.Status404NotFound);
        users.MapPatch("/{id:guid}", Update).Audited("user", "user.update")
            .WithRequestExample("""{ "role": "read_only", "disabled": false }""")
            .WithSummary("Change a user's role or disable them")
            .WithDescription("A disabled user's keys stop working; the organization always keeps an active admin (409).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>
    /// Role and disabled state. A disabled user's keys stop working (at once on this host, within Auth__KeyCacheSeconds on
    /// others, as a revocation); its rows stay for the audit trail. The organization always keeps an active admin (409).
    /// </summary>
    private static async Task<Results<Ok<UserView>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, UpdateUserRequest request, HttpContext http, IClusterClient cluster, ApiKeyCache cache)
    {
        var errors = new FieldErrors();
        var role = request.Role is null ? null : Roles.Parse(request.Role, errors);
        if (request.Role is null && request.Disabled is null)
        {
            errors.Add("body", "Send role, disabled or both.");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        http.AuditResource(id);
        var result = await cluster.GetGrain<IOrganizationGrain>(http.Caller().OrganizationId).UpdateUser(id, role, request.Disabled);
        if (result.IsOk)
        {
            cache.ForgetUser(id);
        }

        return result.ToOk();
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult, ValidationProblem>> Create(
        CreateUserRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !EmailAddress.IsPlausible(email))
        {
            errors.Add("email", "A valid e-mail address is required.");
        }

        var role = Roles.Parse(request.Role, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await cluster.GetGrain<IOrganizationGrain>(http.Caller().OrganizationId).CreateUser(email!, role!.Value);
        if (result is { IsOk: true, Value: { } user })
        {
            http.AuditResource(user.Id);
        }

        return result.ToCreated(user => $"/api/users/{user.Id}");
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        (await cluster.GetGrain<IOrganizationGrain>(http.Caller().OrganizationId).ListUsers()).FirstOrDefault(u => u.Id == id) is { } user
            ? TypedResults.Ok(user)
            : Problems.NotFound("User not found.");

    private static async Task<Ok<PageResponse<UserView>>> List(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(new PageResponse<UserView>(await cluster.GetGrain<IOrganizationGrain>(http.Caller().OrganizationId).ListUsers(), null));
}

/// <summary>Body of <c>PATCH /api/users/{id}</c>: null leaves a member as it is.</summary>
public sealed record UpdateUserRequest(string? Role, bool? Disabled);

/// <summary>Body of <c>POST /api/users</c>.</summary>
public sealed record CreateUserRequest(string? Email, string? Role);

/// <summary>The API spelling of roles.</summary>
public static class Roles
{
    private static readonly Dictionary<string, Role> ByName = Enum.GetValues<Role>().ToDictionary(DbNames.Of);

    public static Role? Parse(string? value, FieldErrors errors)
    {
        if (value is not null && ByName.TryGetValue(value, out var role))
        {
            return role;
        }

        errors.Add("role", $"role is required: one of {string.Join(", ", ByName.Keys)}.");
        return null;
    }
}
