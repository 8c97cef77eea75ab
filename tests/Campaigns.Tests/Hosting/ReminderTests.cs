using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Hosting;

[Collection(ClusterCollection.Name)]
public sealed class ReminderTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reminder_ticks_are_persisted_through_the_postgres_reminder_table_and_stop_when_unregistered()
    {
        var probe = fixture.Grains.GetGrain<IReminderProbeGrain>(Guid.NewGuid());
        var grainId = probe.GetGrainId().ToString();

        await probe.Start(TimeSpan.FromSeconds(1));
        Assert.True(await probe.IsRegistered());
        Assert.Equal(1L, await TestDatabase.Scalar<long>(
            "SELECT count(*) FROM orleansreminderstable WHERE grainid = $1 AND remindername = $2 AND period = 1000",
            grainId, ReminderProbeGrain.ReminderName));

        await WaitFor(async () => await probe.Ticks() >= 2, "two reminder ticks");

        // The ticks are in grain storage, not only in memory.
        await fixture.Cluster.DeactivateAsync(probe);
        var persisted = await probe.Ticks();
        Assert.True(persisted >= 2, $"expected at least 2 persisted ticks, got {persisted}");

        // The reminder outlives the activation: it keeps ticking the new one.
        await WaitFor(async () => await probe.Ticks() > persisted, "a tick after reactivation");

        await probe.Stop();
        Assert.False(await probe.IsRegistered());
        Assert.Equal(0L, await TestDatabase.Scalar<long>(
            "SELECT count(*) FROM orleansreminderstable WHERE grainid = $1", grainId));

        var stopped = await probe.Ticks();
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        Assert.Equal(stopped, await probe.Ticks());
    }

    private static async Task WaitFor(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {Deadline.TotalSeconds} s waiting for {what}.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
