
namespace Campaigns.AbTesting;

/// <summary>What an A/B test grain persists; the counts are not here but in <c>ab_test_events</c>, rebuilt on activation.</summary>
[GenerateSerializer, Alias("campaigns.AbTestState")]
public sealed class AbTestState
{
    [Id(0)] public Guid OrganizationId { get; set; }
    [Id(1)] public Guid CampaignId { get; set; }
    [Id(2)] public string Name { get; set; } = "";
    [Id(3)] public AbTestStatus Status { get; set; }
    [Id(4)] public AbMetric PrimaryMetric { get; set; }
    [Id(5)] public long MinSampleSize { get; set; }
    [Id(6)] public double ConfidenceLevel { get; set; }
    [Id(7)] public bool AutoApplyWinner { get; set; }
    [Id(8)] public List<AbVariantView> Variants { get; set; } = [];
    [Id(9)] public Guid? WinnerVariantId { get; set; }
    [Id(10)] public DateTimeOffset CreatedAt { get; set; }
    [Id(11)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(12)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped on every change; guards the listing row against stale writes.</summary>
    [Id(13)] public long Version { get; set; }

    public AbTestView ToView(Guid id) => new(
        id, CampaignId, Name, Status, PrimaryMetric, MinSampleSize, ConfidenceLevel, AutoApplyWinner, Variants,
        WinnerVariantId, CreatedAt, CompletedAt);
}
