
namespace Campaigns.AbTesting;

/// <summary>
/// Whether a report names a winner. In order: a sample-ratio mismatch makes every number suspect; every variant must
/// have its minimum sample; then the best treatment significantly better than the control wins, or the control wins when
/// every treatment is significantly worse; anything else is not significant yet.
/// </summary>
public sealed record WinnerDecision(VariantReport? Winner, string? Reason, string Message)
{
    public const string SampleRatioMismatch = "sample_ratio_mismatch";
    public const string InsufficientSample = "insufficient_sample";
    public const string NotSignificant = "not_significant";

    public static WinnerDecision Decide(AbTestReport report)
    {
        if (report.SampleRatio.Mismatch)
        {
            return new(null, SampleRatioMismatch,
                $"Impressions do not match the traffic weights (chi-square p = {report.SampleRatio.PValue:G3} < {Statistics.SampleRatioCheck.Threshold}); check assignment and tracking before trusting any result.");
        }

        var shortOfSample = report.Variants.Where(v => !v.Sample.Reached).Select(v => v.Name).ToList();
        if (shortOfSample.Count > 0)
        {
            return new(null, InsufficientSample, $"Not every variant has its minimum sample yet: {string.Join(", ", shortOfSample)}.");
        }

        var treatments = report.Variants.Where(v => !v.IsControl).ToList();
        var better = treatments
            .Where(v => v.VsControl is { Significant: true, AbsoluteLift: > 0 })
            .OrderByDescending(v => v.Rate)
            .FirstOrDefault();
        if (better is not null)
        {
            return new(better, null, $"'{better.Name}' beats the control significantly.");
        }

        if (treatments.All(v => v.VsControl is { Significant: true, AbsoluteLift: < 0 }))
        {
            var control = report.Variants.First(v => v.IsControl);
            return new(control, null, $"The control '{control.Name}' beats every other variant significantly.");
        }

        return new(null, NotSignificant,
            $"No difference of the primary metric is significant at the {report.ConfidenceLevel:P0} confidence level yet.");
    }
}
