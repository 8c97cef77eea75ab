using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Campaigns.Integrations.Telegram;

/// <summary>
/// Logs each Bot API call by method name, status and duration, and nothing else. The Bot API puts the token in the
/// URL path (<c>/bot{token}/sendMessage</c>), which HttpClientFactory's default loggers write out in full; they are
/// replaced by this one, as <c>ApifyHttpLogger</c> replaces them for the Apify token.
/// </summary>
internal sealed partial class TelegramHttpLogger(ILogger<TelegramHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        LogCall(logger, MethodOf(request), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        LogCallFailed(logger, MethodOf(request), elapsed.TotalMilliseconds, exception.GetType().Name);

    /// <summary>The Bot API method: the path's last segment, everything before it (the token) left out.</summary>
    public static string MethodOf(HttpRequestMessage request) =>
        request.RequestUri?.AbsolutePath is { } path ? path[(path.LastIndexOf('/') + 1)..] : "";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram Bot API {Method} answered {StatusCode} in {ElapsedMilliseconds:0} ms")]
    private static partial void LogCall(ILogger logger, string method, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram Bot API {Method} failed after {ElapsedMilliseconds:0} ms: {Reason}")]
    private static partial void LogCallFailed(ILogger logger, string method, double elapsedMilliseconds, string reason);
}
