using System.Net;
using Campaigns.Integrations.Apify;
using Campaigns.Simulators.Apify;

namespace Campaigns.Tests.Integrations.Apify;

/// <summary>Transient failures (429, 5xx, dropped connections) are retried with backoff; persistent ones end in a clear error.</summary>
public sealed class ApifyClientRetryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Task<ApifyActorResult> RunInstagramPosts(ApifyClientHarness harness) =>
        harness.Client.RunActorAndGetItems(ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("retry.me"), ApifyInputs.Budget, Cancellation);

    [Fact]
    public async Task Rate_limited_calls_are_retried_until_Apify_accepts()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.RateLimitNext(2);
        await using var harness = ApifyClientHarness.For(simulator);

        var result = await RunInstagramPosts(harness);

        Assert.NotEmpty(result.Items);
        Assert.Equal([429, 429, 200], simulator.Requests.Select(request => request.ResponseStatus));
    }

    [Fact]
    public async Task Retry_after_from_a_429_is_waited_out_even_when_backoff_would_be_shorter()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.RateLimitNext(1, retryAfterSeconds: 1);
        await using var harness = ApifyClientHarness.For(simulator); // backoff is 10 ms

        await RunInstagramPosts(harness);

        var requests = simulator.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900),
            $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_are_retried_until_Apify_recovers(int status)
    {
        await using var simulator = await ApifySimulator.Start();
        // These 5xx come before the simulator acts, so the client finds no run started and sends the start again.
        simulator.Faults.FailNext(2, status, ApifyEndpoint.RunSync);
        await using var harness = ApifyClientHarness.For(simulator);

        var result = await RunInstagramPosts(harness);

        Assert.NotEmpty(result.Items);
        Assert.Equal(3, simulator.CountRequests(ApifyEndpoint.RunSync));
        Assert.Single(simulator.Runs);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.DropNextConnections(1);
        await using var harness = ApifyClientHarness.For(simulator);

        var result = await RunInstagramPosts(harness);

        Assert.NotEmpty(result.Items);
        Assert.Equal(2, simulator.CountRequests(ApifyEndpoint.RunSync));
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_end_in_an_error_with_Apifys_message_and_the_attempt_count()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.FailNext(10, 500, ApifyEndpoint.RunSync);
        await using var harness = ApifyClientHarness.For(simulator);

        var error = await Assert.ThrowsAsync<ApifyException>(() => RunInstagramPosts(harness));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(ApifyErrors.InternalError.Type, error.ErrorType);
        Assert.Contains(ApifyErrors.InternalError.Message, error.Message);
        Assert.Contains($"after {ApifyClientHarness.MaxRetryAttempts + 1} attempts", error.Message);
        Assert.Equal(ApifyClientHarness.MaxRetryAttempts + 1, simulator.CountRequests(ApifyEndpoint.RunSync));
        Assert.Empty(simulator.Runs);
    }

    [Fact]
    public async Task An_unreachable_Apify_ends_in_an_unreachable_error_after_the_retries()
    {
        await using var simulator = await ApifySimulator.Start();
        var refused = new RefusedConnections(10);
        await using var harness = ApifyClientHarness.For(simulator, refused: refused);

        var error = await Assert.ThrowsAsync<ApifyException>(() => RunInstagramPosts(harness));

        Assert.Equal(ApifyException.Types.Unreachable, error.ErrorType);
        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException, exactMatch: false);
        Assert.Contains($"after {ApifyClientHarness.MaxRetryAttempts + 1} attempts", error.Message);
        Assert.Equal(ApifyClientHarness.MaxRetryAttempts + 1, refused.Attempts);
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task A_hung_request_times_out_and_is_retried()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.TimeOutNextSynchronousRuns();
        simulator.Faults.HangNext(1, TimeSpan.FromSeconds(30), ApifyEndpoint.DatasetItems);
        await using var harness = ApifyClientHarness.For(simulator, settings: new Dictionary<string, string?> { ["Apify:RequestTimeout"] = "00:00:00.200" });

        var result = await RunInstagramPosts(harness);

        Assert.NotEmpty(result.Items);
        Assert.Equal(2, simulator.CountRequests(ApifyEndpoint.DatasetItems));
    }

    [Fact]
    public async Task The_synchronous_run_is_not_cut_short_by_the_per_request_timeout()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.HangNext(1, TimeSpan.FromMilliseconds(600), ApifyEndpoint.RunSync);
        await using var harness = ApifyClientHarness.For(simulator, settings: new Dictionary<string, string?> { ["Apify:RequestTimeout"] = "00:00:00.100" });

        var result = await RunInstagramPosts(harness);

        Assert.Equal(ApifyRunPath.Synchronous, result.Run.Path);
        Assert.Equal(1, simulator.CountRequests(ApifyEndpoint.Any));
    }
}
