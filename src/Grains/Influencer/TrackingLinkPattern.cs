using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Campaigns.Influencer;

/// <summary>
/// A campaign's tracking-link pattern, compiled once and tested against every link of a post.
/// </summary>
/// <remarks>
/// Syntax, chosen so a brand can paste its link as is:
/// <list type="bullet">
/// <item>The scheme is ignored (<c>http</c>, <c>https</c> or none match alike), and so is a leading <c>www.</c> and a port.</item>
/// <item>The host compares case-insensitively and whole: <c>brand.com</c> does not match <c>notbrand.com</c>.
/// A leading <c>*.</c> means "this domain or any subdomain".</item>
/// <item>Path, query and fragment compare case-sensitively, because shorteners and promo codes
/// (<c>bit.ly/AbC</c> vs <c>bit.ly/abc</c>) are different links.</item>
/// <item><c>*</c> matches any run of characters (within the host: within one host).</item>
/// <item>A link may go on after the pattern with a new path segment, query or fragment: <c>brand.com/go</c> matches
/// <c>brand.com/go?utm_source=ig</c> and <c>brand.com/go/anna</c> but not <c>brand.com/gone</c>. A pattern ending in
/// <c>?</c>, <c>&amp;</c>, <c>=</c> or <c>#</c> accepts anything after it.</item>
/// </list>
/// Matching runs on .NET's non-backtracking engine, so a pattern typed by a user cannot make it slow.
/// </remarks>
public sealed partial class TrackingLinkPattern
{
    private readonly Regex regex;

    private TrackingLinkPattern(string pattern, Regex regex)
    {
        Pattern = pattern;
        this.regex = regex;
    }

    public string Pattern { get; }

    public static TrackingLinkPattern Parse(string pattern) =>
        TryParse(pattern, out var parsed, out var error) ? parsed : throw new FormatException(error);

    public static bool TryParse(
        string? pattern,
        [NotNullWhen(true)] out TrackingLinkPattern? parsed,
        [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        var trimmed = pattern?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Any(char.IsWhiteSpace))
        {
            error = "A tracking link pattern is a link without spaces, such as 'brand.com/go' or 'bit.ly/brand-*'.";
            return false;
        }

        var (host, rest) = SplitCanonical(trimmed);
        if (!host.Any(c => c != '*' && c != '.'))
        {
            error = "A tracking link pattern needs a host, such as 'brand.com'; '*' alone would match every link.";
            return false;
        }

        parsed = new TrackingLinkPattern(trimmed, new Regex(
            "^" + HostExpression(host) + RestExpression(rest) + "$",
            RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
        error = null;
        return true;
    }

    public bool Matches(string link)
    {
        var (host, rest) = SplitCanonical(link.Trim());
        return host.Length > 0 && regex.IsMatch(host + rest);
    }

    /// <summary>A link without scheme, port and <c>www.</c>, its host lower-cased, split into host and the rest.</summary>
    private static (string Host, string Tail) SplitCanonical(string link)
    {
        var withoutScheme = Scheme().Replace(link, "", 1);
        var hostEnd = withoutScheme.IndexOfAny(['/', '?', '#']);
        var host = hostEnd < 0 ? withoutScheme : withoutScheme[..hostEnd];
        var rest = hostEnd < 0 ? "" : withoutScheme[hostEnd..];

        var port = host.LastIndexOf(':');
        if (port >= 0 && host[(port + 1)..].All(char.IsAsciiDigit))
        {
            host = host[..port];
        }

        host = host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        return (host, rest);
    }

    private static string HostExpression(string host) =>
        host.StartsWith("*.", StringComparison.Ordinal)
            ? @"(?:[^/?#]*\.)?" + Glob(host[2..], "[^/?#]*")
            : Glob(host, "[^/?#]*");

    private static string RestExpression(string rest)
    {
        const string continuation = "(?:[/?#].*)?";
        if (rest.EndsWith('*'))
        {
            return Glob(rest, ".*");
        }

        if (rest.Length > 0 && "?&=#".Contains(rest[^1]))
        {
            return Glob(rest, ".*") + ".*";
        }

        // A trailing slash is dropped so 'brand.com/go/' also matches 'brand.com/go'.
        return Glob(rest.TrimEnd('/'), ".*") + continuation;
    }

    private static string Glob(string text, string star) =>
        string.Join(star, text.Split('*').Select(part => Regex.Escape(part)));

    [GeneratedRegex("^[a-z][a-z0-9+.-]*://", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();
}
