using System.Text;

namespace Campaigns.Outreach;

/// <summary>
/// Outreach message templates: <c>{{contact.first_name}}</c>, <c>{{contact.last_name}}</c>, <c>{{company.name}}</c> and
/// <c>{{ai.personalize}}</c>, whitespace inside the braces tolerated, names case-insensitive.
/// </summary>
/// <remarks>
/// Rendering is one pass over the template: substituted values are never read again, so a contact named
/// "{{company.name}}" stays literally that. A missing value renders empty and takes one neighbouring space with it,
/// so "Hi {{contact.first_name}}, …" becomes "Hi, …" rather than "Hi , …" and no doubled space appears.
/// <c>{{ai.personalize}}</c> stands in for AI personalisation (docs/domain/outreach.md#templates-and-placeholders):
/// a fixed text from configuration (<c>Outreach__AiPersonalizeText</c>,
/// empty by default, so the placeholder vanishes until an AI service exists).
/// </remarks>
public static class OutreachTemplateRenderer
{
    /// <summary>Telegram's limit for one text message; longer templates are refused at save time.</summary>
    public const int MaxLength = 4096;

    public const string FirstName = "contact.first_name";
    public const string LastName = "contact.last_name";
    public const string CompanyName = "company.name";
    public const string AiPersonalize = "ai.personalize";

    public static readonly IReadOnlyList<string> Known = [FirstName, LastName, CompanyName, AiPersonalize];

    /// <summary>The placeholders of <paramref name="content"/> this renderer does not know, as written (trimmed), each once.</summary>
    public static IReadOnlyList<string> Validate(string content) =>
        Names(content).Where(name => Canonical(name) is null).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The known placeholders <paramref name="content"/> uses, in canonical spelling, each once, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string content) =>
        Names(content).Select(Canonical).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    public static string Render(string content, ContactFacts contact, string aiPersonalizeText)
    {
        var output = new StringBuilder(content.Length);
        var skipLeadingSpaces = false;
        var position = 0;
        foreach (var match in PlaceholderScanner.Matches(content))
        {
            AppendLiteral(output, content.AsSpan(position, match.Index - position), ref skipLeadingSpaces);
            position = match.Index + match.Length;
            var name = match.Name;
            var canonical = Canonical(name);
            if (canonical is null)
            {
                // Unknown placeholders are refused at save time; one that slipped through is left as written.
                AppendLiteral(output, content.AsSpan(match.Index, match.Length), ref skipLeadingSpaces);
                continue;
            }

            var value = (canonical switch
            {
                FirstName => contact.FirstName,
                LastName => contact.LastName,
                CompanyName => contact.CompanyName,
                _ => aiPersonalizeText,
            })?.Trim() ?? "";
            if (value.Length > 0)
            {
                AppendLiteral(output, value, ref skipLeadingSpaces);
                continue;
            }

            var next = position < content.Length ? content[position] : '\n';
            var previousIsSpace = output.Length > 0 && IsSpace(output[^1]);
            var atLineStart = output.Length == 0 || output[^1] == '\n';
            if (previousIsSpace && (IsSpace(next) || IsClosing(next)))
            {
                TrimTrailingSpaces(output);
                if (output.Length == 0 || output[^1] == '\n')
                {
                    skipLeadingSpaces = true;
                }
            }
            else if (atLineStart && IsSpace(next))
            {
                skipLeadingSpaces = true;
            }
        }

        AppendLiteral(output, content.AsSpan(position), ref skipLeadingSpaces);
        return output.ToString();
    }

    private static void AppendLiteral(StringBuilder output, ReadOnlySpan<char> text, ref bool skipLeadingSpaces)
    {
        if (skipLeadingSpaces)
        {
            var start = 0;
            while (start < text.Length && IsSpace(text[start]))
            {
                start++;
            }

            text = text[start..];
            if (text.Length == 0)
            {
                return;
            }

            skipLeadingSpaces = false;
        }

        output.Append(text);
    }

    private static IEnumerable<string> Names(string content) =>
        PlaceholderScanner.Matches(content).Select(m => m.Name);

    private static string? Canonical(string name) =>
        Known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    private static bool IsSpace(char c) => c is ' ' or '\t';

    /// <summary>Characters that close a phrase: a space before them, left by an empty value, is dropped.</summary>
    private static bool IsClosing(char c) => c is '\n' or '\r' or ',' or '.' or '!' or '?' or ';' or ':' or ')';

    private static void TrimTrailingSpaces(StringBuilder output)
    {
        while (output.Length > 0 && IsSpace(output[^1]))
        {
            output.Length--;
        }
    }
}
