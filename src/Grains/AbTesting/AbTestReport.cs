using Campaigns.AbTesting.Statistics;

namespace Campaigns.AbTesting;

/// <summary>The results of an A/B test at one moment: counts, rates and every variant's comparison with the control.</summary>
/// <param name="MultipleComparisons">More than one treatment: p-values are Holm–Bonferroni adjusted before deciding significance.</param>
public sealed record AbTestReport(
    Guid TestId,
    AbTestStatus Status,
    AbMetric PrimaryMetric,
    double ConfidenceLevel,
    bool MultipleComparisons,
    IReadOnlyList<VariantReport> Variants,
    SampleRatioCheck SampleRatio,
    Guid? WinnerVariantId);

/// <param name="Rate">The primary metric's rate; null without impressions.</param>
/// <param name="VsControl">Null for the control itself.</param>
public sealed record VariantReport(
    Guid Id,
    string Name,
    bool IsControl,
    double Weight,
    long Impressions,
    long Clicks,
    long Conversions,
    decimal Revenue,
    double? Rate,
    double? ClickThroughRate,
    double? ConversionRate,
    SampleProgress Sample,
    ComparisonReport? VsControl);

public sealed record ComparisonReport(
    double? AbsoluteLift,
    double? RelativeLift,
    ConfidenceInterval? ConfidenceInterval,
    double? Z,
    double? PValue,
    double? AdjustedPValue,
    bool Significant,
    string? Reason);

/// <summary>The unpooled Wald interval of the rate difference (treatment − control).</summary>
public sealed record ConfidenceInterval(double Low, double High, double Level);
