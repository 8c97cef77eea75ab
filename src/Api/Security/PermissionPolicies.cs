using Campaigns.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace Campaigns.Api.Security;

/// <summary>One authorization policy per <see cref="Permission"/>, decided by <see cref="PermissionMatrix"/>.</summary>
public static class PermissionPolicies
{
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            // No AddAuthenticationSchemes here: the default scheme already authenticated the request once.
            authorization.AddPolicy(permission.ToString(), policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context =>
                    context.Resource is HttpContext http
                    && http.Features.Get<Principal>() is { } caller
                    && PermissionMatrix.Allows(caller.Role, permission)));
        }

        return authorization;
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(permission.ToString());
}
