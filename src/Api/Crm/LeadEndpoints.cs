using Campaigns.Api.Audit;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Api.Crm;

/// <summary>HTTP ↔ <see cref="ICrmGrain"/>: leads, under the seed's path <c>/api/pipeline/leads</c>.</summary>
public static class LeadEndpoints
{
    private const string Resource = "lead";

    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder routes)
    {
        var leads = routes.MapGroup("/api/pipeline/leads").WithTags("CRM");

        leads.MapPost("/", Create).RequirePermission(Permission.ContactsWrite).Audited(Resource, "lead.create")
            .WithRequestExample("""
                { "contact_id": "0193a4f2c1d07a3e9b5f2c8d4e6a1b20", "pipeline_id": "0193a4f2c1d07a3e9b5f2c8d4e6a1b21",
                  "stage_id": "0193a4f2c1d07a3e9b5f2c8d4e6a1b22" }
                """)
            .WithSummary("Put a contact in a pipeline")
            .WithDescription("201 with a new lead, or 200 with the contact's existing lead in that pipeline (unchanged).");
        leads.MapGet("/", List).RequirePermission(Permission.ContactsRead)
            .WithSummary("List leads")
            .WithDescription("Newest first, keyset-paged; filter by pipeline_id, stage_id or contact_id.");
        leads.MapGet("/{id:guid}", Get).RequirePermission(Permission.ContactsRead)
            .WithSummary("Get a lead")
            .ProducesProblems(StatusCodes.Status404NotFound);
        leads.MapPatch("/{id:guid}", Move).RequirePermission(Permission.ContactsWrite).Audited(Resource, "lead.move")
            .Accepts<MoveLeadRequest>("application/json", "application/merge-patch+json")
            .WithRequestExample("""{ "stage_id": "0193a4f2c1d07a3e9b5f2c8d4e6a1b23" }""")
            .WithSummary("Move a lead to another stage of its pipeline")
            .ProducesProblems(StatusCodes.Status404NotFound);
        leads.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.ContactsWrite).Audited(Resource, "lead.delete")
            .WithSummary("Delete a lead")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>201 with a new lead, or 200 with the contact's existing lead in that pipeline (unchanged).</summary>
    private static async Task<Results<Created<LeadView>, Ok<LeadView>, ProblemHttpResult, ValidationProblem>> Create(
        CreateLeadRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        Required(request.ContactId, "contact_id", errors);
        Required(request.PipelineId, "pipeline_id", errors);
        Required(request.StageId, "stage_id", errors);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        var result = await cluster.Crm().CreateLead(http.Caller().OrganizationId, id,
            new LeadDraft(request.ContactId!.Value, request.PipelineId!.Value, request.StageId!.Value));
        if (result is not { IsOk: true, Value: { Value: var lead, Existing: var existing } })
        {
            http.AuditResource(id);
            return result.Problem() is { } problem ? problem : result.Invalid();
        }

        http.AuditResource(lead.Id);
        return existing ? TypedResults.Ok(lead) : TypedResults.Created($"/api/pipeline/leads/{lead.Id}", lead);
    }

    private static async Task<Results<Ok<PageResponse<LeadView>>, ValidationProblem>> List(
        [FromQuery(Name = "pipeline_id")] string? pipelineId, [FromQuery(Name = "stage_id")] string? stageId,
        [FromQuery(Name = "contact_id")] string? contactId, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var query = new LeadQuery(
            QueryIds.Parse(pipelineId, "pipeline_id", errors),
            QueryIds.Parse(stageId, "stage_id", errors),
            QueryIds.Parse(contactId, "contact_id", errors),
            Paging.Limit(limit, errors),
            Paging.Cursor(cursor, errors));
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var page = await cluster.Crm().ListLeads(http.Caller().OrganizationId, query);
        return TypedResults.Ok(page.ToResponse());
    }

    private static async Task<Results<Ok<LeadView>, ProblemHttpResult>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().GetLead(http.Caller().OrganizationId, id) is { } lead
            ? TypedResults.Ok(lead)
            : Problems.NotFound(NotFound);

    /// <summary>Moves the lead to another stage of its pipeline; the stage is the only thing a lead changes.</summary>
    private static async Task<Results<Ok<LeadView>, ProblemHttpResult, ValidationProblem>> Move(
        Guid id, MoveLeadRequest request, HttpContext http, IClusterClient cluster)
    {
        if (request.StageId is not { } stageId)
        {
            return Problems.Validation("stage_id", "stage_id is required: the stage to move the lead to.");
        }

        var result = await cluster.Crm().MoveLead(http.Caller().OrganizationId, id, stageId);
        return result.ToOk();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().DeleteLead(http.Caller().OrganizationId, id)
            ? TypedResults.NoContent()
            : Problems.NotFound(NotFound);

    private const string NotFound = "Lead not found.";

    private static void Required(Guid? value, string field, FieldErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, $"{field} is required.");
        }
    }
}

/// <summary>Body of <c>POST /api/pipeline/leads</c>, as in the seed.</summary>
public sealed record CreateLeadRequest(Guid? ContactId, Guid? PipelineId, Guid? StageId);

/// <summary>Body of <c>PATCH /api/pipeline/leads/{id}</c>.</summary>
public sealed record MoveLeadRequest(Guid? StageId);
