using Campaigns.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.AbTesting;

public sealed class WinnerDecisionTests
{
    private static readonly Guid Control = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();

    private static AbTestSnapshot Snapshot(params (Guid Id, long Impressions, long Conversions)[] variants)
    {
        var views = variants.Select((v, i) => new AbVariantView(v.Id, $"v{i}", v.Id == Control, "{}", 1)).ToList();
        var test = new AbTestView(Guid.NewGuid(), Guid.NewGuid(), "t", AbTestStatus.Running, AbMetric.ConversionRate, 100, 0.95, false,
            views, null, DateTimeOffset.UtcNow, null);
        return new AbTestSnapshot(test, variants.ToDictionary(v => v.Id, v => new AbVariantCounts(v.Impressions, 0, v.Conversions, v.Conversions * 10m)));
    }

    private static WinnerDecision Decide(params (Guid, long, long)[] variants) =>
        WinnerDecision.Decide(AbTestAnalysis.Analyze(Snapshot(variants)));

    [Fact]
    public void A_significantly_better_treatment_with_its_sample_wins()
    {
        var decision = Decide((Control, 5_000, 250), (B, 5_000, 340));
        Assert.Equal(B, decision.Winner?.Id);
        Assert.Null(decision.Reason);
    }

    [Fact]
    public void Control_wins_when_every_treatment_is_significantly_worse() =>
        Assert.Equal(Control, Decide((Control, 5_000, 340), (B, 5_000, 250)).Winner?.Id);

    [Fact]
    public void No_winner_without_the_sample_or_the_significance_or_with_a_ratio_mismatch()
    {
        Assert.Equal(WinnerDecision.InsufficientSample, Decide((Control, 999, 100), (B, 1_000, 200)).Reason);
        Assert.Equal(WinnerDecision.InsufficientSample, Decide((Control, 5_000, 29), (B, 5_000, 200)).Reason);
        Assert.Equal(WinnerDecision.NotSignificant, Decide((Control, 5_000, 250), (B, 5_000, 260)).Reason);
        Assert.Equal(WinnerDecision.SampleRatioMismatch, Decide((Control, 5_000, 250), (B, 6_000, 400)).Reason);
    }

    [Fact]
    public void Three_variants_use_holm_adjusted_p_values()
    {
        var report = AbTestAnalysis.Analyze(Snapshot((Control, 5_000, 250), (B, 5_000, 300), (C, 5_000, 252)));
        Assert.True(report.MultipleComparisons);
        var b = report.Variants.Single(v => v.Id == B).VsControl!;
        var c = report.Variants.Single(v => v.Id == C).VsControl!;
        // Holm with two comparisons: the smaller p doubles, the larger is max(2·smaller, larger).
        Assert.Equal(Math.Min(1, 2 * b.PValue!.Value), b.AdjustedPValue!.Value, 15);
        Assert.Equal(Math.Max(b.AdjustedPValue.Value, c.PValue!.Value), c.AdjustedPValue!.Value, 15);
        Assert.Null(report.Variants.Single(v => v.Id == Control).VsControl);
    }

    [Fact]
    public void An_empty_test_reports_nulls_not_nan()
    {
        var report = AbTestAnalysis.Analyze(Snapshot((Control, 0, 0), (B, 0, 0)));
        Assert.All(report.Variants, v => Assert.Null(v.Rate));
        Assert.Equal("no_impressions", report.Variants.Single(v => v.Id == B).VsControl!.Reason);
        Assert.False(report.SampleRatio.Mismatch);
        Assert.Equal(WinnerDecision.InsufficientSample, WinnerDecision.Decide(report).Reason);
        var json = System.Text.Json.JsonSerializer.Serialize(report);
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
    }
}
