using System.Net;
using Campaigns.Integrations.Apify;
using Campaigns.Simulators.Apify;

namespace Campaigns.Tests.Integrations.Apify;

/// <summary>Client errors other than 408 and 429 are not retried: they fail at once, carrying Apify's own message.</summary>
public sealed class ApifyClientRefusalTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invalid_input_fails_at_once_with_Apifys_message()
    {
        await using var simulator = await ApifySimulator.Start();
        await using var harness = ApifyClientHarness.For(simulator);

        var error = await Assert.ThrowsAsync<ApifyException>(() =>
            harness.Client.RunActorAndGetItems(ApifySampleItems.InstagramPostActor, """["not", "an", "object"]""", ApifyInputs.Budget, Cancellation));

        AssertRefusedOnce(simulator, error, HttpStatusCode.BadRequest, ApifyErrors.InvalidInput);
    }

    [Fact]
    public async Task An_invalid_token_fails_at_once_with_Apifys_message()
    {
        await using var simulator = await ApifySimulator.Start();
        await using var harness = ApifyClientHarness.For(simulator, token: "apify_api_REVOKED");

        var error = await Assert.ThrowsAsync<ApifyException>(() =>
            harness.Client.RunActorAndGetItems(ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("someone"), ApifyInputs.Budget, Cancellation));

        AssertRefusedOnce(simulator, error, HttpStatusCode.Unauthorized, ApifyErrors.InvalidToken);
    }

    [Fact]
    public async Task An_unknown_actor_fails_at_once_with_Apifys_message()
    {
        await using var simulator = await ApifySimulator.Start();
        await using var harness = ApifyClientHarness.For(simulator);

        var error = await Assert.ThrowsAsync<ApifyException>(() =>
            harness.Client.RunActorAndGetItems("nobody~no-such-actor", ApifyInputs.InstagramPosts("someone"), ApifyInputs.Budget, Cancellation));

        AssertRefusedOnce(simulator, error, HttpStatusCode.NotFound, ApifyErrors.ActorNotFound);
    }

    [Theory]
    [InlineData(402, "not-enough-usage-to-run-paid-actor", "You do not have enough usage left to run this Actor")]
    [InlineData(403, "insufficient-permissions", "Insufficient permissions for the Actor")]
    public async Task Other_client_errors_are_not_retried(int status, string type, string message)
    {
        await using var simulator = await ApifySimulator.Start();
        simulator.Faults.RespondNext(ApifyEndpoint.RunSync, 1, status, (type, message));
        await using var harness = ApifyClientHarness.For(simulator);

        var error = await Assert.ThrowsAsync<ApifyException>(() =>
            harness.Client.RunActorAndGetItems(ApifySampleItems.TikTokActor, ApifyInputs.TikTok("someone"), ApifyInputs.Budget, Cancellation));

        AssertRefusedOnce(simulator, error, (HttpStatusCode)status, (type, message));
    }

    private static void AssertRefusedOnce(ApifySimulator simulator, ApifyException error, HttpStatusCode status, (string Type, string Message) apifyError)
    {
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(apifyError.Type, error.ErrorType);
        Assert.Contains(apifyError.Message, error.Message);
        Assert.Equal(1, simulator.CountRequests(ApifyEndpoint.Any));
    }
}
