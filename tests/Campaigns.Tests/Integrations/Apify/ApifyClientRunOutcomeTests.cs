using Campaigns.Integrations.Apify;
using Campaigns.Simulators.Apify;

namespace Campaigns.Tests.Integrations.Apify;

/// <summary>An asynchronous run that ends without success is an error naming its status, and its cost is still reported.</summary>
public sealed class ApifyClientRunOutcomeTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("FAILED", "The Actor process exited with code 1")]
    [InlineData("TIMED-OUT", "Actor run timed out")]
    [InlineData("ABORTED", "Run was aborted by the user")]
    public async Task A_run_ending_without_success_is_an_error_with_its_status_message_and_cost(string finalStatus, string statusMessage)
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.TimeOutNextSynchronousRuns();
        simulator.ScriptNextRun(new ApifyRunScript(PollsWhileRunning: 2, FinalStatus: finalStatus, UsageTotalUsd: 0.08m, StatusMessage: statusMessage));
        await using var harness = ApifyClientHarness.For(simulator);

        var error = await Assert.ThrowsAsync<ApifyException>(() =>
            harness.Client.RunActorAndGetItems(ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("flaky"), ApifyInputs.Budget, Cancellation));

        Assert.Equal(ApifyException.Types.RunNotSuccessful, error.ErrorType);
        Assert.NotNull(error.Run);
        Assert.Equal(finalStatus, error.Run.Status);
        Assert.Equal(0.08m, error.Run.UsageTotalUsd);
        Assert.Contains(finalStatus, error.Message);
        Assert.Contains(statusMessage, error.Message);
        Assert.Equal(0, simulator.CountRequests(ApifyEndpoint.DatasetItems));
    }

    [Fact]
    public async Task A_run_still_going_past_its_budget_and_grace_stops_being_polled()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.TimeOutNextSynchronousRuns();
        simulator.ScriptNextRun(new ApifyRunScript(PollsWhileRunning: int.MaxValue));
        await using var harness = ApifyClientHarness.For(simulator, settings: new Dictionary<string, string?> { ["Apify:PollGrace"] = "00:00:00" });

        var error = await Assert.ThrowsAsync<ApifyException>(() =>
            harness.Client.RunActorAndGetItems(ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("slow"), TimeSpan.FromSeconds(1), Cancellation));

        Assert.Equal(ApifyException.Types.RunStillRunning, error.ErrorType);
        Assert.Equal(ApifyRunStatus.Running, error.Run?.Status);
    }
}
