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
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Api.Influencer;

/// <summary>HTTP ↔ <see cref="IApifyJobsGrain"/>: the organization's Apify job queue and its limits.</summary>
public static class ApifyEndpoints
{
    public static IEndpointRouteBuilder MapApifyEndpoints(this IEndpointRouteBuilder routes)
    {
        var apify = routes.MapGroup("/api/apify").WithTags("Apify");

        apify.MapGet("/jobs", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List Apify jobs")
            .WithDescription("Newest first, keyset-paged; filter by status, job_type, allocation_id or campaign_id. Results are left out.");
        apify.MapGet("/jobs/{id:guid}", Get).RequirePermission(Permission.CampaignsRead)
            .WithSummary("Get an Apify job")
            .WithDescription("With its result data.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        apify.MapPost("/jobs/{id:guid}/retry", Retry).RequirePermission(Permission.CampaignsWrite).Audited("apify_job", "apify_job.retry")
            .WithSummary("Retry a failed Apify job")
            .WithDescription("Back to pending, due now, with its retries reset; a job in any other state is a conflict.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        apify.MapGet("/limits", GetLimits).RequirePermission(Permission.CampaignsRead)
            .WithSummary("Get the Apify limits and usage")
            .WithDescription("Calls per UTC day and US dollars per UTC month, what is used of them, and held jobs.");
        apify.MapPut("/limits", PutLimits).RequirePermission(Permission.CampaignsWrite).Audited("apify_limits", "apify_limits.update")
            .Accepts<ApifyLimitsRequest>("application/json")
            .WithSummary("Set the Apify limits")
            .WithDescription("Replaces both limits; both members are required, null meaning no limit. Releases the jobs they no longer hold.")
            .WithRequestExample("""{ "calls_per_day": 500, "usd_per_month": 200.00 }""");
        return routes;
    }

    private static IApifyJobsGrain Jobs(IClusterClient cluster) => cluster.GetGrain<IApifyJobsGrain>(0);

    private static async Task<Results<Ok<PageResponse<ApifyJobResponse>>, ValidationProblem>> List(
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

    private static async Task<Results<Ok<ApifyJobResponse>, ProblemHttpResult, ValidationProblem>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        (await Jobs(cluster).Get(http.Caller().OrganizationId, id)).ToOk(job => ApifyJobResponse.From(job, withResult: true));

    private static async Task<Results<Ok<ApifyJobResponse>, ProblemHttpResult, ValidationProblem>> Retry(Guid id, HttpContext http, IClusterClient cluster) =>
        (await Jobs(cluster).Retry(http.Caller().OrganizationId, id)).ToOk(job => ApifyJobResponse.From(job, withResult: false));

    private static async Task<Ok<ApifyLimits>> GetLimits(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await Jobs(cluster).GetLimits(http.Caller().OrganizationId));

    private static async Task<Results<Ok<ApifyLimits>, ValidationProblem>> PutLimits(JsonElement body, HttpContext http, IClusterClient cluster)
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
