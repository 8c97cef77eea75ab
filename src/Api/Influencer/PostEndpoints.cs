using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Outreach;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Influencer;

/// <summary>HTTP ↔ <see cref="IPostReviewGrain"/>: a person confirms or rejects a detected post; automatic matching never overrides it.</summary>
public static class PostEndpoints
{
    public static IEndpointRouteBuilder MapPostEndpoints(this IEndpointRouteBuilder routes)
    {
        var posts = routes.MapGroup("/api/posts").WithTags("Influencer campaigns");
        posts.MapPost("/{id:guid}/confirm", (Guid id, HttpContext http, IClusterClient cluster) => Decide(id, PostDecision.Confirmed, http, cluster))
            .RequirePermission(Permission.CampaignsWrite).Audited("campaign_post", "post.confirm").WithName("ConfirmPost")
            .WithSummary("Confirm a detected post as campaign content")
            .WithDescription("The allocation's metrics count it from now on; automatic matching never overrides the decision.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        posts.MapPost("/{id:guid}/reject", (Guid id, HttpContext http, IClusterClient cluster) => Decide(id, PostDecision.Rejected, http, cluster))
            .RequirePermission(Permission.CampaignsWrite).Audited("campaign_post", "post.reject").WithName("RejectPost")
            .WithSummary("Reject a detected post")
            .WithDescription("The allocation's metrics stop counting it; automatic matching never overrides the decision.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<AllocationPostResponse>, ProblemHttpResult, ValidationProblem>> Decide(
        Guid id, PostDecision decision, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(id);
        var caller = http.Caller();
        var result = await cluster.GetGrain<IPostReviewGrain>(0).Decide(caller.OrganizationId, id, decision, caller.UserId);
        return result.ToOk(AllocationPostResponse.From);
    }
}
