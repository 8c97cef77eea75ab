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
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Campaigns.Api.Influencer;

/// <summary>HTTP ↔ <see cref="ICreatorRegistryGrain"/>: the organization's creators and their social profiles.</summary>
public static class CreatorEndpoints
{
    private const string Resource = "creator";

    private const string CreateExample = """
        {
          "name": "Ana Ribeiro",
          "email": "ana@example.com",
          "profiles": [
            { "platform": "instagram", "username": "ana.trails", "followers_declared": 48000, "engagement_rate_declared": 0.042,
              "niches": [ "travel", "hiking" ], "location": "Lisbon, Portugal" }
          ]
        }
        """;

    public static IEndpointRouteBuilder MapCreatorEndpoints(this IEndpointRouteBuilder routes)
    {
        var creators = routes.MapGroup("/api/creators").WithTags("Creators");

        creators.MapPost("/", Create).RequirePermission(Permission.CreatorsWrite).Audited(Resource, "creator.create")
            .WithSummary("Register a creator")
            .WithDescription("With at least one social profile; a profile's platform and username are unique in the organization.")
            .WithRequestExample(CreateExample)
            .ProducesProblems(StatusCodes.Status409Conflict);
        creators.MapGet("/", List).RequirePermission(Permission.CreatorsRead)
            .WithSummary("List creators")
            .WithDescription("Newest first, keyset-paged; a creator matches when one of its profiles meets every profile filter.");
        creators.MapGet("/{id:guid}", Get).RequirePermission(Permission.CreatorsRead)
            .WithSummary("Get a creator")
            .ProducesProblems(StatusCodes.Status404NotFound);
        creators.MapPatch("/{id:guid}", Update).RequirePermission(Permission.CreatorsWrite).Audited(Resource, "creator.update")
            .Accepts<CreatorRequest>("application/json", "application/merge-patch+json")
            .WithSummary("Change a creator (JSON merge patch)")
            .WithDescription("A profile with an id is merge-patched, one without is added, profiles not listed stay. Verified numbers come only from scraping.")
            .WithRequestExample("""{ "email": null, "profiles": [ { "id": "0193a4f2c1d07a3e9b5f2c8d4e6a1b20", "followers_declared": 52000 } ] }""")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        creators.MapPost("/import", Import).RequirePermission(Permission.CreatorsWrite).Audited(Resource, "creator.import")
            .Accepts<string>("text/csv")
            .WithSummary("Import creators from CSV")
            .WithDescription(
                "text/csv with a header row naming any of: " + string.Join(", ", CreatorCsv.Columns) + " (platform and username required), " +
                "e.g. \"platform,username,followers_declared\\ninstagram,ana.trails,48000\". All or nothing: rows are matched by " +
                "platform and username; any refused row answers 400 naming each row and column. Bodies over 1 MiB answer 413.")
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        return routes;
    }

    private static ICreatorRegistryGrain Registry(IClusterClient cluster) => cluster.GetGrain<ICreatorRegistryGrain>(0);

    private static async Task<Results<Created<CreatorView>, ProblemHttpResult, ValidationProblem>> Create(
        CreatorRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (request.ToDraft(errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await Registry(cluster).Create(http.Caller().OrganizationId, id, draft);
        return result.ToCreated(_ => $"/api/creators/{id}");
    }

    private static async Task<Results<Ok<PageResponse<CreatorView>>, ValidationProblem>> List(
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
        return TypedResults.Ok(page.ToResponse());
    }

    private static async Task<Results<Ok<CreatorView>, ProblemHttpResult, ValidationProblem>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        (await Registry(cluster).Get(http.Caller().OrganizationId, id)).ToOk();

    private static async Task<Results<Ok<CreatorView>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (CreatorRequest.ParsePatch(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return (await Registry(cluster).Update(http.Caller().OrganizationId, id, changes)).ToOk();
    }

    /// <summary>All or nothing: any refused row answers 400 naming each row and column, and nothing is written.</summary>
    private static async Task<Results<Ok<CreatorImportSummary>, ProblemHttpResult, ValidationProblem>> Import(
        HttpRequest request, HttpContext http, IClusterClient cluster)
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

        if (errors.Count > 0)
        {
            return RowsRefused(ImportRowError.ByCell(errors));
        }

        var result = await Registry(cluster).Import(http.Caller().OrganizationId, rows);
        return result switch
        {
            { IsOk: true, Value: { } counts } => TypedResults.Ok(new CreatorImportSummary(counts.Rows, counts.Created, counts.Updated, counts.CreatorsCreated)),
            { Outcome: CommandOutcome.Invalid, Errors: { } byCell } => RowsRefused(byCell),
            _ => result.Problem() is { } problem ? problem : result.Invalid(),
        };
    }

    /// <summary>The rows the file or the database refused, keyed by cell; at most <see cref="ImportErrors.MaxListed"/> listed, all counted.</summary>
    private static ValidationProblem RowsRefused(IReadOnlyDictionary<string, string[]> byCell) =>
        TypedResults.ValidationProblem(
            byCell.Take(ImportErrors.MaxListed).ToDictionary(),
            detail: ImportErrors.Summary(byCell.Count),
            extensions: new Dictionary<string, object?> { ["error_count"] = byCell.Count });

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
