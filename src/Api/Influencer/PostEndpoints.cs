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

namespace Campaigns.Api.Influencer;

/// <summary>HTTP ↔ <see cref="IPostReviewGrain"/>: a person confirms or rejects a detected post; automatic matching never overrides it.</summary>
public static class PostEndpoints
{
    public static IEndpointRouteBuilder MapPostEndpoints(this IEndpointRouteBuilder routes)
    {
        var posts = routes.MapGroup("/api/posts").WithTags("Influencer campaigns");
        posts.MapPost("/{id:guid}/confirm", (Guid id, HttpContext http, IClusterClient cluster) => Decide(id, PostDecision.Confirmed, http, cluster))
            .RequirePermission(Permission.CampaignsWrite).Audited("campaign_post", "post.confirm").WithName("ConfirmPost");
        posts.MapPost("/{id:guid}/reject", (Guid id, HttpContext http, IClusterClient cluster) => Decide(id, PostDecision.Rejected, http, cluster))
            .RequirePermission(Permission.CampaignsWrite).Audited("campaign_post", "post.reject").WithName("RejectPost");
        return routes;
    }

    private static async Task<IResult> Decide(Guid id, PostDecision decision, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(id);
        var caller = http.Caller();
        var result = await cluster.GetGrain<IPostReviewGrain>(0).Decide(caller.OrganizationId, id, decision, caller.UserId);
        return result is { Outcome: CommandOutcome.Ok, Post: { } post }
            ? TypedResults.Ok(AllocationPostResponse.From(post))
            : Problems.From(result.Outcome, result.Message);
    }
}
