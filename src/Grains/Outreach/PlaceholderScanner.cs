
namespace Campaigns.Outreach;

/// <summary>One <c>{{ name }}</c> in a template: where it stands and the name inside, without surrounding whitespace.</summary>
public readonly record struct PlaceholderMatch(int Index, int Length, string Name);

/// <summary>
/// Finds the placeholders of a template in one pass, in time linear in its length. A placeholder is <c>{{</c>, then any
/// text without <c>{</c> or <c>}</c>, then <c>}}</c>; the name is that text trimmed of whitespace. A regular expression
/// saying the same (<c>\{\{\s*([^{}]*?)\s*\}\}</c>) backtracks cubically on <c>{{</c> followed by many spaces, and a
/// template is rendered on every send and preview, so templates are scanned instead (docs/ARCHITECTURE.md).
/// </summary>
public static class PlaceholderScanner
{
    public static IEnumerable<PlaceholderMatch> Matches(string content)
    {
        var start = 0;
        while (start < content.Length - 1)
        {
            var open = content.IndexOf("{{", start, StringComparison.Ordinal);
            if (open < 0)
            {
                yield break;
            }

            var inner = open + 2;
            var brace = content.AsSpan(inner).IndexOfAny('{', '}');
            if (brace >= 0 && inner + brace + 1 < content.Length && content[inner + brace] == '}' && content[inner + brace + 1] == '}')
            {
                var end = inner + brace + 2;
                yield return new PlaceholderMatch(open, end - open, content.AsSpan(inner, brace).Trim().ToString());
                start = end;
            }
            else
            {
                // No placeholder opens here; one may open at the next character ("{{{name}}").
                start = open + 1;
            }
        }
    }
}
