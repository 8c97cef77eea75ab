using System.Text.RegularExpressions;

namespace Campaigns.Influencer;

/// <summary>
/// Finds hashtags, mentions and links in free post text, and folds tags to the form matching compares.
/// </summary>
/// <remarks>
/// A tag is a whole token: it starts after a non-word character and runs over letters, combining marks, digits and
/// <c>_</c> in any script, so <c>#бренд</c> is a tag and <c>#brandnew</c> is never <c>#brand</c>. Mentions may contain
/// dots, as Instagram handles do; a dot closing a sentence is not part of the handle.
/// </remarks>
public static partial class CaptionTokens
{
    public static IEnumerable<string> Hashtags(string? text) =>
        string.IsNullOrEmpty(text) ? [] : BoundedMatches.Of(HashtagToken(), text).Select(m => m.Groups["tag"].Value);

    public static IEnumerable<string> Mentions(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : BoundedMatches.Of(MentionToken(), text).Select(m => m.Groups["handle"].Value.TrimEnd('.')).Where(h => h.Length > 0);

    /// <summary>Links written in the text, with or without a scheme (<c>brand.com/go</c> counts), minus closing punctuation.</summary>
    public static IEnumerable<string> Links(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : BoundedMatches.Of(LinkToken(), text).Select(m => m.Value.TrimEnd(TrailingPunctuation)).Where(l => l.Length > 0);

    /// <summary>
    /// The comparison key of a hashtag or handle: without its leading markers (<c>#</c>, <c>@</c>), trimmed and
    /// lower-cased in every script. There is no Unicode normalisation: the hosts run with invariant globalization,
    /// where it does nothing, so a decomposed <c>é</c> (e + U+0301) stays different from a composed one.
    /// </summary>
    public static string Fold(string tag) => tag.Trim().TrimStart('#', '@').Trim().ToLowerInvariant();

    /// <summary>
    /// Tags from several sources as one list without markers, each tag once (first spelling kept), empty ones dropped.
    /// </summary>
    public static IReadOnlyList<string> Merge(params IEnumerable<string>[] sources)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merged = new List<string>();
        foreach (var tag in sources.SelectMany(source => source))
        {
            var bare = tag.Trim().TrimStart('#', '@').Trim();
            if (bare.Length > 0 && seen.Add(Fold(bare)))
            {
                merged.Add(bare);
            }
        }

        return merged;
    }

    /// <summary>
    /// Captions come from anyone's posts: each expression has a time limit, and a caption that takes longer to read
    /// contributes the tokens found until then rather than stalling the scrape that carries it (<see cref="BoundedMatches"/>).
    /// </summary>
    private const int MatchTimeoutMilliseconds = 2_000;

    private static readonly char[] TrailingPunctuation = ['.', ',', ';', ':', '!', '?', ')', ']', '}', '»', '"', '\'', '…'];

    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{N}_&#])#(?<tag>[\p{L}\p{M}\p{N}_]+)", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex HashtagToken();

    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{N}_.@])@(?<handle>[\p{L}\p{M}\p{N}_.]+)", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex MentionToken();

    // Either an explicit link (scheme or www.) or a bare host with a letters-only top-level domain and an optional path.
    // The look-behind keeps e-mail addresses, handles and hashtags from being read as hosts.
    [GeneratedRegex(
        @"(?:https?://|www\.)[^\s<>""']+" +
        @"|(?<![\p{L}\p{M}\p{N}_@#./-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?:[/?#][^\s<>""']*)?",
        RegexOptions.IgnoreCase, MatchTimeoutMilliseconds)]
    private static partial Regex LinkToken();
}
