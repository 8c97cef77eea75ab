using Campaigns.Api.Audit;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;

namespace Campaigns.Api.Crm;

/// <summary>HTTP ↔ <see cref="ICrmGrain"/>: the organization's pipelines and their ordered stages.</summary>
public static class PipelineEndpoints
{
    private const string Resource = "pipeline";

    public static IEndpointRouteBuilder MapPipelineEndpoints(this IEndpointRouteBuilder routes)
    {
        var pipelines = routes.MapGroup("/api/pipelines").WithTags("CRM");

        pipelines.MapPost("/", Create).RequirePermission(Permission.ContactsWrite).Audited(Resource, "pipeline.create");
        pipelines.MapGet("/", List).RequirePermission(Permission.ContactsRead);
        pipelines.MapGet("/{id:guid}", Get).RequirePermission(Permission.ContactsRead);
        pipelines.MapPatch("/{id:guid}", Update).RequirePermission(Permission.ContactsWrite).Audited(Resource, "pipeline.update")
            .Accepts<PipelineRequest>("application/json", "application/merge-patch+json");
        pipelines.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.ContactsWrite).Audited(Resource, "pipeline.delete");
        return routes;
    }

    private static async Task<IResult> Create(PipelineRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var name = CrmFields.RequiredName(request.Name, errors, "name");
        var stages = PipelineRequest.ParseStages(request.Stages, errors, creating: true);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.Crm().CreatePipeline(http.Caller().OrganizationId, id, new PipelineDraft(name!, stages!));
        return TypedResults.Created($"/api/pipelines/{id}", result.Value);
    }

    private static async Task<IResult> List(string? q, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } invalid)
        {
            return invalid;
        }

        var page = await cluster.Crm().ListPipelines(http.Caller().OrganizationId, CrmQuery.Text(q), pageSize, after);
        return TypedResults.Ok(new PageResponse<PipelineView>(page.Items, Paging.Format(page.NextCursor)));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().GetPipeline(http.Caller().OrganizationId, id) is { } pipeline
            ? TypedResults.Ok(pipeline)
            : Problems.NotFound("Pipeline not found.");

    /// <summary>
    /// Members given are changed: <c>stages</c> is the whole new order — listed ids keep their stage, entries without
    /// an id are new stages, and unlisted stages are removed (409 while one holds leads).
    /// </summary>
    private static async Task<IResult> Update(Guid id, PipelineRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var name = request.Name is null ? null : CrmFields.RequiredName(request.Name, errors, "name");
        var stages = request.Stages is null ? null : PipelineRequest.ParseStages(request.Stages, errors, creating: false);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await cluster.Crm().UpdatePipeline(http.Caller().OrganizationId, id, new PipelineChanges(name, stages));
        return result is { Outcome: CommandOutcome.Ok, Value: { } pipeline } ? TypedResults.Ok(pipeline) : CrmProblems.From(result);
    }

    private static async Task<IResult> Delete(Guid id, HttpContext http, IClusterClient cluster)
    {
        var result = await cluster.Crm().DeletePipeline(http.Caller().OrganizationId, id);
        return result.Outcome == CommandOutcome.Ok ? TypedResults.NoContent() : CrmProblems.From(result);
    }
}

/// <summary>Body of <c>POST /api/pipelines</c> and <c>PATCH /api/pipelines/{id}</c>.</summary>
public sealed record PipelineRequest(string? Name, List<StageRequest?>? Stages)
{
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
