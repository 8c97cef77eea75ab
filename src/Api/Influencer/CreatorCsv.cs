using System.Globalization;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Influencer;
using CsvHelper;
using CsvHelper.Configuration;

namespace Campaigns.Api.Influencer;

/// <summary>
/// Reads the body of <c>POST /api/creators/import</c>: a header row, then one social profile per row. Columns are
/// matched by name (any order, any case); <c>platform</c> and <c>username</c> are required. A column the file lacks
/// leaves that field as it is on re-import; an empty cell clears an optional profile field, and leaves <c>name</c>,
/// <c>email</c> and <c>is_active</c> as they are. Row numbers count the header as row 1, as spreadsheets do.
/// </summary>
public static class CreatorCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "creator_id", "name", "email", "is_active", "platform", "username", "followers_declared", "engagement_rate_declared",
        "niches", "location", "bio", "following_count", "posts_count",
    ];

    private static readonly char[] NicheSeparators = [';', '|', ','];

    public static async Task<(IReadOnlyList<CreatorImportRow> Rows, IReadOnlyList<ImportRowError> Errors)> Read(TextReader text)
    {
        var malformedRows = new HashSet<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Spreadsheets in many locales export ';'-separated files.
            DetectDelimiter = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => malformedRows.Add(args.Context.Parser?.Row ?? 0),
        };
        using var csv = new CsvReader(text, config);
        var rows = new List<CreatorImportRow>();
        var errors = new List<ImportRowError>();

        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            errors.Add(new ImportRowError(1, "header", $"The file is empty: expected a header row naming columns ({string.Join(", ", Columns)})."));
            return (rows, errors);
        }

        var index = IndexHeader(header, errors);
        if (errors.Count > 0)
        {
            return (rows, errors);
        }

        var firstRowOfHandle = new Dictionary<(string, string), int>();
        while (await csv.ReadAsync())
        {
            var rowNumber = csv.Parser.Row;
            var cells = csv.Parser.Record ?? [];
            if (malformedRows.Contains(rowNumber))
            {
                errors.Add(new ImportRowError(rowNumber, "row", "Malformed CSV: a quote is not closed or stands inside an unquoted cell."));
                continue;
            }

            if (cells.Length != header.Length)
            {
                errors.Add(new ImportRowError(rowNumber, "row", $"This row has {cells.Length} cells; the header has {header.Length}."));
                continue;
            }

            var unstorable = index.Where(c => !StorableText.IsStorable(cells[c.Value])).Select(c => c.Key).ToList();
            if (unstorable.Count > 0)
            {
                errors.AddRange(unstorable.Select(column => new ImportRowError(rowNumber, column, StorableText.Refusal)));
                continue;
            }

            var fieldErrors = new FieldErrors();
            var row = ReadRow(rowNumber, column => index.TryGetValue(column, out var i) ? cells[i] : null, fieldErrors);
            if (fieldErrors.Any)
            {
                errors.AddRange(fieldErrors.ToDictionary().SelectMany(e => e.Value.Select(m => new ImportRowError(rowNumber, e.Key, m))));
                continue;
            }

            var handle = (row.Values.Platform, row.Values.Username.ToLowerInvariant());
            if (firstRowOfHandle.TryGetValue(handle, out var first))
            {
                errors.Add(new ImportRowError(rowNumber, "username", $"{row.Values.Platform} @{row.Values.Username} is already on row {first}."));
                continue;
            }

            firstRowOfHandle[handle] = rowNumber;
            rows.Add(row);
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportRowError(2, "row", "The file has a header but no rows."));
        }

        return (rows, errors);
    }

    private static Dictionary<string, int> IndexHeader(string[] header, List<ImportRowError> errors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var column = header[i].Trim().ToLowerInvariant().Replace(' ', '_');
            if (!Columns.Contains(column))
            {
                errors.Add(new ImportRowError(1, header[i], $"Unknown column '{header[i]}'. Known columns: {string.Join(", ", Columns)}."));
            }
            else if (!index.TryAdd(column, i))
            {
                errors.Add(new ImportRowError(1, column, $"Column '{column}' appears twice."));
            }
        }

        foreach (var required in new[] { "platform", "username" }.Where(c => !index.ContainsKey(c)))
        {
            errors.Add(new ImportRowError(1, required, $"Column '{required}' is required."));
        }

        return index;
    }

    /// <param name="cell">A cell's text by column name; null when the file has no such column.</param>
    private static CreatorImportRow ReadRow(int rowNumber, Func<string, string?> cell, FieldErrors errors)
    {
        var fields = new HashSet<ProfileField>();
        string? Profile(string column, ProfileField field)
        {
            var value = cell(column);
            if (value is not null)
            {
                fields.Add(field);
            }

            return string.IsNullOrEmpty(value) ? null : value;
        }

        var values = new SocialProfileDraft(
            // Platform and username identify the profile, so they are never among the fields a re-import changes:
            // "@Anna" in a file finds "anna" and keeps the spelling on record.
            CreatorFields.Platform(cell("platform"), errors, "platform") ?? "",
            CreatorFields.Username(cell("username"), errors, "username") ?? "",
            CreatorFields.Followers(Whole(Profile("followers_declared", ProfileField.FollowersDeclared), "followers_declared", errors), errors, "followers_declared"),
            CreatorFields.EngagementRate(Rate(Profile("engagement_rate_declared", ProfileField.EngagementRateDeclared), errors), errors, "engagement_rate_declared"),
            CreatorFields.Niches(Profile("niches", ProfileField.Niches)?.Split(NicheSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), errors, "niches"),
            CreatorFields.Location(Profile("location", ProfileField.Location), errors, "location"),
            CreatorFields.Bio(Profile("bio", ProfileField.Bio), errors, "bio"),
            CreatorFields.Count(Whole(Profile("following_count", ProfileField.FollowingCount), "following_count", errors), errors, "following_count"),
            CreatorFields.Count(Whole(Profile("posts_count", ProfileField.PostsCount), "posts_count", errors), errors, "posts_count"));

        var name = cell("name") is { Length: > 0 } given ? CreatorFields.Name(given, errors) : null;
        return new CreatorImportRow(
            rowNumber,
            CreatorId(cell("creator_id"), errors),
            name,
            CreatorFields.Email(cell("email"), errors),
            Flag(cell("is_active"), errors),
            values,
            fields);
    }

    private static long? Whole(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(field, $"Expected a whole number, got '{text}'.");
        return null;
    }

    private static decimal? Rate(string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (CreatorFields.TryParseRate(text, out var rate))
        {
            return rate;
        }

        errors.Add("engagement_rate_declared", $"Expected a fraction such as 0.035 or a percentage such as 3.5%, got '{text}'.");
        return null;
    }

    private static Guid? CreatorId(string? text, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        errors.Add("creator_id", $"Expected a creator id, got '{text}'.");
        return null;
    }

    private static bool? Flag(string? text, FieldErrors errors)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "":
                return null;
            case "true" or "yes" or "1":
                return true;
            case "false" or "no" or "0":
                return false;
            default:
                errors.Add("is_active", $"Expected true or false, got '{text}'.");
                return null;
        }
    }
}
