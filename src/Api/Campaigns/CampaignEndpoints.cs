using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;

namespace Campaigns.Api.Campaigns;

/// <summary>HTTP ↔ <see cref="ICampaignGrain"/>: the common core of every campaign kind.</summary>
public static class CampaignEndpoints
{
    private const string Resource = "campaign";

    public static IEndpointRouteBuilder MapCampaignEndpoints(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/campaigns").WithTags("Campaigns");

        campaigns.MapPost("/", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "campaign.create");
        campaigns.MapGet("/", List).RequirePermission(Permission.CampaignsRead);
        campaigns.MapGet("/{id:guid}", Get).RequirePermission(Permission.CampaignsRead);
        campaigns.MapPatch("/{id:guid}", Update).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "campaign.update")
            .Accepts<PatchCampaignRequest>("application/json", "application/merge-patch+json");
        campaigns.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "campaign.delete");

        campaigns.MapPost("/{id:guid}/schedule", Schedule).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "campaign.schedule");
        foreach (var (path, transition) in new[]
        {
            ("launch", CampaignTransition.Launch), ("pause", CampaignTransition.Pause), ("resume", CampaignTransition.Resume),
            ("complete", CampaignTransition.Complete), ("cancel", CampaignTransition.Cancel),
            // The seed's outreach verbs: start is launch (it materializes the participants), stop is complete.
            ("start", CampaignTransition.Launch), ("stop", CampaignTransition.Complete),
        })
        {
            campaigns.MapPost($"/{{id:guid}}/{path}", (Guid id, HttpContext http, IClusterClient cluster) =>
                    Transition(id, new CampaignTransitionRequest(transition), http, cluster))
                .RequirePermission(Permission.CampaignsWrite)
                .Audited(Resource, $"campaign.{path}")
                .WithName($"{char.ToUpperInvariant(path[0])}{path[1..]}Campaign");
        }

        return routes;
    }

    private static async Task<IResult> Create(CreateCampaignRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (request.ToDraft(errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.GetGrain<ICampaignGrain>(id).Create(http.Caller().OrganizationId, draft);
        return result.Campaign is { } campaign && result.Outcome == CommandOutcome.Ok
            ? TypedResults.Created($"/api/campaigns/{id}", campaign)
            : Problems.From(result.Outcome, result.Message, result.Errors);
    }

    private static async Task<IResult> List(
        string? status, string? kind, string? q, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var query = new CampaignQuery(
            CampaignKinds.ParseStatus(status, errors),
            CampaignKinds.Parse(kind, errors, required: false),
            q,
            Paging.Limit(limit, errors),
            Paging.Cursor(cursor, errors));
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var page = await cluster.GetGrain<ICampaignCatalogGrain>(0).List(http.Caller().OrganizationId, query);
        return TypedResults.Ok(new PageResponse<CampaignView>(page.Items, Paging.Format(page.NextCursor)));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        Respond(await cluster.GetGrain<ICampaignGrain>(id).Get(http.Caller().OrganizationId));

    private static async Task<IResult> Update(Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (CampaignPatch.Parse(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return Respond(await cluster.GetGrain<ICampaignGrain>(id).Update(http.Caller().OrganizationId, changes));
    }

    private static async Task<IResult> Delete(Guid id, HttpContext http, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<ICampaignGrain>(id).Delete(http.Caller().OrganizationId);
        return result.Outcome == CommandOutcome.Ok ? TypedResults.NoContent() : Problems.From(result.Outcome, result.Message);
    }

    private static Task<IResult> Schedule(Guid id, ScheduleCampaignRequest request, HttpContext http, IClusterClient cluster, TimeProvider clock)
    {
        if (request.ScheduledFor is not { } when)
        {
            return Task.FromResult<IResult>(Problems.Validation("scheduled_for", "scheduled_for (an ISO 8601 instant) is required."));
        }

        if (when <= clock.GetUtcNow())
        {
            return Task.FromResult<IResult>(Problems.Validation("scheduled_for", "scheduled_for must be in the future; use /launch to start now."));
        }

        return Transition(id, new CampaignTransitionRequest(CampaignTransition.Schedule, PostgresTime.Truncate(when)), http, cluster);
    }

    private static async Task<IResult> Transition(Guid id, CampaignTransitionRequest request, HttpContext http, IClusterClient cluster) =>
        Respond(await cluster.GetGrain<ICampaignGrain>(id).Transition(http.Caller().OrganizationId, request));

    private static IResult Respond(CampaignResult result) =>
        result is { Outcome: CommandOutcome.Ok, Campaign: { } campaign }
            ? TypedResults.Ok(campaign)
            : Problems.From(result.Outcome, result.Message, result.Errors);
}
