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

        campaigns.MapPost("/activate", Activate).RequirePermission(Permission.CampaignsWrite).Audited("campaign", "campaign.activate")
            .WithSummary("Activate an influencer campaign")
            .WithDescription("Selects up to max_creators matching creators (default 1), splits the budget among them and makes the campaign active.")
            .WithRequestExample("""{ "max_creators": 3 }""")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        campaigns.MapGet("/allocations", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List a campaign's allocations")
            .WithDescription("Oldest first, keyset-paged.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        campaigns.MapGet("/allocations/{allocationId:guid}", Get).RequirePermission(Permission.CampaignsRead)
            .WithSummary("Get an allocation")
            .ProducesProblems(StatusCodes.Status404NotFound);
        campaigns.MapGet("/allocations/{allocationId:guid}/metrics", Metrics).RequirePermission(Permission.CampaignsRead)
            .WithSummary("Get an allocation's metrics")
            .WithDescription($"Reach and engagement over its campaign posts, with the newest {MetricsPostLimit} posts.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        campaigns.MapGet("/allocations/{allocationId:guid}/posts", Posts).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List an allocation's posts")
            .WithDescription("Newest detection first, keyset-paged, with what matching concluded and what a person decided.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        campaigns.MapPost("/allocations/{allocationId:guid}/accept", Accept).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "allocation.accept")
            .WithSummary("Accept an allocation (the creator's yes)")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        campaigns.MapPost("/allocations/{allocationId:guid}/decline", Decline).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "allocation.decline")
            .WithSummary("Decline an allocation (the creator's no)")
            .WithDescription("The freed budget goes to the next matching creator, if there is one.")
            .WithRequestExample("""{ "reason": "Fully booked this month" }""")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        campaigns.MapPost("/allocations/{allocationId:guid}/refresh", Refresh).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "allocation.refresh")
            .WithSummary("Scrape an allocation's posts now")
            .WithDescription("Queues a posts scrape, or answers the one already waiting (queued: false).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Ok<ActivationResponse>, ProblemHttpResult, ValidationProblem>> Activate(
        Guid id, ActivateCampaignRequest? request, HttpContext http, IClusterClient cluster)
    {
        var maxCreators = request?.MaxCreators ?? 1;
        if (maxCreators is < 1 or > MaxCreatorsPerActivation)
        {
            return Problems.Validation("max_creators", $"max_creators must be a whole number from 1 to {MaxCreatorsPerActivation}.");
        }

        var result = await cluster.GetGrain<IInfluencerCampaignGrain>(id).Activate(http.Caller().OrganizationId, maxCreators);
        return result is { Outcome: CommandOutcome.Ok, Campaign: { } campaign, Allocations: [var first, ..] allocations }
            ? TypedResults.Ok(new ActivationResponse(campaign, first, allocations))
            : Refused<ActivationResponse>(result.Outcome, result.Message, result.Errors);
    }

    private static async Task<Results<Ok<PageResponse<AllocationView>>, ProblemHttpResult, ValidationProblem>> List(
        Guid id, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } invalid)
        {
            return invalid;
        }

        var result = await cluster.GetGrain<IInfluencerCampaignGrain>(id).ListAllocations(http.Caller().OrganizationId, after, pageSize);
        return result is { Outcome: CommandOutcome.Ok, Page: { } page }
            ? TypedResults.Ok(new PageResponse<AllocationView>(page.Items, Paging.Format(page.NextCursor)))
            : Refused<PageResponse<AllocationView>>(result.Outcome, result.Message);
    }

    private static async Task<Results<Ok<AllocationView>, ProblemHttpResult, ValidationProblem>> Get(
        Guid id, Guid allocationId, HttpContext http, IClusterClient cluster) =>
        (await Allocation(cluster, allocationId).Get(http.Caller().OrganizationId, id)).ToOk();

    private static async Task<Results<Ok<AllocationMetricsResponse>, ProblemHttpResult, ValidationProblem>> Metrics(
        Guid id, Guid allocationId, HttpContext http, IClusterClient cluster) =>
        (await Allocation(cluster, allocationId).GetMetrics(http.Caller().OrganizationId, id, MetricsPostLimit))
            .ToOk(report => AllocationMetricsResponse.From(report.Allocation, report.Posts));

    private static async Task<Results<Ok<PageResponse<AllocationPostResponse>>, ProblemHttpResult, ValidationProblem>> Posts(
        Guid id, Guid allocationId, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } invalid)
        {
            return invalid;
        }

        var result = await Allocation(cluster, allocationId).ListPosts(http.Caller().OrganizationId, id, after, pageSize);
        return result.ToOk(page => new PageResponse<AllocationPostResponse>(
            page.Items.Select(AllocationPostResponse.From).ToList(), Paging.Format(page.NextCursor)));
    }

    private static async Task<Results<Ok<AllocationView>, ProblemHttpResult, ValidationProblem>> Accept(
        Guid id, Guid allocationId, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(allocationId);
        return (await Allocation(cluster, allocationId).Accept(http.Caller().OrganizationId, id)).ToOk();
    }

    private static async Task<Results<Ok<DeclineResponse>, ProblemHttpResult, ValidationProblem>> Decline(
        Guid id, Guid allocationId, DeclineAllocationRequest? request, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(allocationId);
        if (request?.Reason is { Length: > 2_000 })
        {
            return Problems.Validation("reason", "reason must be at most 2000 characters.");
        }

        var result = await cluster.GetGrain<IInfluencerCampaignGrain>(id).DeclineAllocation(http.Caller().OrganizationId, allocationId, request?.Reason);
        return result is { Outcome: CommandOutcome.Ok, Declined: { } declined }
            ? TypedResults.Ok(new DeclineResponse(declined, result.Replacement, result.Message))
            : Refused<DeclineResponse>(result.Outcome, result.Message);
    }

    private static async Task<Results<Accepted<RefreshResponse>, ProblemHttpResult, ValidationProblem>> Refresh(
        Guid id, Guid allocationId, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(allocationId);
        var result = await Allocation(cluster, allocationId).Refresh(http.Caller().OrganizationId, id);
        if (result is not { IsOk: true, Value: { } enqueued })
        {
            return result.Problem() is { } problem ? problem : result.Invalid();
        }

        return TypedResults.Accepted($"/api/apify/jobs/{enqueued.Job.Id}",
            new RefreshResponse(ApifyJobResponse.From(enqueued.Job, withResult: false), enqueued.Created));
    }

    private static IAllocationGrain Allocation(IClusterClient cluster, Guid allocationId) => cluster.GetGrain<IAllocationGrain>(allocationId);

    /// <summary>
    /// A refusal in one of the campaign grain's own result records (activation, allocation listing, decline), put through
    /// the one mapper. A success without its value is a bug, as before: it throws.
    /// </summary>
    private static Results<Ok<T>, ProblemHttpResult, ValidationProblem> Refused<T>(
        CommandOutcome outcome, string? message, IReadOnlyDictionary<string, string[]>? errors = null) =>
        outcome == CommandOutcome.Ok
            ? throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Successful outcomes are not problems.")
            : new CommandResult<T>(outcome, default, message, errors).ToOk();
}
