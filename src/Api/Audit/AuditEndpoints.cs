using System.Globalization;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Audit;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Audit;

/// <summary>HTTP ↔ <see cref="IAuditLogGrain"/>: admins read their organization's audit log.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit", Query).WithTags("Audit").RequirePermission(Permission.AuditRead)
            .WithSummary("Read the organization's audit log")
            .WithDescription("Every mutation attempt, newest first, keyset-paged; filter by action, resource, user, outcome "
                + "and an ISO 8601 from/to window.");
        return routes;
    }

    private static async Task<Results<Ok<PageResponse<AuditEntry>>, ValidationProblem>> Query(
        string? action, string? resource_type, string? resource_id, string? user_id, string? outcome, string? from, string? to,
        string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        Guid? user = null;
        if (user_id is not null)
        {
            if (Guid.TryParse(user_id, out var parsed))
            {
                user = parsed;
            }
            else
            {
                errors.Add("user_id", "user_id must be a UUID.");
            }
        }

        if (outcome is not null && !AuditMiddleware.Outcomes.Contains(outcome))
        {
            errors.Add("outcome", $"Unknown outcome '{outcome}'. Allowed: {string.Join(", ", AuditMiddleware.Outcomes)}.");
        }

        var query = new AuditQuery(
            action, resource_type, resource_id, user, outcome,
            Instant(from, "from", errors), Instant(to, "to", errors),
            Paging.Limit(limit, errors), Paging.Cursor(cursor, errors));
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var page = await cluster.GetGrain<IAuditLogGrain>(0).Query(http.Caller().OrganizationId, query);
        return TypedResults.Ok(page.ToResponse());
    }

    private static DateTimeOffset? Instant(string? value, string field, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUniversalTime();
        }

        errors.Add(field, $"{field} must be an ISO 8601 instant, e.g. 2026-11-23T00:00:00Z.");
        return null;
    }
}
