using System.Net;

namespace Campaigns.Integrations.Apify;

/// <summary>
/// Apify refused a call, could not be reached, or a run ended without success.
/// The message is Apify's own <c>error.message</c> when it gave one; it never contains the token.
/// </summary>
public sealed class ApifyException : Exception
{
    public ApifyException(string message, HttpStatusCode? statusCode = null, string? errorType = null, ApifyRun? run = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        Run = run;
    }

    /// <summary>The HTTP status Apify answered with; null when no answer came or the run itself failed.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Apify's <c>error.type</c> (e.g. <c>token-not-valid</c>), or one of ours for failures Apify did not type.</summary>
    public string? ErrorType { get; }

    /// <summary>The run that ended without success, with its status and the cost it still incurred.</summary>
    public ApifyRun? Run { get; }

    /// <summary>Our error types, for failures that are not an HTTP error body from Apify.</summary>
    public static class Types
    {
        public const string NotConfigured = "not-configured";
        public const string Unreachable = "unreachable";
        public const string RunNotSuccessful = "run-not-successful";
        public const string RunStillRunning = "run-still-running";
        public const string UnexpectedResponse = "unexpected-response";

        /// <summary>A run-starting request's answer was lost and Apify's run list does not say which run, if any, is ours.</summary>
        public const string RunStartAmbiguous = "run-start-ambiguous";
    }
}
