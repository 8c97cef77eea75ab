using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Integrations.Apify;
using Campaigns.Simulators.Apify;

namespace Campaigns.Tests.Integrations.Apify;

/// <summary>The two ways a run succeeds: synchronously, or asynchronously after Apify's 408.</summary>
public sealed class ApifyClientRunTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Synchronous_run_returns_the_profiles_items_in_one_authenticated_call()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.SetItems(ApifySampleItems.InstagramPostActor, "lisbon.eats",
            new JsonObject { ["shortCode"] = "Cabc1", ["likesCount"] = 120, ["caption"] = "Pastel de nata #acme" },
            new JsonObject { ["shortCode"] = "Cabc2", ["likesCount"] = 80, ["caption"] = "Sunset" });
        await using var harness = ApifyClientHarness.For(simulator);

        var result = await harness.Client.RunActorAndGetItems(
            ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("lisbon.eats"), ApifyInputs.Budget, Cancellation);

        Assert.Equal(["Cabc1", "Cabc2"], result.Items.Select(item => item.GetProperty("shortCode").GetString()));
        Assert.Equal(120, result.Items[0].GetProperty("likesCount").GetInt32());
        Assert.Equal(ApifyRunPath.Synchronous, result.Run.Path);
        Assert.Equal(ApifyRunStatus.Succeeded, result.Run.Status);
        Assert.Null(result.Run.UsageTotalUsd);

        var request = Assert.Single(simulator.Requests);
        Assert.Equal(ApifyEndpoint.RunSync, request.Endpoint);
        Assert.Equal("/v2/acts/apify~instagram-post-scraper/run-sync-get-dataset-items", request.Path);
        Assert.Equal($"Bearer {simulator.Token}", request.Authorization);
        Assert.Contains("timeout=120", request.Query);
        Assert.Contains("lisbon.eats", request.Body);
    }

    [Fact]
    public async Task Synchronous_timeout_falls_back_to_an_asynchronous_run_polled_to_success_with_its_cost()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.TimeOutNextSynchronousRuns();
        simulator.ScriptNextRun(new ApifyRunScript(PollsWhileRunning: 3, FinalStatus: "SUCCEEDED", UsageTotalUsd: 0.37m));
        await using var harness = ApifyClientHarness.For(simulator);

        var result = await harness.Client.RunActorAndGetItems(
            ApifySampleItems.TikTokActor, ApifyInputs.TikTok("pasta.queen"), ApifyInputs.Budget, Cancellation);

        Assert.Equal(ApifyRunPath.Asynchronous, result.Run.Path);
        Assert.Equal(ApifyRunStatus.Succeeded, result.Run.Status);
        Assert.Equal(0.37m, result.Run.UsageTotalUsd);
        Assert.NotNull(result.Run.Id);
        Assert.NotNull(result.Run.FinishedAt);
        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, item => Assert.Equal("pasta.queen", item.GetProperty("authorMeta").GetProperty("name").GetString()));

        Assert.Equal(1, simulator.CountRequests(ApifyEndpoint.RunSync));
        Assert.Equal(1, simulator.CountRequests(ApifyEndpoint.StartRun));
        Assert.Equal(4, simulator.CountRequests(ApifyEndpoint.GetRun)); // three RUNNING, then SUCCEEDED
        Assert.Equal(1, simulator.CountRequests(ApifyEndpoint.DatasetItems));
        Assert.Contains(simulator.Requests, request => request.Endpoint == ApifyEndpoint.DatasetItems && request.Query.Contains("clean=true"));
    }

    [Fact]
    public async Task A_budget_longer_than_the_synchronous_wait_starts_an_asynchronous_run_directly()
    {
        await using var simulator = await ApifySimulator.Start();
        await using var harness = ApifyClientHarness.For(simulator);

        var result = await harness.Client.RunActorAndGetItems(
            ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("long.budget"), TimeSpan.FromMinutes(10), Cancellation);

        Assert.Equal(ApifyRunPath.Asynchronous, result.Run.Path);
        Assert.Equal(0, simulator.CountRequests(ApifyEndpoint.RunSync));
        var start = Assert.Single(simulator.Requests, request => request.Endpoint == ApifyEndpoint.StartRun);
        Assert.Contains("timeout=600", start.Query);
    }

    [Fact]
    public async Task A_failure_while_polling_is_retried_and_the_run_still_completes()
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.TimeOutNextSynchronousRuns();
        simulator.Faults.FailNext(1, 503, ApifyEndpoint.GetRun);
        await using var harness = ApifyClientHarness.For(simulator);

        var result = await harness.Client.RunActorAndGetItems(
            ApifySampleItems.YouTubeActor, ApifyInputs.YouTube("camera.nerd"), ApifyInputs.Budget, Cancellation);

        Assert.Equal(ApifyRunStatus.Succeeded, result.Run.Status);
        Assert.NotEmpty(result.Items);
    }

    [Theory]
    [InlineData(ApifySampleItems.InstagramProfileActor, "followersCount,followsCount,postsCount,biography,verified,username")]
    [InlineData(ApifySampleItems.InstagramPostActor, "likesCount,commentsCount,hashtags,mentions,timestamp,shortCode,url,caption,ownerUsername")]
    [InlineData(ApifySampleItems.TikTokActor, "diggCount,shareCount,playCount,commentCount,hashtags,createTimeISO,authorMeta,text,webVideoUrl,id")]
    [InlineData(ApifySampleItems.YouTubeActor, "viewCount,likes,commentsCount,date,numberOfSubscribers,title,url,id")]
    public async Task Each_default_actor_yields_items_with_that_actors_real_field_names(string actorId, string fields)
    {
        await using var simulator = await ApifySimulator.Start();
        await using var harness = ApifyClientHarness.For(simulator);
        var input = actorId switch
        {
            ApifySampleItems.InstagramProfileActor => ApifyInputs.InstagramProfile("creator_one"),
            ApifySampleItems.InstagramPostActor => ApifyInputs.InstagramPosts("creator_one"),
            ApifySampleItems.TikTokActor => ApifyInputs.TikTok("creator_one"),
            _ => ApifyInputs.YouTube("creator_one"),
        };

        var result = await harness.Client.RunActorAndGetItems(actorId, input, ApifyInputs.Budget, Cancellation);

        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, item =>
        {
            foreach (var field in fields.Split(','))
                Assert.True(item.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null, $"{actorId} item lacks {field}");
        });
    }
}
