using Campaigns.AbTesting;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.AbTesting;

/// <summary>The A/B test grain on real grain storage and the real events table.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AbTestGrainTests(ClusterFixture fixture)
{
    internal static AbTestDraft Draft(Guid campaignId, bool autoApply = false) => new(
        campaignId, "Subject line", [
            new AbVariantDraft("control", true, """{"instagram":"Hello"}""", 1),
            new AbVariantDraft("bold", false, """{"instagram":"HELLO!"}""", 1),
        ], AbMetric.ConversionRate, 100, 0.95, autoApply);

    private async Task<(Guid Org, Guid CampaignId, IAbTestGrain Test, AbTestView View)> NewTest()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var campaignId = Guid.CreateVersion7();
        Campaign.Ok(await fixture.Grains.GetGrain<ICampaignGrain>(campaignId).Create(org.Id, Campaign.Draft()));
        var test = fixture.Grains.GetGrain<IAbTestGrain>(Guid.CreateVersion7());
        var created = await test.Create(org.Id, Draft(campaignId));
        Assert.Equal(CommandOutcome.Ok, created.Outcome);
        return (org.Id, campaignId, test, created.Value!);
    }

    private static AbEvent[] Events(Guid variantId, AbEventType type, int count, decimal value = 0) =>
        Enumerable.Range(0, count).Select(_ => new AbEvent(Guid.NewGuid(), variantId, type, value)).ToArray();

    [Fact]
    public async Task Duplicate_event_ids_count_once_and_counts_survive_deactivation()
    {
        var (org, _, test, view) = await NewTest();
        var control = view.Variants[0].Id;
        var impressions = Events(control, AbEventType.Impression, 300);
        var conversions = Events(control, AbEventType.Conversion, 4, 12.5m);

        var first = await test.RecordEvents(org, [.. impressions, .. conversions]);
        Assert.Equal((304, 0), (first.Value!.Accepted, first.Value.Duplicates));

        // The same batch again, plus one event repeated inside the batch: only the truly new one counts.
        var fresh = new AbEvent(Guid.NewGuid(), control, AbEventType.Click, 0);
        var again = await test.RecordEvents(org, [.. impressions[..100], fresh, fresh]);
        Assert.Equal((1, 101), (again.Value!.Accepted, again.Value.Duplicates));

        var before = (await test.Snapshot(org)).Value!.Counts[control];
        Assert.Equal(new AbVariantCounts(300, 1, 4, 50m), before);

        await fixture.Cluster.DeactivateAsync(test);
        var after = (await test.Snapshot(org)).Value!.Counts[control];
        Assert.Equal(before, after);
        Assert.Equal(305L, await TestDatabase.Scalar<long>("SELECT count(*) FROM ab_test_events WHERE test_id = $1", view.Id));
    }

    [Fact]
    public async Task Concurrent_batches_with_overlapping_ids_are_counted_exactly_once()
    {
        var (org, _, test, view) = await NewTest();
        var variant = view.Variants[1].Id;
        var pool = Events(variant, AbEventType.Impression, 1_000);
        // 20 batches of 100 drawn from 1 000 ids, overlapping: every id sent twice, concurrently.
        var batches = Enumerable.Range(0, 20).Select(i => Enumerable.Range(0, 100).Select(k => pool[(i * 50 + k) % 1_000]).ToArray()).ToList();
        var results = await Task.WhenAll(batches.Select(b => test.RecordEvents(org, b)));

        Assert.Equal(1_000, results.Sum(r => r.Value!.Accepted));
        Assert.Equal(1_000, results.Sum(r => r.Value!.Duplicates));
        Assert.Equal(1_000, (await test.Snapshot(org)).Value!.Counts[variant].Impressions);
    }

    [Fact]
    public async Task Another_organization_and_unknown_variants_are_refused()
    {
        var (org, _, test, view) = await NewTest();
        var stranger = await TestOrganizations.Create(fixture.Postgres.ConnectionString);

        Assert.Equal(CommandOutcome.NotFound, (await test.Get(stranger.Id)).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await test.RecordEvents(stranger.Id, Events(view.Variants[0].Id, AbEventType.Click, 1))).Outcome);
        Assert.Null((await fixture.Grains.GetGrain<IAbAssignmentGrain>(view.Id).Assign(stranger.Id, "s1")).Variant);

        var unknown = await test.RecordEvents(org, [.. Events(view.Variants[0].Id, AbEventType.Click, 1), .. Events(Guid.NewGuid(), AbEventType.Click, 1)]);
        Assert.Equal(CommandOutcome.Invalid, unknown.Outcome);
        Assert.Equal(["events[1].variant_id"], unknown.Errors!.Keys);
        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM ab_test_events WHERE test_id = $1", view.Id));
    }

    [Fact]
    public async Task Apply_winner_copies_the_content_and_completes_the_test_once()
    {
        var (org, campaignId, test, view) = await NewTest();
        var (control, bold) = (view.Variants[0].Id, view.Variants[1].Id);

        var early = await test.ApplyWinner(org);
        Assert.Equal((CommandOutcome.Conflict, WinnerDecision.InsufficientSample), (early.Outcome, AbTestRefusal.Reason(early)));

        await test.RecordEvents(org, [.. Events(control, AbEventType.Impression, 2_000), .. Events(control, AbEventType.Conversion, 100)]);
        await test.RecordEvents(org, [.. Events(bold, AbEventType.Impression, 2_000), .. Events(bold, AbEventType.Conversion, 160)]);

        var applied = await test.ApplyWinner(org);
        Assert.Equal(CommandOutcome.Ok, applied.Outcome);
        Assert.Equal((AbTestStatus.Completed, bold), (applied.Value!.Status, applied.Value!.WinnerVariantId));
        var campaign = Campaign.Ok(await fixture.Grains.GetGrain<ICampaignGrain>(campaignId).Get(org));
        Assert.Equal("""{"instagram":"HELLO!"}""", campaign.ContentJson);

        var again = await test.ApplyWinner(org);
        Assert.Equal(applied.Value! with { Variants = [] }, again.Value! with { Variants = [] });
        Assert.Equal("completed", await TestDatabase.Scalar<string>("SELECT status FROM ab_tests WHERE id = $1", view.Id));
        var assignment = await fixture.Grains.GetGrain<IAbAssignmentGrain>(view.Id).Assign(org, "anyone");
        // Once the winner is applied, every subject is shown it.
        Assert.Equal((bold, AbTestStatus.Completed), (assignment.Variant?.Id, assignment.Status));
    }
}
