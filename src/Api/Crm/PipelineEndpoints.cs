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

namespace Campaigns.Api.Crm;

/// <summary>HTTP ↔ <see cref="ICrmGrain"/>: the organization's pipelines and their ordered stages.</summary>
public static class PipelineEndpoints
{
    private const string Resource = "pipeline";

    public static IEndpointRouteBuilder MapPipelineEndpoints(this IEndpointRouteBuilder routes)
    {
        var pipelines = routes.MapGroup("/api/pipelines").WithTags("CRM");

        pipelines.MapPost("/", Create).RequirePermission(Permission.ContactsWrite).Audited(Resource, "pipeline.create")
            .WithRequestExample("""{ "name": "Sales", "stages": [ { "name": "Lead" }, { "name": "Qualified" }, { "name": "Won" } ] }""")
            .WithSummary("Create a pipeline with its stages in order");
        pipelines.MapGet("/", List).RequirePermission(Permission.ContactsRead)
            .WithSummary("List pipelines")
            .WithDescription("Newest first, keyset-paged; q searches the name.");
        pipelines.MapGet("/{id:guid}", Get).RequirePermission(Permission.ContactsRead)
            .WithSummary("Get a pipeline and its stages")
            .ProducesProblems(StatusCodes.Status404NotFound);
        pipelines.MapPatch("/{id:guid}", Update).RequirePermission(Permission.ContactsWrite).Audited(Resource, "pipeline.update")
            .Accepts<PipelineRequest>("application/json", "application/merge-patch+json")
            .WithRequestExample("""{ "stages": [ { "id": "0193a4f2c1d07a3e9b5f2c8d4e6a1b20", "name": "New lead" }, { "name": "Negotiation" } ] }""")
            .WithSummary("Rename or re-stage a pipeline")
            .WithDescription("stages is the whole new order: listed ids keep their stage, entries without an id are new, "
                + "unlisted stages are removed (409 while one holds leads).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        pipelines.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.ContactsWrite).Audited(Resource, "pipeline.delete")
            .WithSummary("Delete a pipeline")
            .WithDescription("Refused (409) while the pipeline holds leads.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Created<PipelineView>, ProblemHttpResult, ValidationProblem>> Create(
        PipelineRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (request.Validate(errors, partial: false) is not { Name: { } name, Stages: { } stages })
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.Crm().CreatePipeline(http.Caller().OrganizationId, id, new PipelineDraft(name, stages));
        return result.ToCreated(_ => $"/api/pipelines/{id}");
    }

    private static async Task<Results<Ok<PageResponse<PipelineView>>, ValidationProblem>> List(
        string? q, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } invalid)
        {
            return invalid;
        }

        var page = await cluster.Crm().ListPipelines(http.Caller().OrganizationId, CrmQuery.Text(q), pageSize, after);
        return TypedResults.Ok(page.ToResponse());
    }

    private static async Task<Results<Ok<PipelineView>, ProblemHttpResult>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().GetPipeline(http.Caller().OrganizationId, id) is { } pipeline
            ? TypedResults.Ok(pipeline)
            : Problems.NotFound("Pipeline not found.");

    /// <summary>
    /// Members given are changed: <c>stages</c> is the whole new order — listed ids keep their stage, entries without
    /// an id are new stages, and unlisted stages are removed (409 while one holds leads).
    /// </summary>
    private static async Task<Results<Ok<PipelineView>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, PipelineRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (request.Validate(errors, partial: true) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await cluster.Crm().UpdatePipeline(http.Caller().OrganizationId, id, changes);
        return result.ToOk();
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        (await cluster.Crm().DeletePipeline(http.Caller().OrganizationId, id)).ToNoContent();
}

/// <summary>
/// Body of <c>POST /api/pipelines</c> and <c>PATCH /api/pipelines/{id}</c>, with the one validator of both: on create
/// name and stages are required and stages are new; in the partial mode (the patch) members left out are unchanged.
/// </summary>
public sealed record PipelineRequest(string? Name, List<StageRequest?>? Stages)
{
    /// <returns>The changes (on create, both members set), or null with the errors named.</returns>
    public PipelineChanges? Validate(FieldErrors errors, bool partial)
    {
        var name = partial && Name is null ? null : CrmFields.RequiredName(Name, errors, "name");
        var stages = partial && Stages is null ? null : ParseStages(Stages, errors, creating: !partial);
        return errors.Any ? null : new PipelineChanges(name, stages);
    }

    /// <summary>Stage names are required and unique in a pipeline (case-insensitively), ids listed at most once.</summary>
    public static List<StageDraft>? ParseStages(List<StageRequest?>? stages, FieldErrors errors, bool creating)
    {
        if (stages is not { Count: > 0 } || stages.Count > CrmFields.MaxStages)
        {
            errors.Add("stages", $"A pipeline has 1 to {CrmFields.MaxStages} stages, in order.");
            return null;
        }

        var drafts = new List<StageDraft>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<Guid>();
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] is not { } stage)
            {
                errors.Add($"stages[{i}]", "Expected a stage object.");
                continue;
            }

            if (stage.Id is { } id && (creating || !ids.Add(id)))
            {
                errors.Add($"stages[{i}].id", creating ? "A new pipeline's stages have no ids yet." : "This stage is listed twice.");
            }

            if (CrmFields.RequiredName(stage.Name, errors, $"stages[{i}].name", CrmFields.StageNameMaxLength) is { } name)
            {
                if (!names.Add(name))
                {
                    errors.Add($"stages[{i}].name", $"Another stage is already named '{name}'.");
                }

                drafts.Add(new StageDraft(stage.Id, name));
            }
        }

        return errors.Any ? null : drafts;
    }
}

/// <summary>One stage in a pipeline request: an existing stage by id, or a new one.</summary>
public sealed record StageRequest(Guid? Id, string? Name);
