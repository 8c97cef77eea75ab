using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;

namespace Campaigns.Api.Influencer;

/// <summary>
/// HTTP ↔ <see cref="IInfluencerCampaignGrain"/> and <see cref="IAllocationGrain"/> for influencer campaigns (seed 000):
/// activation, allocations, the creator's answer, metrics and posts.
/// </summary>
public static class InfluencerEndpoints
{
    // Activation creates every allocation grain within one call; measured at about 5 ms each on 2 cores, 2,000 stays
    // well inside the 30-second call timeout.
    public const int MaxCreatorsPerActivation = 2_000;
    public const int MetricsPostLimit = 100;
    private const string Resource = "allocation";

    public static IEndpointRouteBuilder MapInfluencerEndpoints(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/campaigns/{id:guid}").WithTags("Influencer campaigns");

        campaigns.MapPost("/activate", Activate).RequirePermission(Permission.CampaignsWrite).Audited("campaign", "campaign.activate");
        campaigns.MapGet("/allocations", List).RequirePermission(Permission.CampaignsRead);
        campaigns.MapGet("/allocations/{allocationId:guid}", Get).RequirePermission(Permission.CampaignsRead);
        campaigns.MapGet("/allocations/{allocationId:guid}/metrics", Metrics).RequirePermission(Permission.CampaignsRead);
        campaigns.MapGet("/allocations/{allocationId:guid}/posts", Posts).RequirePermission(Permission.CampaignsRead);
        campaigns.MapPost("/allocations/{allocationId:guid}/accept", Accept).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "allocation.accept");
        campaigns.MapPost("/allocations/{allocationId:guid}/decline", Decline).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "allocation.decline");
        campaigns.MapPost("/allocations/{allocationId:guid}/refresh", Refresh).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "allocation.refresh");
        return routes;
    }

    private static async Task<IResult> Activate(Guid id, ActivateCampaignRequest? request, HttpContext http, IClusterClient cluster)
    {
        var maxCreators = request?.MaxCreators ?? 1;
        if (maxCreators is < 1 or > MaxCreatorsPerActivation)
        {
            return Problems.Validation("max_creators", $"max_creators must be a whole number from 1 to {MaxCreatorsPerActivation}.");
        }

        var result = await cluster.GetGrain<IInfluencerCampaignGrain>(id).Activate(http.Caller().OrganizationId, maxCreators);
        return result is { Outcome: CommandOutcome.Ok, Campaign: { } campaign, Allocations: [var first, ..] allocations }
            ? TypedResults.Ok(new ActivationResponse(campaign, first, allocations))
            : Problems.From(result.Outcome, result.Message, result.Errors);
    }

    private static async Task<IResult> List(Guid id, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } problem)
        {
            return problem;
        }

        var result = await cluster.GetGrain<IInfluencerCampaignGrain>(id).ListAllocations(http.Caller().OrganizationId, after, pageSize);
        return result is { Outcome: CommandOutcome.Ok, Page: { } page }
            ? TypedResults.Ok(new PageResponse<AllocationView>(page.Items, Paging.Format(page.NextCursor)))
            : Problems.From(result.Outcome, result.Message);
    }

    private static async Task<IResult> Get(Guid id, Guid allocationId, HttpContext http, IClusterClient cluster) =>
        Respond(await Allocation(cluster, allocationId).Get(http.Caller().OrganizationId, id));

    private static async Task<IResult> Metrics(Guid id, Guid allocationId, HttpContext http, IClusterClient cluster)
    {
        var result = await Allocation(cluster, allocationId).GetMetrics(http.Caller().OrganizationId, id, MetricsPostLimit);
        return result is { Outcome: CommandOutcome.Ok, Allocation: { } allocation, Posts: { } posts }
            ? TypedResults.Ok(AllocationMetricsResponse.From(allocation, posts))
            : Problems.From(result.Outcome, result.Message);
    }

    private static async Task<IResult> Posts(Guid id, Guid allocationId, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } problem)
        {
            return problem;
        }

        var result = await Allocation(cluster, allocationId).ListPosts(http.Caller().OrganizationId, id, after, pageSize);
        return result is { Outcome: CommandOutcome.Ok, Page: { } page }
            ? TypedResults.Ok(new PageResponse<AllocationPostResponse>(
                page.Items.Select(AllocationPostResponse.From).ToList(), Paging.Format(page.NextCursor)))
            : Problems.From(result.Outcome, result.Message);
    }

    private static async Task<IResult> Accept(Guid id, Guid allocationId, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(allocationId);
        return Respond(await Allocation(cluster, allocationId).Accept(http.Caller().OrganizationId, id));
    }

    private static async Task<IResult> Decline(Guid id, Guid allocationId, DeclineAllocationRequest? request, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(allocationId);
        if (request?.Reason is { Length: > 2_000 })
        {
            return Problems.Validation("reason", "reason must be at most 2000 characters.");
        }

        var result = await cluster.GetGrain<IInfluencerCampaignGrain>(id).DeclineAllocation(http.Caller().OrganizationId, allocationId, request?.Reason);
        return result is { Outcome: CommandOutcome.Ok, Declined: { } declined }
            ? TypedResults.Ok(new DeclineResponse(declined, result.Replacement, result.Message))
            : Problems.From(result.Outcome, result.Message);
    }

    private static async Task<IResult> Refresh(Guid id, Guid allocationId, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(allocationId);
        var result = await Allocation(cluster, allocationId).Refresh(http.Caller().OrganizationId, id);
        return result is { Outcome: CommandOutcome.Ok, Job: { } job }
            ? TypedResults.Accepted($"/api/apify/jobs/{job.Id}", new RefreshResponse(ApifyJobResponse.From(job, withResult: false), result.Queued))
            : Problems.From(result.Outcome, result.Message);
    }

    private static IAllocationGrain Allocation(IClusterClient cluster, Guid allocationId) => cluster.GetGrain<IAllocationGrain>(allocationId);

    private static IResult Respond(AllocationResult result) =>
        result is { Outcome: CommandOutcome.Ok, Allocation: { } allocation }
            ? TypedResults.Ok(allocation)
            : Problems.From(result.Outcome, result.Message);
}
