using System.Net;
using System.Net.Sockets;
using Campaigns.Integrations.Telegram;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Campaigns.Tests.Integrations.Telegram;

/// <summary>"Never twice": only a sendMessage failure that proves the request never reached Telegram may be retried.</summary>
public sealed class TelegramSendFailuresTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static TelegramFailure Classify(Exception failure, bool timedOut = false) => TelegramSendFailures.Classify(failure, timedOut, Timeout);

    private static RequestException Wrapped(Exception inner) => new("Bot API Service Failure", inner);

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    public void A_connection_that_could_not_be_opened_was_not_delivered(HttpRequestError error)
    {
        var refused = new HttpRequestException(error, "Connection refused (127.0.0.1:9)", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal(TelegramFailureKind.NotDelivered, Classify(refused).Kind);
        var wrapped = Classify(Wrapped(refused));
        Assert.Equal(TelegramFailureKind.NotDelivered, wrapped.Kind);
        Assert.Contains("could not be reached", wrapped.Description);
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused)]
    [InlineData(SocketError.HostNotFound)]
    [InlineData(SocketError.NetworkUnreachable)]
    public void A_socket_error_only_connecting_gives_was_not_delivered(SocketError error) =>
        Assert.Equal(TelegramFailureKind.NotDelivered, Classify(Wrapped(new HttpRequestException("failed", new SocketException((int)error)))).Kind);

    [Fact]
    public void A_timeout_is_unknown_and_says_how_long_was_waited()
    {
        var failure = Classify(new TaskCanceledException("A task was canceled."), timedOut: true);

        Assert.Equal(TelegramFailureKind.OutcomeUnknown, failure.Kind);
        Assert.Contains("did not answer within 20 s", failure.Description);
    }

    [Fact]
    public void A_timeout_while_connecting_is_still_unknown_as_it_cannot_be_told_apart()
    {
        var connecting = new HttpRequestException(HttpRequestError.ConnectionError, "connect timed out");

        Assert.Equal(TelegramFailureKind.OutcomeUnknown, Classify(Wrapped(connecting), timedOut: true).Kind);
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.InvalidResponse)]
    [InlineData(HttpRequestError.HttpProtocolError)]
    [InlineData(HttpRequestError.Unknown)]
    public void A_connection_that_broke_after_opening_is_unknown(HttpRequestError error)
    {
        // A reset mid-answer can carry a socket error too; the handler's own stage wins over it.
        var dropped = new HttpRequestException(error, "The response ended prematurely.", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

        Assert.Equal(TelegramFailureKind.OutcomeUnknown, Classify(Wrapped(dropped)).Kind);
    }

    [Fact]
    public void A_reset_socket_without_a_stage_is_unknown() =>
        Assert.Equal(TelegramFailureKind.OutcomeUnknown, Classify(Wrapped(new IOException("reset", new SocketException((int)SocketError.ConnectionReset)))).Kind);

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public void A_server_error_is_unknown(int code)
    {
        var asJson = Classify(new ApiRequestException("Internal Server Error", code));
        var asPage = Classify(new RequestException("Bot API Service Failure", (HttpStatusCode)code));

        Assert.Equal(TelegramFailureKind.OutcomeUnknown, asJson.Kind);
        Assert.Equal(TelegramFailureKind.OutcomeUnknown, asPage.Kind);
        Assert.Contains($"Telegram answered {code}", asJson.Description);
        Assert.Contains($"Telegram answered {code}", asPage.Description);
    }

    [Fact]
    public void A_408_from_a_proxy_is_unknown() =>
        Assert.Equal(TelegramFailureKind.OutcomeUnknown, Classify(new RequestException("timeout", HttpStatusCode.RequestTimeout)).Kind);

    [Fact]
    public void Anything_unexpected_is_unknown() =>
        Assert.Equal(TelegramFailureKind.OutcomeUnknown, Classify(new InvalidOperationException("The answer could not be read")).Kind);

    [Fact]
    public void Too_many_requests_carries_retry_after()
    {
        var failure = Classify(new ApiRequestException("Too Many Requests: retry after 7", 429, new ResponseParameters { RetryAfter = 7 }));

        Assert.Equal(TelegramFailureKind.TooManyRequests, failure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
    }

    [Fact]
    public void Definite_refusals_keep_their_kinds()
    {
        Assert.Equal(TelegramFailureKind.Forbidden, Classify(new ApiRequestException("Forbidden: bot was blocked by the user", 403)).Kind);
        Assert.Equal(TelegramFailureKind.Unauthorized, Classify(new ApiRequestException("Unauthorized", 401)).Kind);
        var badRequest = Classify(new ApiRequestException("Bad Request: chat not found", 400));
        Assert.Equal(TelegramFailureKind.Refused, badRequest.Kind);
        Assert.Contains("chat not found", badRequest.Description);
        Assert.Equal(TelegramFailureKind.Refused, Classify(new RequestException("not JSON", HttpStatusCode.NotFound)).Kind);
    }
}
