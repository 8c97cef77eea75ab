using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Campaigns;

[Collection(ClusterCollection.Name)]
public sealed class CampaignGrainTests(ClusterFixture fixture)
{
    private ICampaignGrain NewCampaign() => fixture.Grains.GetGrain<ICampaignGrain>(Guid.CreateVersion7());

    [Fact]
    public async Task Create_get_update_transition_and_delete()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var grain = NewCampaign();

        var created = Campaign.Ok(await grain.Create(org.Id, Campaign.Draft()));
        Assert.Equal(grain.GetPrimaryKey(), created.Id);
        Assert.Equal(CampaignStatus.Draft, created.Status);
        Assert.Equal(100_000, created.CurrentBudget);
        Assert.Equal(["reach", "sales"], created.Goals);
        Campaign.Same(created, Campaign.Ok(await grain.Get(org.Id)));

        var updated = Campaign.Ok(await grain.Update(org.Id, new CampaignChanges { Name = "Renamed", Budget = 150_000, ClearEndDate = true }));
        Assert.Equal("Renamed", updated.Name);
        Assert.Equal(150_000, updated.Budget);
        Assert.Null(updated.EndDate);
        Assert.Equal(new DateOnly(2025, 4, 1), updated.StartDate);
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);

        var when = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var scheduled = Campaign.Ok(await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Schedule, when)));
        Assert.Equal(CampaignStatus.Scheduled, scheduled.Status);
        Assert.Equal(when, scheduled.ScheduledFor);

        var active = Campaign.Ok(await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Launch)));
        Assert.Equal(CampaignStatus.Active, active.Status);
        Assert.NotNull(active.StartedAt);

        var paused = Campaign.Ok(await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Pause)));
        Assert.Equal(CampaignStatus.Paused, paused.Status);

        var refusedDelete = await grain.Delete(org.Id);
        Assert.Equal(CommandOutcome.Conflict, refusedDelete.Outcome);
        Assert.Contains("'paused'", refusedDelete.Message);

        var resumed = Campaign.Ok(await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Resume)));
        Assert.Equal(active.StartedAt, resumed.StartedAt);

        var completed = Campaign.Ok(await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Complete)));
        Assert.Equal(CampaignStatus.Completed, completed.Status);
        Assert.NotNull(completed.CompletedAt);
        Assert.Equal(7L, await TestDatabase.Scalar<long>("SELECT version FROM campaigns WHERE id = $1", created.Id));

        Campaign.Same(completed, Campaign.Ok(await grain.Delete(org.Id)));
        Assert.Equal(CommandOutcome.NotFound, (await grain.Get(org.Id)).Outcome);
        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM campaigns WHERE id = $1", created.Id));
    }

    [Fact]
    public async Task Refusals_change_nothing()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var grain = NewCampaign();
        var created = Campaign.Ok(await grain.Create(org.Id, Campaign.Draft()));

        var duplicate = await grain.Create(org.Id, Campaign.Draft(name: "Again"));
        Assert.Equal(CommandOutcome.Conflict, duplicate.Outcome);

        var illegal = await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Resume));
        Assert.Equal(CommandOutcome.Conflict, illegal.Outcome);
        Assert.Equal("Cannot resume a campaign whose status is 'draft'.", illegal.Message);

        var invalid = await grain.Update(org.Id, new CampaignChanges { Name = "Nope", StartDate = new DateOnly(2025, 5, 15) });
        Assert.Equal(CommandOutcome.Invalid, invalid.Outcome);
        Assert.Equal(["start_date"], invalid.Errors!.Keys);

        Campaign.Same(created, Campaign.Ok(await grain.Get(org.Id)));
        Assert.Equal(1L, await TestDatabase.Scalar<long>("SELECT version FROM campaigns WHERE id = $1", created.Id));

        Campaign.Ok(await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Cancel)));
        var late = await grain.Update(org.Id, new CampaignChanges { Name = "Too late" });
        Assert.Equal(CommandOutcome.Conflict, late.Outcome);
        Assert.Contains("'cancelled'", late.Message);
        Assert.Equal("Spring launch", Campaign.Ok(await grain.Get(org.Id)).Name);
    }

    [Fact]
    public async Task Another_organization_gets_not_found_and_changes_nothing()
    {
        var owner = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var other = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var grain = NewCampaign();
        var created = Campaign.Ok(await grain.Create(owner.Id, Campaign.Draft()));

        Assert.Equal(CommandOutcome.NotFound, (await grain.Get(other.Id)).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.Update(other.Id, new CampaignChanges { Name = "Hijacked" })).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.Transition(other.Id, new CampaignTransitionRequest(CampaignTransition.Cancel))).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.Delete(other.Id)).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.Create(other.Id, Campaign.Draft(name: "Squat"))).Outcome);

        Campaign.Same(created, Campaign.Ok(await grain.Get(owner.Id)));
        var page = await fixture.Grains.GetGrain<ICampaignCatalogGrain>(0).List(other.Id, new CampaignQuery(null, null, null, 50, null));
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Unknown_campaign_is_not_found_and_is_not_created_by_reads()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var grain = NewCampaign();

        Assert.Equal(CommandOutcome.NotFound, (await grain.Get(org.Id)).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.Update(org.Id, new CampaignChanges { Name = "x" })).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.Delete(org.Id)).Outcome);
        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM campaigns WHERE id = $1", grain.GetPrimaryKey()));
    }

    [Fact]
    public async Task State_survives_deactivation()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var grain = NewCampaign();
        Campaign.Ok(await grain.Create(org.Id, Campaign.Draft()));
        Campaign.Ok(await grain.Update(org.Id, new CampaignChanges { Description = "Second wave", Platforms = ["youtube"] }));
        var before = Campaign.Ok(await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Launch)));

        await fixture.Cluster.DeactivateAsync(grain);
        Assert.False(fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out _), "the grain should no longer be active");

        var after = Campaign.Ok(await grain.Get(org.Id));
        Campaign.Same(before, after);
        Assert.True(fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out _), "the read should have activated the grain again");

        // The reactivated grain goes on from the stored version.
        Campaign.Ok(await grain.Transition(org.Id, new CampaignTransitionRequest(CampaignTransition.Pause)));
        Assert.Equal(4L, await TestDatabase.Scalar<long>("SELECT version FROM campaigns WHERE id = $1", before.Id));
    }

    [Fact]
    public async Task Deleted_campaign_stays_deleted_after_reactivation_and_its_id_can_be_reused()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var grain = NewCampaign();
        Campaign.Ok(await grain.Create(org.Id, Campaign.Draft()));
        Campaign.Ok(await grain.Delete(org.Id));

        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(CommandOutcome.NotFound, (await grain.Get(org.Id)).Outcome);
        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM campaigns WHERE id = $1", grain.GetPrimaryKey()));

        var again = Campaign.Ok(await grain.Create(org.Id, Campaign.Draft(name: "Second life")));
        Assert.Equal("Second life", again.Name);
        Assert.Equal("Second life", await TestDatabase.Scalar<string>("SELECT name FROM campaigns WHERE id = $1", grain.GetPrimaryKey()));
    }

    [Fact]
    public async Task Projection_row_is_written_and_reasserted_on_the_next_activation()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var grain = NewCampaign();
        var id = grain.GetPrimaryKey();
        Campaign.Ok(await grain.Create(org.Id, Campaign.Draft()));
        var view = Campaign.Ok(await grain.Update(org.Id, new CampaignChanges { Name = "Projected" }));

        Assert.Equal(org.Id, await TestDatabase.Scalar<Guid>("SELECT organization_id FROM campaigns WHERE id = $1", id));
        Assert.Equal("Projected", await TestDatabase.Scalar<string>("SELECT name FROM campaigns WHERE id = $1", id));
        Assert.Equal("draft", await TestDatabase.Scalar<string>("SELECT status FROM campaigns WHERE id = $1", id));
        Assert.Equal("marketing", await TestDatabase.Scalar<string>("SELECT kind FROM campaigns WHERE id = $1", id));
        Assert.Equal(2L, await TestDatabase.Scalar<long>("SELECT version FROM campaigns WHERE id = $1", id));

        // A crash between the state write and the projection write leaves no row; the next activation heals it.
        Assert.Equal(1, await TestDatabase.Execute("DELETE FROM campaigns WHERE id = $1", id));
        await fixture.Cluster.DeactivateAsync(grain);
        Campaign.Ok(await grain.Get(org.Id));

        Assert.Equal("Projected", await TestDatabase.Scalar<string>("SELECT name FROM campaigns WHERE id = $1", id));
        Assert.Equal(2L, await TestDatabase.Scalar<long>("SELECT version FROM campaigns WHERE id = $1", id));
        var listed = await fixture.Grains.GetGrain<ICampaignCatalogGrain>(0).List(org.Id, new CampaignQuery(null, null, null, 10, null));
        Campaign.Same(view, Assert.Single(listed.Items));

        // A stale row (older version) is overwritten on activation ...
        await TestDatabase.Execute("UPDATE campaigns SET name = 'stale', version = 1 WHERE id = $1", id);
        await fixture.Cluster.DeactivateAsync(grain);
        Campaign.Ok(await grain.Get(org.Id));
        Assert.Equal("Projected", await TestDatabase.Scalar<string>("SELECT name FROM campaigns WHERE id = $1", id));

        // ... but a row that claims a newer version is never overwritten by an older one.
        await TestDatabase.Execute("UPDATE campaigns SET name = 'newer', version = 99 WHERE id = $1", id);
        await fixture.Cluster.DeactivateAsync(grain);
        Campaign.Ok(await grain.Get(org.Id));
        Assert.Equal("newer", await TestDatabase.Scalar<string>("SELECT name FROM campaigns WHERE id = $1", id));
    }

    [Fact]
    public async Task A_write_that_loses_the_etag_race_is_refused_and_the_grain_recovers_from_storage()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var grain = NewCampaign();
        var marker = $"etag-{Guid.NewGuid():N}";
        var created = Campaign.Ok(await grain.Create(org.Id, Campaign.Draft(name: marker)));

        // Another writer (say, a duplicate activation during a split brain) moves the stored etag on.
        Assert.Equal(1, await TestDatabase.Execute(
            "UPDATE orleansstorage SET version = version + 1 WHERE position(convert_to($1, 'UTF8') in payloadbinary) > 0", marker));

        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() => grain.Update(org.Id, new CampaignChanges { Name = "Lost write" }));

        Campaign.Same(created, Campaign.Ok(await grain.Get(org.Id)));
        Assert.Equal(marker, await TestDatabase.Scalar<string>("SELECT name FROM campaigns WHERE id = $1", created.Id));

        var retried = Campaign.Ok(await grain.Update(org.Id, new CampaignChanges { Name = "Retried" }));
        Assert.Equal("Retried", retried.Name);
        Assert.Equal("Retried", await TestDatabase.Scalar<string>("SELECT name FROM campaigns WHERE id = $1", created.Id));
        Assert.Equal(2L, await TestDatabase.Scalar<long>("SELECT version FROM campaigns WHERE id = $1", created.Id));
    }

    [Fact]
    public async Task A_failed_state_write_leaves_memory_equal_to_storage()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var grain = NewCampaign();
        var poison = $"poison{Guid.NewGuid():N}";
        var created = Campaign.Ok(await grain.Create(org.Id, Campaign.Draft()));

        // Make PostgreSQL refuse any state update whose payload carries the poison marker (no etag
        // conflict, so Orleans keeps the activation alive and only the grain's own recovery applies).
        await TestDatabase.Execute($"""
            CREATE FUNCTION {poison}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'storage unavailable'; END $$;
            CREATE TRIGGER {poison} BEFORE UPDATE ON orleansstorage FOR EACH ROW
            WHEN (position(convert_to('{poison}', 'UTF8') in NEW.payloadbinary) > 0)
            EXECUTE FUNCTION {poison}();
            """);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.Update(org.Id, new CampaignChanges { Name = poison, Budget = 1 }));
        }
        finally
        {
            await TestDatabase.Execute($"DROP TRIGGER {poison} ON orleansstorage; DROP FUNCTION {poison}();");
        }

        Assert.True(fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out _), "the same activation should still be serving");
        Campaign.Same(created, Campaign.Ok(await grain.Get(org.Id)));
        var next = Campaign.Ok(await grain.Update(org.Id, new CampaignChanges { Description = "after the outage" }));
        Assert.Equal("Spring launch", next.Name);
        Assert.Equal(100_000, next.Budget);
        Assert.Equal(2L, await TestDatabase.Scalar<long>("SELECT version FROM campaigns WHERE id = $1", created.Id));
    }

    [Fact]
    public async Task A_failed_delete_keeps_the_campaign_and_its_listing_row()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var grain = NewCampaign();
        var poison = $"poison{Guid.NewGuid():N}";
        var created = Campaign.Ok(await grain.Create(org.Id, Campaign.Draft(name: poison)));

        // Make PostgreSQL refuse to clear this grain's state (a clear nulls the payload).
        await TestDatabase.Execute($"""
            CREATE FUNCTION {poison}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'storage unavailable'; END $$;
            CREATE TRIGGER {poison} BEFORE UPDATE ON orleansstorage FOR EACH ROW
            WHEN (NEW.payloadbinary IS NULL AND position(convert_to('{poison}', 'UTF8') in OLD.payloadbinary) > 0)
            EXECUTE FUNCTION {poison}();
            """);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.Delete(org.Id));
        }
        finally
        {
            await TestDatabase.Execute($"DROP TRIGGER {poison} ON orleansstorage; DROP FUNCTION {poison}();");
        }

        Campaign.Same(created, Campaign.Ok(await grain.Get(org.Id)));
        var listed = await fixture.Grains.GetGrain<ICampaignCatalogGrain>(0).List(org.Id, new CampaignQuery(null, null, poison, 10, null));
        Campaign.Same(created, Assert.Single(listed.Items));

        Campaign.Ok(await grain.Delete(org.Id));
        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM campaigns WHERE id = $1", created.Id));
    }
}
