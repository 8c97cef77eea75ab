
namespace Campaigns.AbTesting;

/// <summary>A/B test settings, bound from the configuration section <c>AbTests</c>.</summary>
public sealed class AbTestOptions
{
    public const string SectionName = "AbTests";

    /// <summary>How often a test with <c>auto_apply_winner</c> checks whether it has a winner to apply.</summary>
    public TimeSpan AutoApplyCheckPeriod { get; set; } = TimeSpan.FromHours(1);
}
