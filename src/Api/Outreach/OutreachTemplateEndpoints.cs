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

/// <summary>HTTP ↔ <see cref="ICampaignOutreachGrain"/>: an outreach campaign's message templates and their preview.</summary>
public static class OutreachTemplateEndpoints
{
    private const string Resource = "outreach_template";

    public static IEndpointRouteBuilder MapOutreachTemplateEndpoints(this IEndpointRouteBuilder routes)
    {
        var templates = routes.MapGroup("/api/campaigns/{id:guid}/templates").WithTags("Outreach");

        templates.MapGet("/", List).RequirePermission(Permission.CampaignsRead);
        templates.MapPost("/", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_template.create")
            .Accepts<OutreachTemplateRequest>("application/json");
        templates.MapPatch("/{templateId:guid}", Update).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_template.update")
            .Accepts<OutreachTemplateRequest>("application/json", "application/merge-patch+json");
        templates.MapDelete("/{templateId:guid}", Delete).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_template.delete");
        // Renders without changing anything, so it is not audited (like a GET with a body).
        templates.MapPost("/{templateId:guid}/preview", Preview).RequirePermission(Permission.CampaignsRead).NotAudited();
        return routes;
    }

    private static async Task<IResult> List(Guid id, HttpContext http, IClusterClient cluster) =>
        OutreachResults.Ok(await cluster.Outreach(id).ListTemplates(http.Caller().OrganizationId));

    private static async Task<IResult> Create(Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (OutreachBodies.TemplateDraft(body, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var templateId = TimeOrderedId.New();
        http.AuditResource(templateId);
        var result = await cluster.Outreach(id).CreateTemplate(http.Caller().OrganizationId, templateId, draft);
        return result is { Outcome: CommandOutcome.Ok, Value: { } template }
            ? TypedResults.Created($"/api/campaigns/{id}/templates/{templateId}", template)
            : OutreachResults.Problem(result);
    }

    private static async Task<IResult> Update(Guid id, Guid templateId, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(templateId);
        var errors = new FieldErrors();
        if (OutreachBodies.TemplateChanges(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return OutreachResults.Ok(await cluster.Outreach(id).UpdateTemplate(http.Caller().OrganizationId, templateId, changes));
    }

    private static async Task<IResult> Delete(Guid id, Guid templateId, HttpContext http, IClusterClient cluster)
    {
        http.AuditResource(templateId);
        var result = await cluster.Outreach(id).DeleteTemplate(http.Caller().OrganizationId, templateId);
        return result.Outcome == CommandOutcome.Ok ? TypedResults.NoContent() : OutreachResults.Problem(result);
    }

    private static async Task<IResult> Preview(Guid id, Guid templateId, TemplatePreviewRequest request, HttpContext http, IClusterClient cluster) =>
        request.ContactId is not { } contactId
            ? Problems.Validation("contact_id", "contact_id is required.")
            : OutreachResults.Ok(await cluster.Outreach(id).PreviewTemplate(http.Caller().OrganizationId, templateId, contactId));
}
