using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Campaigns.Integrations.Apify;

/// <summary>Which Apify answers are worth another attempt, how long to wait before it, and how long one attempt may take.</summary>
public static class ApifyResilience
{
    /// <summary>
    /// Marks the synchronous run request, which Apify legitimately holds open for minutes; the client bounds that
    /// wait itself, so the per-attempt timeout must not cut it short.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> HeldOpenByApify = new("Campaigns.Apify.HeldOpenByApify");

    /// <summary>
    /// Marks a request that can start (and bill) an actor run. Repeating it after an ambiguous failure could start a
    /// second run, so it is retried only when it provably never reached Apify, or when Apify refused it with 429.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> StartsRun = new("Campaigns.Apify.StartsRun");

    /// <summary>429 (rate limit) and 5xx: Apify's own advice is to retry these with backoff.</summary>
    public static bool IsRetriedStatus(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>
    /// True when the request never left this machine: the connection could not be opened or the name not resolved.
    /// A timeout, a dropped connection or a 5xx may come after Apify acted on the request.
    /// </summary>
    public static bool ProvablyNeverSent(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>Retries (outer) around a per-attempt timeout (inner), so an attempt that hangs is retried too.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ApifyOptions options)
    {
        pipeline.AddRetry(RetryFor(options));
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions
        {
            TimeoutGenerator = arguments =>
            {
                var heldOpen = IsMarked(arguments.Context.GetRequestMessage(), HeldOpenByApify);
                // Infinite disables the timeout for this attempt.
                return ValueTask.FromResult(heldOpen ? Timeout.InfiniteTimeSpan : options.RequestTimeout);
            },
        });
    }

    /// <summary>
    /// Exponential backoff with jitter from <see cref="ApifyOptions.RetryBaseDelay"/>; a Retry-After header wins.
    /// 408 is deliberately not retried: on the synchronous endpoint it means "the run is still going", which the
    /// client answers by following the run asynchronously, not by starting it again. A request marked
    /// <see cref="StartsRun"/> is retried only after a refused connection or a 429; the client itself deals with
    /// its other failures (<see cref="ApifyClient"/>, "starting a run at most once").
    /// </summary>
    public static HttpRetryStrategyOptions RetryFor(ApifyOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        Delay = options.RetryBaseDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = arguments => ValueTask.FromResult(
            IsMarked(arguments.Context.GetRequestMessage(), StartsRun)
                ? arguments.Outcome switch
                {
                    { Exception: { } exception } => ProvablyNeverSent(exception),
                    { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests,
                    _ => false,
                }
                : arguments.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } response } => IsRetriedStatus(response.StatusCode),
                    _ => false,
                }),
    };

    private static bool IsMarked(HttpRequestMessage? request, HttpRequestOptionsKey<bool> key) =>
        request is not null && request.Options.TryGetValue(key, out var value) && value;
}
