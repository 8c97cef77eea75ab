using System.Globalization;
using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using CsvHelper;
using CsvHelper.Configuration;

namespace Campaigns.Api.Outreach;

/// <summary>
/// Reads the <c>content</c> of <c>POST /api/campaigns/{id}/audience/from-csv</c>: RFC 4180 (quoted cells may hold
/// separators, quotes doubled, and line breaks), UTF-8 with or without a byte-order mark, separated by ',' or ';'
/// (whichever the first line has more of, outside quotes). Blank lines are skipped.
/// </summary>
/// <remarks>
/// With a header, columns are matched by name in any order and case: first_name, last_name, email, phone,
/// telegram_id, telegram_username (or username), company (or company_name); other columns are ignored. Without one,
/// the columns are, in this order: first_name, last_name, email, phone, telegram_id, telegram_username, company
/// (trailing ones may be left out). Each row needs a telegram_id, telegram_username or email to be matched by. Cells
/// follow the CRM's contact rules; a row with a bad cell is reported with the reasons and skipped, whole. Row numbers
/// count records (the header is row 1), not blank lines.
/// </remarks>
public static class OutreachCsv
{
    /// <summary>Under the host's 1 MiB request limit (which answers 413 beyond it), so a long file gets a 400 naming content.</summary>
    public const int MaxCharacters = 512 * 1024;
    public const int MaxRows = 10_000;

    public static readonly string[] Columns = ["first_name", "last_name", "email", "phone", "telegram_id", "telegram_username", "company"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first_name"] = "first_name", ["last_name"] = "last_name", ["email"] = "email", ["phone"] = "phone",
        ["telegram_id"] = "telegram_id", ["telegram_username"] = "telegram_username", ["username"] = "telegram_username",
        ["company"] = "company", ["company_name"] = "company",
    };

    /// <summary>The good rows and the bad rows' reasons; or a refusal of the whole file (limits, no usable header).</summary>
    public static (IReadOnlyList<AudienceRow> Rows, IReadOnlyList<AudienceRowError> Errors, string? Refusal) Read(string content, bool hasHeader)
    {
        if (content.Length > MaxCharacters)
        {
            return ([], [], $"content is larger than {MaxCharacters} characters; split the file.");
        }

        content = content.TrimStart('\uFEFF');
        var rows = new List<AudienceRow>();
        var errors = new List<AudienceRowError>();
        var malformed = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter(content),
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = _ => malformed = true,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(new StringReader(content), config);
        int[]? map = null;
        var record = 0;
        while (csv.Read())
        {
            var cells = csv.Parser.Record ?? [];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            record++;
            if (hasHeader && map is null)
            {
                map = new int[Columns.Length];
                Array.Fill(map, -1);
                for (var i = 0; i < cells.Length; i++)
                {
                    if (Aliases.TryGetValue(cells[i].Trim().Replace(' ', '_').Replace('-', '_'), out var column))
                    {
                        var index = Array.IndexOf(Columns, column);
                        if (map[index] >= 0)
                        {
                            return ([], [], $"The header names {column} twice.");
                        }

                        map[index] = i;
                    }
                }

                if (map[Array.IndexOf(Columns, "telegram_id")] < 0 && map[Array.IndexOf(Columns, "telegram_username")] < 0 && map[Array.IndexOf(Columns, "email")] < 0)
                {
                    return ([], [], $"The header has no telegram_id, telegram_username (username) or email column to match contacts by. Known columns: {string.Join(", ", Columns)}.");
                }

                continue;
            }

            if (rows.Count + errors.Count >= MaxRows)
            {
                return ([], [], $"The file has more than {MaxRows} rows; split it.");
            }

            if (malformed)
            {
                malformed = false;
                errors.Add(new AudienceRowError(record, "The row is not valid CSV (a quote inside an unquoted cell, or an unclosed quote)."));
                continue;
            }

            if (map is null && cells.Length > Columns.Length)
            {
                errors.Add(new AudienceRowError(record, $"The row has {cells.Length} cells; without a header the columns are {string.Join(", ", Columns)}."));
                continue;
            }

            var row = Row(record, column =>
            {
                var index = map is null ? Array.IndexOf(Columns, column) : map[Array.IndexOf(Columns, column)];
                return index >= 0 && index < cells.Length && !string.IsNullOrWhiteSpace(cells[index]) ? cells[index].Trim() : null;
            }, out var problems);
            if (row is null)
            {
                errors.Add(new AudienceRowError(record, problems));
            }
            else
            {
                rows.Add(row);
            }
        }

        if (record == 0 || (hasHeader && record == 1))
        {
            return ([], [], hasHeader ? "The file has no rows after its header." : "The file is empty.");
        }

        return (rows, errors, null);
    }

    private static AudienceRow? Row(int record, Func<string, string?> cell, out string problems)
    {
        var errors = new FieldErrors();
        var firstName = CrmFields.OptionalName(cell("first_name"), errors, "first_name");
        var lastName = CrmFields.OptionalName(cell("last_name"), errors, "last_name");
        var email = CrmFields.Email(cell("email"), errors);
        var phone = CrmFields.Phone(cell("phone"), errors);
        long? telegramId = cell("telegram_id") is { } id ? CrmFields.TelegramId(JsonSerializer.SerializeToElement(id), errors) : null;
        var username = CrmFields.TelegramUsername(cell("telegram_username"), errors);
        var company = CrmFields.OptionalName(cell("company"), errors, "company");
        if (!errors.Any && telegramId is null && username is null && email is null)
        {
            errors.Add("row", "The row has no telegram_id, telegram_username or email to find or create the contact by.");
        }

        problems = string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value));
        return errors.Any ? null : new AudienceRow(record, firstName, lastName, email, phone, telegramId, username, company);
    }

    /// <summary>';' when the first line has more of them than ',' outside quotes (spreadsheets in many locales), else ','.</summary>
    private static string Delimiter(string content)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in content)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                if (commas + semicolons > 0)
                {
                    break;
                }
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ";" : ",";
    }
}
