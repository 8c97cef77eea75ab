using Campaigns.Api.Auditing;
using Campaigns.Api.Security;
using Campaigns.Api.Validation;
using Campaigns.CampaignCore;
using Campaigns.Tenancy;

namespace Campaigns.Api.Endpoints;

/// <summary>HTTP ↔ <see cref="IOrganizationGrain"/> for the organization's users.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/users").WithTags("Users").RequirePermission(Permission.UsersManage);
        users.MapPost("/", Create).Audited("user", "user.create");
        users.MapGet("/", List);
        users.MapGet("/{id:guid}", Get);
        return routes;
    }

    private static async Task<IResult> Create(CreateUserRequest request, HttpContext http, IClusterClient cluster)
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
        if (result is not { Outcome: CommandOutcome.Ok, Value: { } user })
        {
            return Problems.From(result.Outcome, result.Message, field: result.Field);
        }

        http.AuditResource(user.Id);
        return TypedResults.Created($"/api/users/{user.Id}", user);
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        (await cluster.GetGrain<IOrganizationGrain>(http.Caller().OrganizationId).ListUsers()).FirstOrDefault(u => u.Id == id) is { } user
            ? TypedResults.Ok(user)
            : Problems.NotFound("User not found.");

    private static async Task<IResult> List(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(new Page<UserView>(await cluster.GetGrain<IOrganizationGrain>(http.Caller().OrganizationId).ListUsers(), null));
}

/// <summary>Body of <c>POST /api/users</c>.</summary>
public sealed record CreateUserRequest(string? Email, string? Role);

/// <summary>The API spelling of roles.</summary>
public static class Roles
{
    private static readonly Dictionary<string, Role> ByName = Enum.GetValues<Role>().ToDictionary(Storage.DbNames.Of);

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
