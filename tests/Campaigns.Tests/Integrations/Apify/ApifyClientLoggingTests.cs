using Campaigns.Integrations.Apify;
using Campaigns.Simulators.Apify;

namespace Campaigns.Tests.Integrations.Apify;

/// <summary>The token is a credential: no log entry, at any level, and no error message may contain it.</summary>
public sealed class ApifyClientLoggingTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_token_never_appears_in_logs_or_errors_across_successes_retries_fallbacks_and_failures()
    {
        const string secret = "apify_api_SECRET_must_not_leak_7f3a9c";
        await using var simulator = await ApifySimulator.Start(token: secret);
        await using var harness = ApifyClientHarness.For(simulator);
        var client = harness.Client;
        var errors = new List<ApifyException>();

        await client.RunActorAndGetItems(ApifySampleItems.InstagramProfileActor, ApifyInputs.InstagramProfile("leaky"), ApifyInputs.Budget, Cancellation);
        simulator.Faults.RateLimitNext(1);
        simulator.Faults.DropNextConnections(1);
        await client.RunActorAndGetItems(ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("leaky"), ApifyInputs.Budget, Cancellation);
        simulator.Faults.TimeOutNextSynchronousRuns();
        await client.RunActorAndGetItems(ApifySampleItems.TikTokActor, ApifyInputs.TikTok("leaky"), ApifyInputs.Budget, Cancellation);
        simulator.Faults.TimeOutNextSynchronousRuns();
        simulator.ScriptNextRun(new ApifyRunScript(FinalStatus: "FAILED", StatusMessage: "boom"));
        errors.Add(await Assert.ThrowsAsync<ApifyException>(() =>
            client.RunActorAndGetItems(ApifySampleItems.YouTubeActor, ApifyInputs.YouTube("leaky"), ApifyInputs.Budget, Cancellation)));
        simulator.Faults.FailNext(10, 500);
        errors.Add(await Assert.ThrowsAsync<ApifyException>(() =>
            client.RunActorAndGetItems(ApifySampleItems.YouTubeActor, ApifyInputs.YouTube("leaky"), ApifyInputs.Budget, Cancellation)));

        // The token did go out (so the check below is not vacuous) ...
        Assert.All(simulator.Requests, request => Assert.Equal($"Bearer {secret}", request.Authorization));
        // ... and the HTTP attempts, the retry handler and the client all logged something (structured state included).
        var entries = harness.Logs.Entries;
        Assert.Contains(entries, entry => entry.Category == "Campaigns.Integrations.Apify.ApifyHttpLogger");
        Assert.Contains(entries, entry => entry.Category.Contains("Polly", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Category == typeof(ApifyClient).FullName);

        Assert.DoesNotContain(entries, entry => entry.Contains(secret));
        Assert.DoesNotContain(errors, error => error.ToString().Contains(secret, StringComparison.Ordinal));
    }
}
