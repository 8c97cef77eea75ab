using System.Globalization;

namespace Campaigns.Influencer;

/// <summary>
/// Profiles of the organization still passing after each criterion of the stage-2 selection, applied cumulatively in
/// this order. A criterion that is not set lets every profile through, so its count equals the one before it.
/// </summary>
public sealed record CandidateFunnel(long OnPlatforms, long InBand, long InLocation, long ActiveCreator, long WithFollowers, long NotExcluded);

/// <summary>
/// Says in plain English which criterion left an influencer campaign without creators, so the person activating it
/// knows what to relax: the funnel up to the first criterion nobody passed, mentioning only criteria that are set.
/// </summary>
public static class CandidateShortfall
{
    public static string Explain(CandidateCriteria criteria, CandidateFunnel funnel)
    {
        var stages = Stages(criteria, funnel).ToList();
        var parts = new List<string>();
        for (var i = 0; i < stages.Count; i++)
        {
            var (phrase, count) = stages[i];
            parts.Add((i, count) switch
            {
                (0, 0) => $"no profiles {phrase}",
                (0, _) => $"{Number(count)} {Profiles(count)} {phrase}",
                (_, 0) => $"none of those {phrase}",
                _ => $"{Number(count)} of them {phrase}",
            });
            if (count == 0)
            {
                break;
            }
        }

        var lead = stages[^1].Count == 0 ? "No creator matches this campaign" : "Creators match this campaign";
        return $"{lead}: {string.Join(", ", parts)}.";
    }

    private static IEnumerable<(string Phrase, long Count)> Stages(CandidateCriteria criteria, CandidateFunnel funnel)
    {
        yield return (criteria.Platforms.Count == 0 ? "on any platform" : "on " + string.Join(" or ", criteria.Platforms), funnel.OnPlatforms);
        if (criteria.AudienceSize is { } size)
        {
            yield return ($"in the {AudienceSizes.Name(size)} audience band ({Band(size)})", funnel.InBand);
        }

        if (!string.IsNullOrWhiteSpace(criteria.Location))
        {
            yield return ($"in a location matching '{criteria.Location.Trim()}'", funnel.InLocation);
        }

        // Always applied by the selection, so always part of the explanation.
        yield return ("whose creator is active", funnel.ActiveCreator);
        yield return ("with declared or verified followers", funnel.WithFollowers);
        if (criteria.ExcludedCreatorIds.Count > 0)
        {
            yield return ("whose creator this campaign has not allocated before (declines included)", funnel.NotExcluded);
        }
    }

    private static string Band(AudienceSize size) => AudienceSizes.Bounds(size) switch
    {
        (var min, { } maxExclusive) => $"{Number(min)}–{Number(maxExclusive - 1)} followers",
        (var min, null) => $"{Number(min)} or more followers",
    };

    private static string Profiles(long count) => count == 1 ? "profile" : "profiles";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
