
namespace Campaigns.Influencer;

/// <summary>A new allocation: the campaign's pick of a creator and the budget it gives them.</summary>
/// <param name="Position">Its place in the campaign's list: selection rank, then replacements in the order made.</param>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationDraft")]
public sealed record AllocationDraft(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] CreatorCandidate Creator,
    [property: Id(2)] long Budget,
    [property: Id(3)] CampaignSnapshot Campaign,
    [property: Id(4)] int Position);
