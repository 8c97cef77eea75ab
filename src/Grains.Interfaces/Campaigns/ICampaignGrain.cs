
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
    /// Launches with the kind's options (an influencer campaign picks up to <paramref name="maxCreators"/> creators);
    /// <see cref="Transition"/> launch is this with one creator.
    /// </summary>
    [Alias("Launch")]
    Task<CampaignResult> Launch(Guid organizationId, int maxCreators);

    /// <summary>
    /// The campaign's kind completes it (every outreach participant is final, an influencer campaign's end date passed).
    /// Calls the kind's interleaved OnChanged hook back before answering, which cannot wait (see <see cref="ICampaignKindGrain"/>).
    /// </summary>
    [Alias("CompleteByKind")]
    Task<CampaignResult> CompleteByKind(Guid organizationId);

    /// <summary>Replaces the outreach section on behalf of the outreach grain (an audience import); calls no kind hook back.</summary>
    [Alias("SetOutreachBrief")]
    Task<CampaignResult> SetOutreachBrief(Guid organizationId, Outreach.OutreachBrief brief);

    /// <summary>
    /// The facts a kind grain needs, or null when the campaign does not exist. Interleaved and read-only: a kind grain
    /// that is being called by this campaign may ask, and it must not wait behind that call.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave, Orleans.Concurrency.ReadOnly, Alias("Facts")]
    Task<CampaignFacts?> Facts();

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
