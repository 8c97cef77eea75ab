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

/// <summary>HTTP ↔ <see cref="IOutreachLibraryGrain"/>: the organization's message presets (templates of no campaign).</summary>
public static class OutreachPresetEndpoints
{
    private const string Resource = "outreach_preset";

    public static IEndpointRouteBuilder MapOutreachPresetEndpoints(this IEndpointRouteBuilder routes)
    {
        var presets = routes.MapGroup("/api/campaigns/presets").WithTags("Outreach");

        presets.MapGet("/", List).RequirePermission(Permission.CampaignsRead);
        presets.MapPost("/", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_preset.create")
            .Accepts<OutreachTemplateRequest>("application/json");
        presets.MapPatch("/{id:guid}", Update).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_preset.update")
            .Accepts<OutreachTemplateRequest>("application/json", "application/merge-patch+json");
        presets.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "outreach_preset.delete");
        presets.MapPost("/{id:guid}/preview", Preview).RequirePermission(Permission.CampaignsRead).NotAudited();
        return routes;
    }

    private static async Task<IResult> List(string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } invalid)
        {
            return invalid;
        }

        var page = await cluster.OutreachLibrary().ListPresets(http.Caller().OrganizationId, pageSize, after);
        return TypedResults.Ok(new PageResponse<OutreachTemplate>(page.Items, Paging.Format(page.NextCursor)));
    }

    private static async Task<IResult> Create(JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (OutreachBodies.TemplateDraft(body, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.OutreachLibrary().CreatePreset(http.Caller().OrganizationId, id, draft);
        return result is { Outcome: CommandOutcome.Ok, Value: { } preset }
            ? TypedResults.Created($"/api/campaigns/presets/{id}", preset)
            : OutreachResults.Problem(result);
    }

    private static async Task<IResult> Update(Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (OutreachBodies.TemplateChanges(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return OutreachResults.Ok(await cluster.OutreachLibrary().UpdatePreset(http.Caller().OrganizationId, id, changes));
    }

    private static async Task<IResult> Delete(Guid id, HttpContext http, IClusterClient cluster)
    {
        var result = await cluster.OutreachLibrary().DeletePreset(http.Caller().OrganizationId, id);
        return result.Outcome == CommandOutcome.Ok ? TypedResults.NoContent() : OutreachResults.Problem(result);
    }

    private static async Task<IResult> Preview(Guid id, TemplatePreviewRequest request, HttpContext http, IClusterClient cluster) =>
        request.ContactId is not { } contactId
            ? Problems.Validation("contact_id", "contact_id is required.")
            : OutreachResults.Ok(await cluster.OutreachLibrary().PreviewPreset(http.Caller().OrganizationId, id, contactId));
}
