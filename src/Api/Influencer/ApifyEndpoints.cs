using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Api.Influencer;

/// <summary>HTTP ↔ <see cref="IApifyJobsGrain"/>: the organization's Apify job queue and its limits.</summary>
public static class ApifyEndpoints
{
    public static IEndpointRouteBuilder MapApifyEndpoints(this IEndpointRouteBuilder routes)
    {
        var apify = routes.MapGroup("/api/apify").WithTags("Apify");

        apify.MapGet("/jobs", List).RequirePermission(Permission.CampaignsRead);
        apify.MapGet("/jobs/{id:guid}", Get).RequirePermission(Permission.CampaignsRead);
        apify.MapPost("/jobs/{id:guid}/retry", Retry).RequirePermission(Permission.CampaignsWrite).Audited("apify_job", "apify_job.retry");
        apify.MapGet("/limits", GetLimits).RequirePermission(Permission.CampaignsRead);
        apify.MapPut("/limits", PutLimits).RequirePermission(Permission.CampaignsWrite).Audited("apify_limits", "apify_limits.update")
            .Accepts<ApifyLimitsRequest>("application/json");
        return routes;
    }

    private static IApifyJobsGrain Jobs(IClusterClient cluster) => cluster.GetGrain<IApifyJobsGrain>(0);

    private static async Task<IResult> List(
        string? status, [FromQuery(Name = "job_type")] string? jobType,
        [FromQuery(Name = "allocation_id")] string? allocationId, [FromQuery(Name = "campaign_id")] string? campaignId,
        string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var query = new ApifyJobQuery(
            ApifyRequests.Status(status, errors),
            ApifyRequests.JobType(jobType, errors),
            QueryIds.Parse(allocationId, "allocation_id", errors),
            QueryIds.Parse(campaignId, "campaign_id", errors),
            Paging.Limit(limit, errors),
            Paging.Cursor(cursor, errors));
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var page = await Jobs(cluster).List(http.Caller().OrganizationId, query);
        return TypedResults.Ok(new PageResponse<ApifyJobResponse>(
            page.Items.Select(job => ApifyJobResponse.From(job, withResult: false)).ToList(), Paging.Format(page.NextCursor)));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await Jobs(cluster).Get(http.Caller().OrganizationId, id) is { } job
            ? TypedResults.Ok(ApifyJobResponse.From(job, withResult: true))
            : Problems.NotFound("Apify job not found.");

    private static async Task<IResult> Retry(Guid id, HttpContext http, IClusterClient cluster)
    {
        var result = await Jobs(cluster).Retry(http.Caller().OrganizationId, id);
        return result is { Outcome: CommandOutcome.Ok, Job: { } job }
            ? TypedResults.Ok(ApifyJobResponse.From(job, withResult: false))
            : Problems.From(result.Outcome, result.Message);
    }

    private static async Task<IResult> GetLimits(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await Jobs(cluster).GetLimits(http.Caller().OrganizationId));

    private static async Task<IResult> PutLimits(JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (ApifyRequests.Limits(body, errors) is not { } change)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var organizationId = http.Caller().OrganizationId;
        http.AuditResource(organizationId);
        return TypedResults.Ok(await Jobs(cluster).SetLimits(organizationId, change));
    }
}
