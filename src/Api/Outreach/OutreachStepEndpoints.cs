using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Tenancy;

namespace Campaigns.Api.Outreach;

/// <summary>HTTP ↔ <see cref="ICampaignOutreachGrain"/>: an outreach campaign's sequence (seed campaign_sequences).</summary>
public static class OutreachStepEndpoints
{
    private const string Resource = "outreach_step";

    public static IEndpointRouteBuilder MapOutreachStepEndpoints(this IEndpointRouteBuilder routes)
    {
        var steps = routes.MapGroup("/api/campaigns/{id:guid}/steps").WithTags("Outreach");

        steps.MapGet("/", List).RequirePermission(Permission.CampaignsRead);
        steps.MapPost("/", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_step.create")
            .Accepts<OutreachStepRequest>("application/json");
        steps.MapPatch("/{stepId:guid}", Update).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_step.update")
            .Accepts<OutreachStepRequest>("application/json", "application/merge-patch+json");
        steps.MapDelete("/{stepId:guid}", Delete).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_step.delete");
        return routes;
    }

    private static async Task<IResult> List(Guid id, HttpContext http, IClusterClient cluster)
    {
        var result = await cluster.Outreach(id).ListSteps(http.Caller().OrganizationId);
        return result is { Outcome: CommandOutcome.Ok, Value: { } steps }
            ? TypedResults.Ok(steps.Select(OutreachJson.Step).ToList())
            : OutreachResults.Problem(result);
    }

    private static async Task<IResult> Create(Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (OutreachBodies.StepDraft(body, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var stepId = TimeOrderedId.New();
        http.AuditResource(stepId);
        var result = await cluster.Outreach(id).CreateStep(http.Caller().OrganizationId, stepId, draft);
        return result is { Outcome: CommandOutcome.Ok, Value: { } step }
            ? TypedResults.Created($"/api/campaigns/{id}/steps/{stepId}", OutreachJson.Step(step))
            : OutreachResults.Problem(result);
    }

    private static async Task<IResult> Update(Guid id, Guid stepId, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(stepId);
        var errors = new FieldErrors();
        if (OutreachBodies.StepChanges(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await cluster.Outreach(id).UpdateStep(http.Caller().OrganizationId, stepId, changes);
        return result is { Outcome: CommandOutcome.Ok, Value: { } step } ? TypedResults.Ok(OutreachJson.Step(step)) : OutreachResults.Problem(result);
    }

    private static async Task<IResult> Delete(Guid id, Guid stepId, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(stepId);
        var result = await cluster.Outreach(id).DeleteStep(http.Caller().OrganizationId, stepId);
        return result.Outcome == CommandOutcome.Ok ? TypedResults.NoContent() : OutreachResults.Problem(result);
    }
}
