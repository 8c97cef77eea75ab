namespace Campaigns.CampaignCore;

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
}
