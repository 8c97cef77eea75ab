using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Influencer;

/// <summary>The allocation grain on the real runtime: idempotent creation with its first jobs, and its monitoring reminder's life.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AllocationGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Create_queues_the_first_scrapes_once_and_the_reminder_lives_from_accept_to_the_campaign_end()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var campaignId = Guid.CreateVersion7();
        var id = Guid.CreateVersion7();
        var grain = fixture.Grains.GetGrain<IAllocationGrain>(id);
        var candidate = new CreatorCandidate(Guid.CreateVersion7(), Guid.CreateVersion7(), "instagram", "grain.test", 25_000, 0.04m, false, ["fashion"], "Berlin");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var snapshot = new CampaignSnapshot(CampaignStatus.Active, today.AddDays(-1), today.AddDays(10), TrackingConfig.Empty);
        var draft = new AllocationDraft(campaignId, candidate, 42_000, snapshot, Position: 0);

        var created = (await grain.Create(org.Id, draft)).Value!;
        Assert.Equal((AllocationStatus.Pending, 42_000L, 42_000L), (created.Status, created.AllocatedBudget, created.CurrentBudget));
        Assert.Equal(created, (await grain.Create(org.Id, draft)).Value);
        Assert.Equal(2L, await Jobs());
        Assert.Equal("70:50:" + today.AddDays(-1).ToString("yyyy-MM-dd"), await TestDatabase.Scalar<string>(
            "SELECT priority || ':' || (input->>'limit') || ':' || (input->>'since') FROM apify_jobs_queue WHERE allocation_id = $1 AND job_type = 'posts_scrape'", id));

        Assert.Equal(CommandOutcome.NotFound, (await grain.Get(Guid.CreateVersion7(), campaignId)).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.Accept(org.Id, Guid.CreateVersion7())).Outcome);
        Assert.Equal(0L, await Reminders());

        Assert.Equal(AllocationStatus.Accepted, (await grain.Accept(org.Id, campaignId)).Value!.Status);
        Assert.Equal(1L, await Reminders());
        Assert.Equal(AllocationStatus.Accepted, (await grain.Accept(org.Id, campaignId)).Value!.Status);

        await grain.CampaignChanged(org.Id, campaignId, snapshot with { Status = CampaignStatus.Completed });
        Assert.Equal(AllocationStatus.Completed, (await grain.Get(org.Id, campaignId)).Value!.Status);
        Assert.Equal(0L, await Reminders());
        Assert.Equal(CommandOutcome.Conflict, (await grain.Decline(org.Id, campaignId, null)).Outcome);
        Assert.Equal("completed", await TestDatabase.Scalar<string>("SELECT status FROM campaign_allocations WHERE id = $1", id));

        Task<long> Jobs() => TestDatabase.Scalar<long>("SELECT count(*) FROM apify_jobs_queue WHERE allocation_id = $1", id);
        Task<long> Reminders() => TestDatabase.Scalar<long>(
            "SELECT count(*) FROM orleansreminderstable WHERE grainid LIKE '%' || $1 || '%'", id.ToString("N"));
    }
}
