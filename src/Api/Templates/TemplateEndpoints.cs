using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Campaigns.Api.Templates;

/// <summary>Niche templates (seed 002): list built-ins and the organization's own, make a campaign from one, save one from a campaign.</summary>
public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder routes)
    {
        var templates = routes.MapGroup("/api/campaign-templates").WithTags("Campaign templates");
        templates.MapGet("/", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List campaign templates")
            .WithDescription("Built-ins and the organization's own, keyset-paged; filter by niche and type.");
        templates.MapGet("/{id:guid}", Get).RequirePermission(Permission.CampaignsRead)
            .WithSummary("Get a campaign template")
            .ProducesProblems(StatusCodes.Status404NotFound);
        templates.MapPatch("/{id:guid}", Update).RequirePermission(Permission.CampaignsWrite)
            .Audited("campaign_template", "campaign_template.update")
            .Accepts<TemplatePatchRequest>("application/json", "application/merge-patch+json")
            .WithRequestExample("""{ "name": "Gym launch", "description": null, "niche": "fitness" }""")
            .WithSummary("Rename or re-file one of the organization's templates")
            .WithDescription("name, description (null clears) and niche; built-in templates are read-only (409).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        templates.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.CampaignsWrite)
            .Audited("campaign_template", "campaign_template.delete")
            .WithSummary("Delete one of the organization's templates")
            .WithDescription("Campaigns made from it keep their fields; built-in templates are read-only (409).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        templates.MapPost("/{id:guid}/instantiate", Instantiate).RequirePermission(Permission.CampaignsWrite)
            .Audited("campaign", "campaign_template.instantiate")
            .Accepts<InstantiateTemplateRequest>("application/json")
            .WithRequestExample("""{ "customization": { "name": "Spring push", "budget": 500, "currency": "EUR" } }""")
            .WithSummary("Create a campaign from a template")
            .WithDescription("The template's fields with customization merged over them (JSON merge patch), validated as a "
                + "create-campaign body; errors are named under customization.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        routes.MapGroup("/api/campaigns").WithTags("Campaigns")
            .MapPost("/{id:guid}/save-as-template", SaveAsTemplate).RequirePermission(Permission.CampaignsWrite)
            .Audited("campaign_template", "campaign_template.create")
            .WithRequestExample("""{ "name": "Gym launch", "niche": "fitness" }""")
            .WithSummary("Save a campaign's configuration as a template")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<PageResponse<CampaignTemplate>>, ValidationProblem>> List(string? niche, string? type, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (niche is not null && !CampaignTemplate.Niches.Contains(niche))
        {
            errors.Add("niche", $"Unknown niche '{niche}'. Allowed: {string.Join(", ", CampaignTemplate.Niches)}.");
        }

        if (type is not null && !MarketingBrief.Types.Contains(type))
        {
            errors.Add("type", $"Unknown type '{type}'. Allowed: {string.Join(", ", MarketingBrief.Types)}.");
        }

        var query = new TemplateQuery(niche, type, Paging.Cursor(cursor, errors), Paging.Limit(limit, errors));
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var page = await cluster.GetGrain<ICampaignTemplatesGrain>(0).List(http.Caller().OrganizationId, query);
        return TypedResults.Ok(page.ToResponse());
    }

    private static async Task<Results<Ok<CampaignTemplate>, ProblemHttpResult>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.GetGrain<ICampaignTemplatesGrain>(0).Get(http.Caller().OrganizationId, id) is { } template
            ? TypedResults.Ok(template)
            : Problems.NotFound("Template not found.");

    /// <summary>PATCH: <c>name</c>, <c>description</c> (null clears) and <c>niche</c>; the settings change by saving a campaign again.</summary>
    private static async Task<Results<Ok<CampaignTemplate>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var changes = new CampaignTemplateChanges(null, null, false, null);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
        }
        else
        {
            foreach (var member in body.EnumerateObject())
            {
                var isNull = member.Value.ValueKind == JsonValueKind.Null;
                switch (member.Name)
                {
                    case "name":
                        changes = changes with { Name = CampaignFields.Name(isNull ? null : JsonMembers.Text(member, errors), errors) };
                        break;
                    case "description":
                        var description = isNull ? null : CampaignFields.Description(JsonMembers.Text(member, errors), errors);
                        changes = description is null ? changes with { ClearDescription = true } : changes with { Description = description };
                        break;
                    case "niche":
                        var niche = isNull ? null : JsonMembers.Text(member, errors);
                        if (niche is null || !CampaignTemplate.Niches.Contains(niche))
                        {
                            errors.Add("niche", $"niche must be one of {string.Join(", ", CampaignTemplate.Niches)}.");
                        }

                        changes = changes with { Niche = niche };
                        break;
                    default:
                        errors.Add(member.Name, $"'{member.Name}' cannot be changed: a template's name, description and niche can.");
                        break;
                }
            }
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await cluster.GetGrain<ICampaignTemplatesGrain>(0).Update(http.Caller().OrganizationId, id, changes);
        return result.ToOk();
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        (await cluster.GetGrain<ICampaignTemplatesGrain>(0).Delete(http.Caller().OrganizationId, id)).ToNoContent();

    /// <summary>
    /// Reads the template and validates the campaign it makes here, because a create-campaign body has one validator and
    /// it is the API's (<see cref="CreateCampaignRequest"/>); the workflow — create the campaign, count the template's
    /// use — is one call to the templates grain.
    /// </summary>
    private static async Task<Results<Created<CampaignView>, ProblemHttpResult, ValidationProblem>> Instantiate(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var errors = new FieldErrors();
        JsonNode? customization = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
        }
        else
        {
            foreach (var member in body.EnumerateObject())
            {
                if (member.Name != "customization")
                {
                    errors.Add(member.Name, $"Unknown field '{member.Name}'.");
                }
                else if (member.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    errors.Add("customization", "Expected a JSON object (a merge patch over the template's fields).");
                }
                else
                {
                    customization = JsonNode.Parse(member.Value.GetRawText());
                }
            }
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var organizationId = http.Caller().OrganizationId;
        var templates = cluster.GetGrain<ICampaignTemplatesGrain>(0);
        if (await templates.Get(organizationId, id) is not { } template)
        {
            return Problems.NotFound("Template not found.");
        }

        var fields = TemplateFields(template);
        MergePatch(fields, customization);
        CreateCampaignRequest? request = null;
        try
        {
            request = fields.Deserialize<CreateCampaignRequest>(json.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            errors.Add(e.Path is { Length: > 2 } path ? $"customization.{path[2..]}" : "customization", e.Message);
        }

        var draft = request?.ToDraft(errors);
        if (draft is null)
        {
            return Problems.Validation(errors.ToDictionary().ToDictionary(e => $"customization.{e.Key}", e => e.Value));
        }

        var campaignId = TimeOrderedId.New();
        http.AuditResource(campaignId);
        var result = await templates.Instantiate(organizationId, template.Id, campaignId, draft);
        return result.ToCreated(_ => $"/api/campaigns/{campaignId}");
    }

    private static async Task<Results<Created<CampaignTemplate>, ProblemHttpResult, ValidationProblem>> SaveAsTemplate(Guid id, SaveAsTemplateRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var name = CampaignFields.Name(request.Name, errors);
        if (request.Niche is null || !CampaignTemplate.Niches.Contains(request.Niche))
        {
            errors.Add("niche", $"niche is required: one of {string.Join(", ", CampaignTemplate.Niches)}.");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var organizationId = http.Caller().OrganizationId;
        if (await cluster.GetGrain<ICampaignGrain>(id).Configuration(organizationId) is not { Outcome: CommandOutcome.Ok, Draft: { } source })
        {
            return Problems.NotFound("Campaign not found.");
        }

        var template = await cluster.GetGrain<ICampaignTemplatesGrain>(0)
            .Save(organizationId, name!, source.Description, request.Niche!, source.Marketing?.Type, Settings(source).ToJsonString());
        http.AuditResource(template.Id);
        return TypedResults.Created($"/api/campaign-templates/{template.Id}", template);
    }

    /// <summary>The campaign fields a template keeps: its configuration, not its name, dates or history.</summary>
    private static JsonObject Settings(CampaignDraft d)
    {
        var settings = new JsonObject
        {
            ["kind"] = DbNames.Of(d.Kind),
            ["budget"] = d.Budget,
            ["currency"] = d.Currency,
            ["goals"] = new JsonArray([.. d.Goals.Select(g => JsonValue.Create(g))]),
            ["platforms"] = new JsonArray([.. d.Platforms.Select(p => JsonValue.Create(p))]),
        };
        if (d.Marketing is { } m)
        {
            if (m.MediaUrls.Count > 0) settings["media_urls"] = new JsonArray([.. m.MediaUrls.Select(u => JsonValue.Create(u))]);
            if (m.SegmentIds.Count > 0) settings["segment_ids"] = new JsonArray([.. m.SegmentIds.Select(s => JsonValue.Create(s.ToString()))]);
        }

        if (d.ContentJson is { } content)
        {
            settings["content"] = JsonNode.Parse(content);
        }

        return settings;
    }

    /// <summary>A create-campaign body from the template: its name, description and type over its settings; marketing unless the settings say otherwise.</summary>
    private static JsonObject TemplateFields(CampaignTemplate template)
    {
        var fields = new JsonObject { ["name"] = template.Name, ["kind"] = "marketing" };
        if (template.Description is { } description) fields["description"] = description;
        if (template.Type is { } type) fields["type"] = type;
        foreach (var (key, value) in JsonNode.Parse(template.SettingsJson)!.AsObject())
        {
            fields[key] = value?.DeepClone();
        }

        return fields;
    }

    /// <summary>RFC 7396: members of the patch replace the target's, objects merge recursively, null removes.</summary>
    private static void MergePatch(JsonObject target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return;
        }

        foreach (var (key, value) in members)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject inner && target[key] is JsonObject existing)
            {
                MergePatch(existing, inner);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}

/// <summary>Body of <c>PATCH /api/campaign-templates/{id}</c> (JSON merge patch), declared for the OpenAPI document.</summary>
public sealed record TemplatePatchRequest(string? Name, string? Description, string? Niche);

/// <summary>Body of <c>POST /api/campaign-templates/{id}/instantiate</c>; <c>customization</c> is a merge patch over the template's fields.</summary>
public sealed record InstantiateTemplateRequest(JsonElement? Customization);

/// <summary>Body of <c>POST /api/campaigns/{id}/save-as-template</c>.</summary>
public sealed record SaveAsTemplateRequest(string? Name, string? Niche);
