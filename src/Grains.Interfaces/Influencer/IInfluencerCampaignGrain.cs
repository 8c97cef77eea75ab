namespace Campaigns.Influencer;

/// <summary>An influencer campaign's own behaviour, keyed by the campaign id: activation, its allocations and declines.</summary>
/// <remarks>Every call carries the caller's organization; a campaign of another organization answers NotFound.</remarks>
[Alias("campaigns.IInfluencerCampaignGrain")]
public interface IInfluencerCampaignGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Selects up to <paramref name="maxCreators"/> creators, allocates the budget, queues their first scrapes and makes
    /// the campaign active (docs/ARCHITECTURE.md, "Where a new campaign kind plugs in").
    /// </summary>
    [Alias("Activate")]
    Task<ActivationResult> Activate(Guid organizationId, int maxCreators);

    [Alias("ListAllocations")]
    Task<AllocationPageResult> ListAllocations(Guid organizationId, Guid? after, int limit);

    /// <summary>The creator declined: the allocation ends and its budget goes to the next matching creator, if any.</summary>
    [Alias("DeclineAllocation")]
    Task<DeclineResult> DeclineAllocation(Guid organizationId, Guid allocationId, string? reason);
}
