using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Campaigns.Integrations.Apify;

/// <summary>
/// Logs each HTTP attempt to Apify by method, path, status and duration, and nothing else.
/// It replaces HttpClientFactory's default loggers, whose header log entries mask values in the message
/// but still carry the raw Authorization header (the token) as a structured property.
/// </summary>
internal sealed partial class ApifyHttpLogger(ILogger<ApifyHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        LogAttempt(logger, request.Method.Method, PathOf(request), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        LogAttemptFailed(logger, request.Method.Method, PathOf(request), elapsed.TotalMilliseconds, exception.Message);

    // The path names the actor, run or dataset; the query is left out so nothing passed there can leak.
    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Apify HTTP {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0} ms")]
    private static partial void LogAttempt(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Apify HTTP {Method} {Path} failed after {ElapsedMilliseconds:0} ms: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, string method, string path, double elapsedMilliseconds, string reason);
}
