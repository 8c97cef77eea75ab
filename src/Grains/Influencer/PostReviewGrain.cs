using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Orleans.Concurrency;

namespace Campaigns.Influencer;

/// <summary>Routes a person's decision on a post to the allocation that owns the detection; stateless, scales out.</summary>
[StatelessWorker]
public sealed class PostReviewGrain(PostRepository posts) : Grain, IPostReviewGrain
{
    public async Task<CommandResult<AllocationPost>> Decide(Guid organizationId, Guid campaignPostId, PostDecision decision, Guid userId) =>
        await posts.FindDetection(organizationId, campaignPostId) is var (allocationId, _)
            ? await GrainFactory.GetGrain<IAllocationGrain>(allocationId).Decide(organizationId, campaignPostId, decision, userId)
            : PostNotFound();

    /// <summary>The one answer for a detection the caller cannot see, here and in the allocation that owns it.</summary>
    internal static CommandResult<AllocationPost> PostNotFound() => CommandResult<AllocationPost>.NotFound("Post not found.");
}
