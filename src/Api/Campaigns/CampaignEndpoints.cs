using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Campaigns;

/// <summary>HTTP ↔ <see cref="ICampaignGrain"/>: the common core of every campaign kind.</summary>
public static class CampaignEndpoints
{
    private const string Resource = "campaign";

    public static IEndpointRouteBuilder MapCampaignEndpoints(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/campaigns").WithTags("Campaigns");

        campaigns.MapPost("/", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "campaign.create")
            .WithSummary("Create a campaign of any kind (a draft)").ProducesProblems(409, 413, 415);
        campaigns.MapGet("/", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List the organization's campaigns, newest first, by status, kind or text");
        campaigns.MapGet("/{id:guid}", Get).RequirePermission(Permission.CampaignsRead)
            .WithSummary("Get a campaign").ProducesProblems(404);
        campaigns.MapPatch("/{id:guid}", Update).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "campaign.update")
            .Accepts<CampaignRequest>("application/json", "application/merge-patch+json")
            .WithSummary("Change a campaign (JSON merge patch: absent is unchanged, null clears)").ProducesProblems(404, 409, 413, 415);
        campaigns.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "campaign.delete")
            .WithSummary("Delete a campaign").ProducesProblems(404, 409);

        campaigns.MapPost("/{id:guid}/schedule", Schedule).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "campaign.schedule")
            .WithSummary("Schedule a campaign to launch at a future instant").ProducesProblems(404, 409, 413, 415);
        foreach (var (path, transition, summary) in new[]
        {
            ("launch", CampaignTransition.Launch, "Launch a campaign now"),
            ("pause", CampaignTransition.Pause, "Pause a running campaign"),
            ("resume", CampaignTransition.Resume, "Resume a paused campaign"),
            ("complete", CampaignTransition.Complete, "Complete a campaign"),
            ("cancel", CampaignTransition.Cancel, "Cancel a campaign"),
            // The outreach verbs: start is launch (it materializes the participants), stop is complete.
            ("start", CampaignTransition.Launch, "Start an outreach campaign (the same as launch)"),
            ("stop", CampaignTransition.Complete, "Stop an outreach campaign (the same as complete)"),
        })
        {
            campaigns.MapPost($"/{{id:guid}}/{path}", (Guid id, HttpContext http, IClusterClient cluster) =>
                    Transition(id, new CampaignTransitionRequest(transition), http, cluster))
                .RequirePermission(Permission.CampaignsWrite)
                .Audited(Resource, $"campaign.{path}")
                .WithName($"{char.ToUpperInvariant(path[0])}{path[1..]}Campaign")
                .WithSummary(summary)
                .ProducesProblems(404, 409);
        }

        return routes;
    }

    private static async Task<Results<Created<CampaignView>, ProblemHttpResult, ValidationProblem>> Create(
        CampaignRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (request.ToDraft(errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.GetGrain<ICampaignGrain>(id).Create(http.Caller().OrganizationId, draft);
        return result.ToCommandResult().ToCreated(_ => $"/api/campaigns/{id}");
    }

    private static async Task<Results<Ok<PageResponse<CampaignView>>, ValidationProblem>> List(
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
        return TypedResults.Ok(page.ToPage().ToResponse());
    }

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult, ValidationProblem>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        (await cluster.GetGrain<ICampaignGrain>(id).Get(http.Caller().OrganizationId)).ToCommandResult().ToOk();

    /// <summary>The body is read as JSON (not bound to <see cref="CampaignRequest"/>) because merge patch tells absent from null.</summary>
    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (CampaignPatch.Parse(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return (await cluster.GetGrain<ICampaignGrain>(id).Update(http.Caller().OrganizationId, changes)).ToCommandResult().ToOk();
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        (await cluster.GetGrain<ICampaignGrain>(id).Delete(http.Caller().OrganizationId)).ToCommandResult().ToNoContent();

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult, ValidationProblem>> Schedule(
        Guid id, ScheduleCampaignRequest request, HttpContext http, IClusterClient cluster, TimeProvider clock)
    {
        if (request.ScheduledFor is not { } when)
        {
            return Problems.Validation("scheduled_for", "scheduled_for (an ISO 8601 instant) is required.");
        }

        if (when <= clock.GetUtcNow())
        {
            return Problems.Validation("scheduled_for", "scheduled_for must be in the future; use /launch to start now.");
        }

        return await Transition(id, new CampaignTransitionRequest(CampaignTransition.Schedule, PostgresTime.Truncate(when)), http, cluster);
    }

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult, ValidationProblem>> Transition(
        Guid id, CampaignTransitionRequest request, HttpContext http, IClusterClient cluster) =>
        (await cluster.GetGrain<ICampaignGrain>(id).Transition(http.Caller().OrganizationId, request)).ToCommandResult().ToOk();
}
