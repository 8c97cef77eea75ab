using System.Globalization;
using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Campaigns.Api.Influencer;

/// <summary>HTTP ↔ <see cref="ICreatorRegistryGrain"/>: the organization's creators and their social profiles.</summary>
public static class CreatorEndpoints
{
    private const string Resource = "creator";

    public static IEndpointRouteBuilder MapCreatorEndpoints(this IEndpointRouteBuilder routes)
    {
        var creators = routes.MapGroup("/api/creators").WithTags("Creators");

        creators.MapPost("/", Create).RequirePermission(Permission.CreatorsWrite).Audited(Resource, "creator.create");
        creators.MapGet("/", List).RequirePermission(Permission.CreatorsRead);
        creators.MapGet("/{id:guid}", Get).RequirePermission(Permission.CreatorsRead);
        creators.MapPatch("/{id:guid}", Update).RequirePermission(Permission.CreatorsWrite).Audited(Resource, "creator.update")
            .Accepts<PatchCreatorRequest>("application/json", "application/merge-patch+json");
        creators.MapPost("/import", Import).RequirePermission(Permission.CreatorsWrite).Audited(Resource, "creator.import")
            .Accepts<string>("text/csv");
        return routes;
    }

    private static ICreatorRegistryGrain Registry(IClusterClient cluster) => cluster.GetGrain<ICreatorRegistryGrain>(0);

    private static async Task<IResult> Create(CreateCreatorRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (request.ToDraft(errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await Registry(cluster).Create(http.Caller().OrganizationId, id, draft);
        return result is { Outcome: CommandOutcome.Ok, Creator: { } creator }
            ? TypedResults.Created($"/api/creators/{id}", creator)
            : Problems.From(result.Outcome, result.Message, result.Errors);
    }

    private static async Task<IResult> List(
        string? platform, string? niche, string? location,
        [FromQuery(Name = "min_followers")] string? minFollowers, [FromQuery(Name = "max_followers")] string? maxFollowers, string? q,
        string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var min = Followers(minFollowers, "min_followers", errors);
        var max = Followers(maxFollowers, "max_followers", errors);
        if (min > max)
        {
            errors.Add("max_followers", "max_followers must be at least min_followers.");
        }

        var query = new CreatorQuery(
            platform is null ? null : CreatorFields.Platform(platform, errors, "platform"),
            string.IsNullOrWhiteSpace(niche) ? null : niche.Trim().ToLowerInvariant(),
            string.IsNullOrWhiteSpace(location) ? null : location.Trim(),
            min,
            max,
            string.IsNullOrWhiteSpace(q) ? null : q.Trim().TrimStart('@'),
            Paging.Limit(limit, errors),
            Paging.Cursor(cursor, errors));
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var page = await Registry(cluster).List(http.Caller().OrganizationId, query);
        return TypedResults.Ok(new PageResponse<CreatorView>(page.Items, Paging.Format(page.NextCursor)));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await Registry(cluster).Get(http.Caller().OrganizationId, id) is { } creator
            ? TypedResults.Ok(creator)
            : Problems.NotFound("Creator not found.");

    private static async Task<IResult> Update(Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (CreatorPatch.Parse(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await Registry(cluster).Update(http.Caller().OrganizationId, id, changes);
        return result is { Outcome: CommandOutcome.Ok, Creator: { } creator }
            ? TypedResults.Ok(creator)
            : Problems.From(result.Outcome, result.Message, result.Errors);
    }

    /// <summary>All or nothing: any refused row answers 400 naming each row and column, and nothing is written.</summary>
    private static async Task<IResult> Import(HttpRequest request, HttpContext http, IClusterClient cluster)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("Send the creators as CSV with Content-Type: text/csv and a header row.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type");
        }

        // A charset .NET does not know reads as null: refused rather than guessed as UTF-8.
        if (contentType.Charset.HasValue && contentType.Encoding is null)
        {
            return TypedResults.Problem($"Unknown charset '{contentType.Charset}': send the CSV as UTF-8 (charset=utf-8) or name a charset .NET knows.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type");
        }

        var encoding = contentType.Encoding ?? StrictUtf8;

        using var text = new StreamReader(request.Body, encoding.CodePage == StrictUtf8.CodePage ? StrictUtf8 : encoding);
        IReadOnlyList<CreatorImportRow> rows;
        IReadOnlyList<ImportRowError> errors;
        try
        {
            (rows, errors) = await CreatorCsv.Read(text);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Problems.Validation("body", "The CSV is not valid UTF-8: send it in UTF-8, or name its charset in the Content-Type.");
        }

        if (errors.Count == 0)
        {
            var result = await Registry(cluster).Import(http.Caller().OrganizationId, rows);
            if (result.Errors.Count == 0)
            {
                return TypedResults.Ok(new CreatorImportSummary(result.Rows, result.Created, result.Updated, result.CreatorsCreated));
            }

            errors = result.Errors;
        }

        var byCell = errors.GroupBy(e => $"rows[{e.Row}].{e.Field}").ToList();
        return TypedResults.ValidationProblem(
            byCell.Take(ImportErrors.MaxListed).ToDictionary(g => g.Key, g => g.Select(e => $"Row {e.Row}, {e.Field}: {e.Message}").ToArray()),
            detail: ImportErrors.Summary(byCell.Count),
            extensions: new Dictionary<string, object?> { ["error_count"] = byCell.Count });
    }

    /// <summary>Invalid bytes are an error to report, not characters to replace silently with U+FFFD.</summary>
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static long? Followers(string? value, string field, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var followers))
        {
            return followers;
        }

        errors.Add(field, $"{field} must be a whole number of followers, zero or more.");
        return null;
    }
}

/// <summary>The answer to a successful import: rows read, profiles created and updated, creators created.</summary>
public sealed record CreatorImportSummary(int Rows, int Created, int Updated, int CreatorsCreated);
