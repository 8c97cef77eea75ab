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

/// <summary>HTTP ↔ <see cref="IOutreachLibraryGrain"/>: the organization's message presets (templates of no campaign).</summary>
public static class OutreachPresetEndpoints
{
    private const string Resource = "outreach_preset";

    public static IEndpointRouteBuilder MapOutreachPresetEndpoints(this IEndpointRouteBuilder routes)
    {
        var presets = routes.MapGroup("/api/campaigns/presets").WithTags("Outreach");

        presets.MapGet("/", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List the organization's message presets");
        presets.MapPost("/", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_preset.create")
            .Accepts<OutreachTemplateRequest>("application/json").WithRequestExample(OutreachExamples.Template)
            .WithSummary("Create a message preset").ProducesProblems(StatusCodes.Status409Conflict);
        presets.MapPatch("/{id:guid}", Update).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_preset.update")
            .Accepts<OutreachTemplateRequest>("application/json", "application/merge-patch+json").WithRequestExample(OutreachExamples.Template)
            .WithSummary("Change a message preset (merge patch)").ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        presets.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_preset.delete")
            .WithSummary("Delete a message preset no step uses").ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        presets.MapPost("/{id:guid}/preview", Preview).RequirePermission(Permission.CampaignsRead).NotAudited()
            .WithRequestExample(OutreachExamples.Preview)
            .WithSummary("Render a preset for one contact").ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<PageResponse<OutreachTemplate>>, ValidationProblem>> List(
        string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } invalid)
        {
            return invalid;
        }

        var page = await cluster.OutreachLibrary().ListPresets(http.Caller().OrganizationId, pageSize, after);
        return TypedResults.Ok(page.ToResponse());
    }

    private static async Task<Results<Created<OutreachTemplate>, ProblemHttpResult, ValidationProblem>> Create(
        JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (OutreachBodies.TemplateDraft(body, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.OutreachLibrary().CreatePreset(http.Caller().OrganizationId, id, draft);
        return result.ToCreated(_ => $"/api/campaigns/presets/{id}");
    }

    private static async Task<Results<Ok<OutreachTemplate>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (OutreachBodies.TemplateChanges(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return (await cluster.OutreachLibrary().UpdatePreset(http.Caller().OrganizationId, id, changes)).ToOk();
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        (await cluster.OutreachLibrary().DeletePreset(http.Caller().OrganizationId, id)).ToNoContent();

    private static async Task<Results<Ok<TemplatePreview>, ProblemHttpResult, ValidationProblem>> Preview(
        Guid id, TemplatePreviewRequest request, HttpContext http, IClusterClient cluster) =>
        request.ContactId is not { } contactId
            ? Problems.Validation("contact_id", "contact_id is required.")
            : (await cluster.OutreachLibrary().PreviewPreset(http.Caller().OrganizationId, id, contactId)).ToOk();
}
