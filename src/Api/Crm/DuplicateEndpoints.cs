using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Crm;

/// <summary><c>POST /api/campaigns/{id}/duplicate</c>: a new draft with the source's configuration and the caller's modifications.</summary>
public static class DuplicateEndpoints
{
    private const string CopySuffix = " (copy)";

    public static IEndpointRouteBuilder MapDuplicateEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/campaigns").WithTags("Campaigns")
            .MapPost("/{id:guid}/duplicate", Duplicate)
            .RequirePermission(Permission.CampaignsWrite)
            .Audited("campaign", "campaign.duplicate")
            .Accepts<DuplicateCampaignRequest>("application/json")
            .WithRequestExample("""{ "modifications": { "name": "Spring push (EU)", "budget": 800 } }""")
            .WithSummary("Duplicate a campaign as a new draft")
            .WithDescription("The source's configuration, named \"… (copy)\", with modifications applied as a PATCH body would be; "
                + "their errors are named under modifications.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Created<CampaignView>, ProblemHttpResult, ValidationProblem>> Duplicate(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var changes = Modifications(body, errors);
        if (changes is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var organizationId = http.Caller().OrganizationId;
        if (await cluster.GetGrain<ICampaignGrain>(id).Configuration(organizationId) is not { Outcome: CommandOutcome.Ok, Draft: { } source })
        {
            return Problems.NotFound("Campaign not found.");
        }

        var draft = source with { Name = CopyName(source.Name) };
        var copyId = TimeOrderedId.New();
        http.AuditResource(copyId);
        var result = await cluster.GetGrain<ICampaignGrain>(copyId).CreateWithChanges(organizationId, draft, changes);
        var answer = result is { Outcome: CommandOutcome.Ok, Campaign: { } campaign }
            ? CommandResult.Ok(campaign)
            : new CommandResult<CampaignView>(result.Outcome, Message: result.Message,
                Errors: result.Outcome == CommandOutcome.Invalid ? Prefixed(result.Errors) : null);
        return answer.ToCreated(_ => $"/api/campaigns/{copyId}");
    }

    /// <summary>The body's <c>modifications</c> (optional), read exactly as a PATCH body; errors are named under <c>modifications.</c>.</summary>
    private static CampaignChanges? Modifications(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
            return null;
        }

        var changes = new CampaignChanges();
        foreach (var member in body.EnumerateObject())
        {
            if (member.Name != "modifications")
            {
                errors.Add(member.Name, $"Unknown field '{member.Name}'.");
                continue;
            }

            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var inner = new FieldErrors();
            changes = CampaignPatch.Parse(member.Value, inner) ?? changes;
            foreach (var (field, messages) in inner.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add($"modifications.{field}", message);
                }
            }
        }

        return errors.Any ? null : changes;
    }

    private static IReadOnlyDictionary<string, string[]>? Prefixed(IReadOnlyDictionary<string, string[]>? errors) =>
        errors?.ToDictionary(e => $"modifications.{e.Key}", e => e.Value);

    /// <summary>"Name (copy)", shortened so the copy's name stays within the limit.</summary>
    private static string CopyName(string name) =>
        (name.Length + CopySuffix.Length > CampaignFields.NameMaxLength ? name[..(CampaignFields.NameMaxLength - CopySuffix.Length)] : name) + CopySuffix;
}

/// <summary>Body of <c>POST /api/campaigns/{id}/duplicate</c>; <c>modifications</c> is a merge patch like a PATCH body.</summary>
public sealed record DuplicateCampaignRequest(PatchCampaignRequest? Modifications);
