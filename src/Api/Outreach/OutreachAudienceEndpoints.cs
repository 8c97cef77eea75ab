using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Api.Outreach;

/// <summary>Where an outreach campaign's contacts come from (seed 001 step 1): the CRM picker and CSV files.</summary>
public static class OutreachAudienceEndpoints
{
    public static IEndpointRouteBuilder MapOutreachAudienceEndpoints(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/campaigns").WithTags("Outreach");

        campaigns.MapGet("/contacts-for-picker", Picker).RequirePermission(Permission.ContactsRead)
            .WithSummary("Contacts reachable on Telegram, each with its outreach status");
        campaigns.MapPost("/{id:guid}/audience/from-csv", FromCsv).RequirePermission(Permission.CampaignsWrite)
            .Audited("campaign", "campaign.audience_from_csv").WithRequestExample(OutreachExamples.AudienceCsv)
            .WithSummary("Add a CSV file's contacts to an outreach campaign's audience")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>
    /// Contacts reachable on Telegram (a telegram_id or a username), newest first, each with <c>outreach_status</c>.
    /// The seed's camelCase <c>outreachStatus</c> and <c>after</c> are accepted beside the API's <c>outreach_status</c> and <c>cursor</c>.
    /// </summary>
    private static async Task<Results<Ok<PageResponse<PickerContact>>, ValidationProblem>> Picker(
        string? limit, string? search, string? cursor, string? after,
        [FromQuery(Name = "outreach_status")] string? outreachStatus, [FromQuery(Name = "outreachStatus")] string? seedOutreachStatus,
        HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var statusText = outreachStatus ?? seedOutreachStatus;
        OutreachContactStatus? status = statusText switch
        {
            null => null,
            "new" => OutreachContactStatus.New,
            "in_outreach" => OutreachContactStatus.InOutreach,
            _ => null,
        };
        if (statusText is not null && status is null)
        {
            errors.Add("outreach_status", "outreach_status must be 'new' or 'in_outreach'.");
        }

        var query = new PickerQuery(status, CrmQuery.Text(search), Paging.Limit(limit, errors), Paging.Cursor(cursor ?? after, errors));
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var page = await cluster.OutreachLibrary().ContactsForPicker(http.Caller().OrganizationId, query);
        return TypedResults.Ok(page.ToResponse());
    }

    /// <summary>
    /// Finds or creates the file's contacts and adds them, without duplicates, to the campaign's
    /// <c>target_audience.contact_ids</c> (draft, scheduled or paused campaigns only). <c>has_header</c> defaults to true.
    /// </summary>
    private static async Task<Results<Ok<AudienceImportAnswer>, ProblemHttpResult, ValidationProblem>> FromCsv(
        Guid id, AudienceCsvRequest request, HttpContext http, IClusterClient cluster)
    {
        if (request.Content is null)
        {
            return Problems.Validation("content", "content (the CSV file's text) is required.");
        }

        var (rows, rowErrors, refusal) = OutreachCsv.Read(request.Content, request.HasHeader ?? true);
        if (refusal is not null)
        {
            return Problems.Validation("content", refusal);
        }

        var result = await cluster.Outreach(id).ImportAudience(http.Caller().OrganizationId, rows);
        return result.ToCommandResult().ToOk(import =>
        {
            var allErrors = rowErrors.Concat(import.Errors).OrderBy(e => e.Row).ToList();
            return new AudienceImportAnswer(
                import.ContactIds, import.Created, import.Matched, [.. allErrors.Take(ImportErrors.MaxListed)], allErrors.Count);
        });
    }
}

/// <summary>The answer of a CSV audience import.</summary>
/// <param name="Errors">The first <see cref="ImportErrors.MaxListed"/> skipped rows, in row order.</param>
/// <param name="ErrorCount">How many rows were skipped in all.</param>
public sealed record AudienceImportAnswer(IReadOnlyList<Guid> ContactIds, int Created, int Matched, IReadOnlyList<AudienceRowError> Errors, int ErrorCount);

/// <summary>Body of <c>POST /api/campaigns/{id}/audience/from-csv</c>.</summary>
public sealed record AudienceCsvRequest(string? Content, bool? HasHeader);
