using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Campaigns.Integrations.Apify;

/// <summary>Which Apify answers are worth another attempt, and how long to wait before it.</summary>
public static class ApifyRetryPolicy
{
    /// <summary>429 (rate limit) and 5xx: Apify's own advice is to retry these with backoff.</summary>
    public static bool IsRetriedStatus(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>
    /// Exponential backoff with jitter from <see cref="ApifyOptions.RetryBaseDelay"/>; a Retry-After header wins.
    /// 408 is deliberately not retried: on the synchronous endpoint it means "the run is still going", which the
    /// client answers by following the run asynchronously, not by starting it again.
    /// </summary>
    public static HttpRetryStrategyOptions For(ApifyOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        Delay = options.RetryBaseDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome switch
        {
            { Exception: HttpRequestException } => true,
            { Result: { } response } => IsRetriedStatus(response.StatusCode),
            _ => false,
        }),
    };
}
