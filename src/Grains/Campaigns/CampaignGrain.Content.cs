using Campaigns.Audit;
using Campaigns.Infrastructure;

namespace Campaigns.Campaigns;

/// <summary>The campaign's marketing content, set from outside the common core (an A/B test's winner).</summary>
public sealed partial class CampaignGrain
{
    public async Task<CampaignResult> ApplyContent(Guid organizationId, string contentJson, string source)
    {
        if (!Owns(organizationId))
        {
            return CampaignResult.NotFound();
        }

        if (S.ContentJson == contentJson && S.ContentSource == source)
        {
            return CampaignResult.Ok(S.ToView(Id));
        }

        if (CampaignLifecycle.IsFinal(S.Status))
        {
            return CampaignResult.Conflict(
                $"Cannot change the content of a campaign whose status is '{CampaignLifecycle.Name(S.Status)}'.");
        }

        S.ContentJson = contentJson;
        S.ContentSource = source;
        S.UpdatedAt = clock.UtcNowMicroseconds();
        S.Version++;
        return await Save();
    }
}
