using System.Text;
using System.Text.RegularExpressions;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// Which tables a piece of SQL changes: <c>INSERT INTO</c> (with or without <c>ON CONFLICT</c>), <c>UPDATE … SET</c>,
/// <c>DELETE FROM</c>, <c>MERGE INTO</c>, <c>COPY … FROM</c> and <c>TRUNCATE</c>, wherever they stand (data-modifying CTEs
/// included), and calls of the SQL functions in sql/ that change tables. Reads text, not a parse tree: enough for the
/// one-writer rule (docs/ARCHITECTURE.md, "One writer per table"), which only needs names.
/// </summary>
public static partial class SqlWrites
{
    private const string Name = """(?:"?[a-z_][a-z0-9_$]*"?\.)?"?([a-z_][a-z0-9_$]*)"?""";

    /// <summary>The tables the SQL changes; <paramref name="functions"/> maps a function's name to the tables it changes.</summary>
    public static IReadOnlySet<string> Tables(string sql, IReadOnlyDictionary<string, IReadOnlySet<string>>? functions = null)
    {
        var text = LineComment().Replace(sql, " ");
        var tables = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in new[] { Insert(), Update(), Delete(), Merge(), Copy(), Truncate() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                tables.Add(match.Groups[1].Value.ToLowerInvariant());
            }
        }

        foreach (Match call in Call().Matches(text))
        {
            if (functions is not null && functions.TryGetValue(call.Groups[1].Value.ToLowerInvariant(), out var changed))
            {
                tables.UnionWith(changed);
            }
        }

        return tables;
    }

    /// <summary>
    /// The functions the migrations define and the tables each changes, the last definition of a name winning (as
    /// <c>CREATE OR REPLACE</c> does), with what the functions it calls change.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Functions(IEnumerable<string> migrationsInOrder)
    {
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var migration in migrationsInOrder)
        {
            foreach (Match definition in FunctionDefinition().Matches(migration))
            {
                bodies[definition.Groups[1].Value.ToLowerInvariant()] = definition.Groups[3].Value;
            }
        }

        var writes = bodies.ToDictionary(b => b.Key, b => (IReadOnlySet<string>)Tables(b.Value), StringComparer.Ordinal);
        // A function calling another inherits what that one changes; repeat until nothing grows (call chains are short).
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (name, body) in bodies)
            {
                var all = Tables(body, writes);
                if (all.Count > writes[name].Count)
                {
                    writes[name] = all;
                    changed = true;
                }
            }
        }

        return writes.Where(w => w.Value.Count > 0).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\bINSERT\s+INTO\s+" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex Insert();

    // Not ON CONFLICT … DO UPDATE SET (the insert's own table) nor SELECT … FOR [NO KEY] UPDATE (a lock).
    [GeneratedRegex(@"(?<!\bDO\s+)(?<!\bFOR\s+)(?<!\bKEY\s+)\bUPDATE\s+(?:ONLY\s+)?" + Name + @"(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?\s+SET\b", RegexOptions.IgnoreCase)]
    private static partial Regex Update();

    [GeneratedRegex(@"\bDELETE\s+FROM\s+(?:ONLY\s+)?" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex Delete();

    [GeneratedRegex(@"\bMERGE\s+INTO\s+(?:ONLY\s+)?" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex Merge();

    [GeneratedRegex(@"\bCOPY\s+" + Name + @"\s*(?:\([^)]*\))?\s*FROM\b", RegexOptions.IgnoreCase)]
    private static partial Regex Copy();

    [GeneratedRegex(@"\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex Truncate();

    [GeneratedRegex(@"\b([a-z_][a-z0-9_]*)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Call();

    // CREATE [OR REPLACE] FUNCTION name(…) … AS $tag$ body $tag$
    [GeneratedRegex(@"\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE)\s+(?:[a-z_][a-z0-9_]*\.)?([a-z_][a-z0-9_]*)\s*\(.*?(\$[a-z_]*\$)(.*?)\2", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FunctionDefinition();
}

/// <summary>
/// The text of a C# file's string literals (regular, verbatim, raw and interpolated), joined with spaces so a statement
/// split over concatenated literals reads as one, without comments: an XML doc saying "INSERT … ON CONFLICT" is no write.
/// </summary>
public static class CSharpLiterals
{
    public static string Of(string source)
    {
        var text = new StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '/' && At(source, i + 1) == '/')
            {
                i = source.IndexOf('\n', i) is var end and >= 0 ? end : source.Length;
            }
            else if (c == '/' && At(source, i + 1) == '*')
            {
                i = source.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : source.Length;
            }
            else if (c == '\'')
            {
                i = SkipChar(source, i);
            }
            else if (StringStart(source, i) is var start and >= 0)
            {
                i = ReadString(source, i, start, text);
                text.Append(' ');
            }
            else
            {
                i++;
            }
        }

        return text.ToString();
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    /// <summary>The index of the opening quote when a literal (with its $ and @ prefixes) starts at i, else -1.</summary>
    private static int StringStart(string s, int i)
    {
        if (i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_') && s[i] != '"')
        {
            return -1;
        }

        var j = i;
        while (j < s.Length && (s[j] == '$' || s[j] == '@'))
        {
            j++;
        }

        return At(s, j) == '"' ? j : -1;
    }

    private static int SkipChar(string s, int i)
    {
        var j = i + 1;
        if (At(s, j) == '\\')
        {
            j++;
        }

        var close = s.IndexOf('\'', j + 1);
        return close >= 0 && close - i <= 10 ? close + 1 : i + 1;
    }

    private static int ReadString(string s, int prefixStart, int quote, StringBuilder text)
    {
        var prefix = s[prefixStart..quote];
        var quotes = 0;
        while (At(s, quote + quotes) == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            var delimiter = new string('"', quotes);
            var end = s.IndexOf(delimiter, quote + quotes, StringComparison.Ordinal);
            end = end < 0 ? s.Length : end;
            text.Append(s, quote + quotes, end - quote - quotes);
            return Math.Min(s.Length, end + quotes);
        }

        if (quotes == 2)
        {
            return quote + 2; // ""
        }

        var verbatim = prefix.Contains('@');
        var interpolated = prefix.Contains('$');
        var i = quote + 1;
        while (i < s.Length)
        {
            var c = s[i];
            if (verbatim && c == '"' && At(s, i + 1) == '"')
            {
                text.Append('"');
                i += 2;
            }
            else if (c == '"')
            {
                return i + 1;
            }
            else if (!verbatim && c == '\\')
            {
                text.Append(At(s, i + 1));
                i += 2;
            }
            else if (interpolated && c == '{' && At(s, i + 1) != '{')
            {
                i = SkipHole(s, i + 1);
                text.Append("{…}");
            }
            else if (interpolated && (c == '{' || c == '}') && At(s, i + 1) == c)
            {
                text.Append(c);
                i += 2;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return i;
    }

    /// <summary>Past the closing brace of an interpolation hole, stepping over the literals inside it.</summary>
    private static int SkipHole(string s, int i)
    {
        var depth = 1;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\'')
            {
                i = SkipChar(s, i);
                continue;
            }

            if (StringStart(s, i) is var start and >= 0)
            {
                i = ReadString(s, i, start, new StringBuilder());
                continue;
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            i++;
            if (depth == 0)
            {
                return i;
            }
        }

        return i;
    }
}
