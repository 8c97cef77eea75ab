using System.Text.RegularExpressions;

namespace Campaigns.Influencer;

/// <summary>The matches of an expression that has a time limit, up to the limit.</summary>
public static class BoundedMatches
{
    /// <summary>
    /// Every match when the expression finishes in time; otherwise the ones found before its limit, never an exception:
    /// text from outside (a post caption) must not fail the work that carries it.
    /// </summary>
    public static List<Match> Of(Regex expression, string text)
    {
        var found = new List<Match>();
        try
        {
            foreach (Match match in expression.Matches(text))
            {
                found.Add(match);
            }
        }
        catch (RegexMatchTimeoutException)
        {
        }

        return found;
    }
}
