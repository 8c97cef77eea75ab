
namespace Campaigns.AbTesting.Statistics;

/// <summary>Successes out of trials, e.g. conversions out of impressions.</summary>
public readonly record struct Proportion(long Successes, long Trials)
{
    /// <summary>Null without trials, and when the data has more successes than trials (outcomes without exposures).</summary>
    public double? Rate => Trials > 0 && Successes <= Trials && Successes >= 0 ? (double)Successes / Trials : null;
}
