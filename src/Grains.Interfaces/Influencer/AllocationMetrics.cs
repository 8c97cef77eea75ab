
namespace Campaigns.Influencer;

/// <summary>An allocation's results over its campaign posts (the seed's stage 6 columns of <c>campaign_allocations</c>).</summary>
/// <param name="Reach">Sum of the reach of posts that have one.</param>
/// <param name="Engagement">Sum of likes + comments + shares, unknown counts taken as 0.</param>
/// <param name="AvgEngagementRate">Mean engagement rate (a ratio) of posts whose rate is above 0; 0 when none.</param>
/// <param name="Conversions">Always 0 until tracking events exist; see <see cref="ConversionsTracked"/>.</param>
/// <param name="Ctr">Always 0 until tracking events exist; see <see cref="ConversionsTracked"/>.</param>
/// <param name="ConversionsTracked">
/// False while the product records no click or conversion events, so a reader knows the zeros mean "not measured".
/// </param>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationMetrics")]
public sealed record AllocationMetrics(
    [property: Id(0)] long Reach,
    [property: Id(1)] long Engagement,
    [property: Id(2)] long Conversions,
    [property: Id(3)] double Ctr,
    [property: Id(4)] double AvgEngagementRate,
    [property: Id(5)] int PostsCount,
    [property: Id(6)] DateTimeOffset? LastCollectedAt,
    [property: Id(7)] bool ConversionsTracked)
{
    /// <summary>A new allocation's metrics: nothing collected yet.</summary>
    public static AllocationMetrics None { get; } = new(0, 0, 0, 0, 0, 0, null, false);
}
