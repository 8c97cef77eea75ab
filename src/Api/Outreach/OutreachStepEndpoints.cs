using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Outreach;

/// <summary>HTTP ↔ <see cref="ICampaignOutreachGrain"/>: an outreach campaign's sequence (seed campaign_sequences).</summary>
public static class OutreachStepEndpoints
{
    private const string Resource = "outreach_step";

    public static IEndpointRouteBuilder MapOutreachStepEndpoints(this IEndpointRouteBuilder routes)
    {
        var steps = routes.MapGroup("/api/campaigns/{id:guid}/steps").WithTags("Outreach");

        steps.MapGet("/", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List an outreach campaign's sequence steps").ProducesProblems(StatusCodes.Status404NotFound);
        steps.MapPost("/", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_step.create")
            .Accepts<OutreachStepRequest>("application/json").WithRequestExample(OutreachExamples.Step)
            .WithSummary("Add a step to an outreach campaign's sequence")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        steps.MapPatch("/{stepId:guid}", Update).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_step.update")
            .Accepts<OutreachStepRequest>("application/json", "application/merge-patch+json").WithRequestExample(OutreachExamples.Step)
            .WithSummary("Change a sequence step (merge patch)").ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        steps.MapDelete("/{stepId:guid}", Delete).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_step.delete")
            .WithSummary("Delete a sequence step").ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Ok<List<StepJson>>, ProblemHttpResult, ValidationProblem>> List(Guid id, HttpContext http, IClusterClient cluster) =>
        (await cluster.Outreach(id).ListSteps(http.Caller().OrganizationId)).ToCommandResult().ToOk(steps => steps.Select(OutreachJson.Step).ToList());

    private static async Task<Results<Created<StepJson>, ProblemHttpResult, ValidationProblem>> Create(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (OutreachBodies.StepDraft(body, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var stepId = TimeOrderedId.New();
        http.AuditResource(stepId);
        var result = await cluster.Outreach(id).CreateStep(http.Caller().OrganizationId, stepId, draft);
        return result.ToCommandResult().Select(OutreachJson.Step).ToCreated(_ => $"/api/campaigns/{id}/steps/{stepId}");
    }

    private static async Task<Results<Ok<StepJson>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, Guid stepId, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(stepId);
        var errors = new FieldErrors();
        if (OutreachBodies.StepChanges(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return (await cluster.Outreach(id).UpdateStep(http.Caller().OrganizationId, stepId, changes)).ToCommandResult().ToOk(OutreachJson.Step);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Delete(Guid id, Guid stepId, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(stepId);
        return (await cluster.Outreach(id).DeleteStep(http.Caller().OrganizationId, stepId)).ToCommandResult().ToNoContent();
    }
}
