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

/// <summary>HTTP ↔ <see cref="ICampaignOutreachGrain"/>: an outreach campaign's message templates and their preview.</summary>
public static class OutreachTemplateEndpoints
{
    private const string Resource = "outreach_template";

    public static IEndpointRouteBuilder MapOutreachTemplateEndpoints(this IEndpointRouteBuilder routes)
    {
        var templates = routes.MapGroup("/api/campaigns/{id:guid}/templates").WithTags("Outreach");

        // Every operation answers 404 for an unknown campaign; a campaign of another kind is 400 on "kind".
        templates.MapGet("/", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List an outreach campaign's message templates").ProducesProblems(StatusCodes.Status404NotFound);
        templates.MapPost("/", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_template.create")
            .Accepts<OutreachTemplateRequest>("application/json").WithRequestExample(OutreachExamples.Template)
            .WithSummary("Add a message template to an outreach campaign")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        templates.MapPatch("/{templateId:guid}", Update).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_template.update")
            .Accepts<OutreachTemplateRequest>("application/json", "application/merge-patch+json").WithRequestExample(OutreachExamples.Template)
            .WithSummary("Change a message template (merge patch)").ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        templates.MapDelete("/{templateId:guid}", Delete).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_template.delete")
            .WithSummary("Delete a message template no step uses").ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        // Renders without changing anything, so it is not audited (like a GET with a body).
        templates.MapPost("/{templateId:guid}/preview", Preview).RequirePermission(Permission.CampaignsRead).NotAudited()
            .WithRequestExample(OutreachExamples.Preview)
            .WithSummary("Render a template for one contact").ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<OutreachTemplate>>, ProblemHttpResult, ValidationProblem>> List(
        Guid id, HttpContext http, IClusterClient cluster) =>
        (await cluster.Outreach(id).ListTemplates(http.Caller().OrganizationId)).ToCommandResult().ToOk();

    private static async Task<Results<Created<OutreachTemplate>, ProblemHttpResult, ValidationProblem>> Create(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (OutreachBodies.TemplateDraft(body, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var templateId = TimeOrderedId.New();
        http.AuditResource(templateId);
        var result = await cluster.Outreach(id).CreateTemplate(http.Caller().OrganizationId, templateId, draft);
        return result.ToCommandResult().ToCreated(_ => $"/api/campaigns/{id}/templates/{templateId}");
    }

    private static async Task<Results<Ok<OutreachTemplate>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, Guid templateId, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(templateId);
        var errors = new FieldErrors();
        if (OutreachBodies.TemplateChanges(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return (await cluster.Outreach(id).UpdateTemplate(http.Caller().OrganizationId, templateId, changes)).ToCommandResult().ToOk();
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Delete(
        Guid id, Guid templateId, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(templateId);
        return (await cluster.Outreach(id).DeleteTemplate(http.Caller().OrganizationId, templateId)).ToCommandResult().ToNoContent();
    }

    private static async Task<Results<Ok<TemplatePreview>, ProblemHttpResult, ValidationProblem>> Preview(
        Guid id, Guid templateId, TemplatePreviewRequest request, HttpContext http, IClusterClient cluster) =>
        request.ContactId is not { } contactId
            ? Problems.Validation("contact_id", "contact_id is required.")
            : (await cluster.Outreach(id).PreviewTemplate(http.Caller().OrganizationId, templateId, contactId)).ToCommandResult().ToOk();
}
