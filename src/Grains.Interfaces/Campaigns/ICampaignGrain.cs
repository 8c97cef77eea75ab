
namespace Campaigns.Campaigns;

/// <summary>One campaign's common core: the consistency boundary for its fields and lifecycle.</summary>
/// <remarks>Every call carries the caller's organization; a campaign of another organization answers NotFound.</remarks>
[Alias("campaigns.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<CampaignResult> Create(Guid organizationId, CampaignDraft draft);

    [Alias("Get")]
    Task<CampaignResult> Get(Guid organizationId);

    [Alias("Update")]
    Task<CampaignResult> Update(Guid organizationId, CampaignChanges changes);

    [Alias("Transition")]
    Task<CampaignResult> Transition(Guid organizationId, CampaignTransitionRequest request);

    [Alias("Delete")]
    Task<CampaignResult> Delete(Guid organizationId);

    /// <summary>
    /// Influencer campaigns (seed stage 2): selects up to <paramref name="maxCreators"/> creators, allocates the budget,
    /// queues their first scrapes and makes the campaign active.
    /// </summary>
    [Alias("Activate")]
    Task<Influencer.ActivationResult> Activate(Guid organizationId, int maxCreators);

    [Alias("ListAllocations")]
    Task<Influencer.AllocationPageResult> ListAllocations(Guid organizationId, Guid? after, int limit);

    /// <summary>The creator declined: the allocation ends and its budget goes to the next matching creator, if any.</summary>
    [Alias("DeclineAllocation")]
    Task<Influencer.DeclineResult> DeclineAllocation(Guid organizationId, Guid allocationId, string? reason);

    /// <summary>Replaces the campaign's marketing content (a JSON object, per platform); repeating the same call changes nothing.</summary>
    /// <param name="source">Where the content came from, e.g. <c>ab_test:{id}</c> for an applied A/B test winner.</param>
    [Alias("ApplyContent")]
    Task<CampaignResult> ApplyContent(Guid organizationId, string contentJson, string source);

    /// <summary>Records spend in the ledger, idempotently per key; an active campaign that reaches its budget pauses itself.</summary>
    [Alias("RecordSpend")]
    Task<SpendResult> RecordSpend(Guid organizationId, SpendRequest request);

    [Alias("ListSpend")]
    Task<SpendPage> ListSpend(Guid organizationId, Guid? after, int limit);

    /// <summary>The campaign's configuration as a draft (no status, launch dates, spend, allocations or A/B results), for copies.</summary>
    [Alias("Configuration")]
    Task<DraftResult> Configuration(Guid organizationId);

    /// <summary>Creates this campaign from <paramref name="draft"/> with <paramref name="changes"/> applied; nothing is saved when a change is refused.</summary>
    [Alias("CreateWithChanges")]
    Task<CampaignResult> CreateWithChanges(Guid organizationId, CampaignDraft draft, CampaignChanges changes);
}
