using System.Net.Http.Headers;
using System.Text;
using Campaigns.Integrations.Apify;
using Campaigns.Simulators.Apify;

namespace Campaigns.Tests.Integrations.Apify;

/// <summary>
/// A request that starts a run is never repeated blindly: when its answer is lost the client looks for the run it
/// may have started and follows that one, so Apify runs (and bills) the scrape once.
/// </summary>
public sealed class ApifyClientRunStartTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // Longer than Apify's synchronous wait, so the client starts an asynchronous run directly.
    private static readonly TimeSpan AsynchronousBudget = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string?> ShortRequestTimeout = new() { ["Apify:RequestTimeout"] = "00:00:00.300" };

    [Theory]
    [InlineData(LostAnswer.ServerError)]
    [InlineData(LostAnswer.DroppedConnection)]
    [InlineData(LostAnswer.Hang)]
    public async Task An_asynchronous_start_whose_answer_is_lost_is_adopted_not_repeated(LostAnswer how)
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.LoseNextAnswers(1, ApifyEndpoint.StartRun, how);
        await using var harness = ApifyClientHarness.For(simulator, settings: ShortRequestTimeout);

        var result = await harness.Client.RunActorAndGetItems(
            ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("lost.answer"), AsynchronousBudget, Cancellation);

        var run = Assert.Single(simulator.Runs);
        Assert.Equal(run.Id, result.Run.Id);
        Assert.Equal(ApifyRunStatus.Succeeded, result.Run.Status);
        Assert.NotNull(result.Run.UsageTotalUsd);
        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, item => Assert.Equal("lost.answer", item.GetProperty("ownerUsername").GetString()));
        Assert.Equal(1, simulator.CountRequests(ApifyEndpoint.StartRun));
    }

    [Theory]
    [InlineData(LostAnswer.ServerError)]
    [InlineData(LostAnswer.DroppedConnection)]
    public async Task A_synchronous_run_whose_answer_is_lost_is_adopted_not_repeated(LostAnswer how)
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.LoseNextAnswers(1, ApifyEndpoint.RunSync, how);
        await using var harness = ApifyClientHarness.For(simulator);

        var result = await harness.Client.RunActorAndGetItems(
            ApifySampleItems.TikTokActor, ApifyInputs.TikTok("lost.sync"), ApifyInputs.Budget, Cancellation);

        var run = Assert.Single(simulator.Runs);
        Assert.Equal(run.Id, result.Run.Id);
        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, item => Assert.Equal("lost.sync", item.GetProperty("authorMeta").GetProperty("name").GetString()));
        Assert.Equal(1, simulator.CountRequests(ApifyEndpoint.RunSync));
        Assert.Equal(0, simulator.CountRequests(ApifyEndpoint.StartRun));
    }

    [Fact]
    public async Task Another_jobs_run_of_the_same_actor_is_not_mistaken_for_ours()
    {
        await using var simulator = await ApifySimulator.Start();
        await StartRunBehindTheClientsBack(simulator, ApifyInputs.InstagramPosts("someone.else"));
        simulator.Faults.LoseNextAnswers(1, ApifyEndpoint.StartRun, LostAnswer.ServerError);
        await using var harness = ApifyClientHarness.For(simulator);

        var result = await harness.Client.RunActorAndGetItems(
            ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("our.creator"), AsynchronousBudget, Cancellation);

        Assert.Equal(2, simulator.Runs.Count);
        Assert.All(result.Items, item => Assert.Equal("our.creator", item.GetProperty("ownerUsername").GetString()));
    }

    [Fact]
    public async Task Runs_that_cannot_be_told_apart_are_aborted_and_the_attempt_fails()
    {
        await using var simulator = await ApifySimulator.Start();
        var input = ApifyInputs.InstagramPosts("twice.over");
        await StartRunBehindTheClientsBack(simulator, input);
        simulator.Faults.LoseNextAnswers(1, ApifyEndpoint.StartRun, LostAnswer.ServerError);
        await using var harness = ApifyClientHarness.For(simulator);

        var error = await Assert.ThrowsAsync<ApifyException>(() =>
            harness.Client.RunActorAndGetItems(ApifySampleItems.InstagramPostActor, input, AsynchronousBudget, Cancellation));

        Assert.Equal(ApifyException.Types.RunStartAmbiguous, error.ErrorType);
        Assert.Equal(2, simulator.Runs.Count);
        Assert.All(simulator.Runs, run => Assert.Equal("ABORTED", run.Status));
    }

    [Fact]
    public async Task A_start_whose_connection_was_refused_is_retried()
    {
        await using var simulator = await ApifySimulator.Start();
        var refused = new RefusedConnections(2);
        await using var harness = ApifyClientHarness.For(simulator, refused: refused);

        var result = await harness.Client.RunActorAndGetItems(
            ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("refused.twice"), AsynchronousBudget, Cancellation);

        Assert.NotEmpty(result.Items);
        Assert.Equal(1, simulator.CountRequests(ApifyEndpoint.StartRun));
        Assert.Equal(0, simulator.CountRequests(ApifyEndpoint.ListRuns)); // a refused start needs no lookup
        Assert.Single(simulator.Runs);
        Assert.True(refused.Attempts >= 3, $"only {refused.Attempts} attempts went out");
    }

    [Fact]
    public async Task Reading_a_run_after_a_server_error_is_still_retried()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.FailNext(2, 500, ApifyEndpoint.GetRun);
        await using var harness = ApifyClientHarness.For(simulator);

        var result = await harness.Client.RunActorAndGetItems(
            ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("poll.retry"), AsynchronousBudget, Cancellation);

        Assert.Equal(ApifyRunStatus.Succeeded, result.Run.Status);
        Assert.Single(simulator.Runs);
        Assert.Equal(2, simulator.Requests.Count(request => request.Endpoint == ApifyEndpoint.GetRun && request.ResponseStatus == 500));
    }

    /// <summary>A run started by someone else (another job, another silo) with the same token.</summary>
    private static async Task StartRunBehindTheClientsBack(ApifySimulator simulator, string input)
    {
        using var http = new HttpClient { BaseAddress = new Uri(simulator.BaseUrl + "/") };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/acts/{ApifySampleItems.InstagramPostActor}/runs")
        {
            Content = new StringContent(input, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", simulator.Token);
        using var response = await http.SendAsync(request, Cancellation);
        response.EnsureSuccessStatusCode();
    }
}
