
namespace Campaigns.Influencer;

/// <summary>Influencer campaign settings, bound from the configuration section <c>Influencer</c>.</summary>
public sealed class InfluencerOptions
{
    public const string SectionName = "Influencer";

    /// <summary>How often an accepted allocation re-scrapes its creator's posts (12 hours by default, docs/domain/influencer.md#monitoring).</summary>
    public TimeSpan MonitorPeriod { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How often an active influencer campaign with an end date checks whether that date has passed, to complete
    /// itself. Checking rather than waking once at the end keeps an edited end date and a missed tick harmless.
    /// </summary>
    public TimeSpan EndCheckPeriod { get; set; } = TimeSpan.FromHours(1);
}
