using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaigns.Integrations.Apify;

/// <summary>
/// Typed client for Apify's REST API v2: runs an actor and returns its dataset items.
/// Transient failures (network, hung attempts, 429, 5xx) are retried by the handler configured in
/// <see cref="ApifyResilience"/>; this class decides what a final answer means.
/// </summary>
public sealed partial class ApifyClient(HttpClient http, IOptions<ApifyOptions> options, TimeProvider time, ILogger<ApifyClient> logger)
{
    /// <summary>Apify holds a synchronous run request open at most this long, then answers 408.</summary>
    public static readonly TimeSpan SynchronousWaitLimit = TimeSpan.FromSeconds(300);

    // Beyond Apify's own limit, so that Apify's 408 (not our impatience) normally ends the wait.
    private static readonly TimeSpan SynchronousWaitMargin = TimeSpan.FromSeconds(30);

    private ApifyOptions Options => options.Value;

    /// <summary>False when no token is configured: no call is made and <see cref="NotConfiguredReason"/> says why.</summary>
    public bool IsConfigured => Options.HasToken;

    public string? NotConfiguredReason =>
        IsConfigured ? null : "Apify is not configured: no API token (set Apify__Token).";

    /// <summary>
    /// Runs <paramref name="actorId"/> (id or <c>owner~name</c>) with <paramref name="inputJson"/> as its input and
    /// returns the run's dataset items. When the budget fits Apify's synchronous wait, tries the synchronous endpoint
    /// first; if Apify answers 408 because the run outlasted that wait, or the budget is longer, starts an
    /// asynchronous run and polls it to the end.
    /// </summary>
    /// <param name="timeout">The run's time budget, passed to Apify so the run stops by itself when it is spent.</param>
    public async Task<ApifyActorResult> RunActorAndGetItems(string actorId, string inputJson, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputJson);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.FromSeconds(1));
        if (!IsConfigured)
            throw new ApifyException(NotConfiguredReason!, errorType: ApifyException.Types.NotConfigured);

        // Apify does not abort a run when it answers 408, so a run allowed to outlast the synchronous wait could be
        // left working (and billing) beside the asynchronous one that replaces it. Such runs start asynchronously.
        if (timeout <= SynchronousWaitLimit)
        {
            var synchronous = await TryRunSynchronously(actorId, inputJson, timeout, cancellationToken);
            if (synchronous is not null)
                return synchronous;
            LogSynchronousWaitExceeded(logger, actorId);
        }

        return await RunAsynchronously(actorId, inputJson, timeout, cancellationToken);
    }

    /// <summary>The items, or null when the run outlasted the synchronous wait and must be followed asynchronously.</summary>
    private async Task<ApifyActorResult?> TryRunSynchronously(string actorId, string inputJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = $"v2/acts/{Escape(actorId)}/run-sync-get-dataset-items?format=json&clean=true&timeout={Seconds(timeout)}";
        LogSynchronousRunStarting(logger, actorId);
        var start = await StartRun(actorId, path, inputJson, $"the synchronous run of {actorId}", SynchronousWaitLimit + SynchronousWaitMargin, cancellationToken);
        if (start.Adopted is { } adopted)
            return await FollowRun(actorId, adopted, timeout, cancellationToken);
        if (start.Status == HttpStatusCode.RequestTimeout)
            return null;
        EnsureSuccess(start.Status, start.Body, $"the synchronous run of {actorId}");

        var items = ApifyResponses.ReadItems(start.Body);
        var run = new ApifyRun(null, ApifyRunStatus.Succeeded, null, null, null, null, null, ApifyRunPath.Synchronous);
        LogSynchronousRunFinished(logger, actorId, items.Count);
        return new ApifyActorResult(items, run);
    }

    private async Task<ApifyActorResult> RunAsynchronously(string actorId, string inputJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var what = $"starting a run of {actorId}";
        var start = await StartRun(actorId, $"v2/acts/{Escape(actorId)}/runs?timeout={Seconds(timeout)}", inputJson, what, answerWait: null, cancellationToken);
        if (start.Adopted is { } adopted)
            return await FollowRun(actorId, adopted, timeout, cancellationToken);
        EnsureSuccess(start.Status, start.Body, what);
        var run = ApifyResponses.ReadRun(start.Body);
        LogAsynchronousRunStarted(logger, actorId, run.Id ?? "(none)");
        return await FollowRun(actorId, run, timeout, cancellationToken);
    }

    /// <summary>Polls a started run to its end and reads its dataset.</summary>
    private async Task<ApifyActorResult> FollowRun(string actorId, ApifyRun run, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var runId = run.Id ?? throw new ApifyException("Apify started a run without an id.", errorType: ApifyException.Types.UnexpectedResponse);

        var deadline = time.GetUtcNow() + timeout + Options.PollGrace;
        while (!ApifyRunStatus.IsTerminal(run.Status))
        {
            if (time.GetUtcNow() >= deadline)
                throw new ApifyException(
                    $"Apify run {runId} of {actorId} is still {run.Status} after its {timeout} budget and {Options.PollGrace} grace.",
                    errorType: ApifyException.Types.RunStillRunning, run: run);

            await Task.Delay(Options.PollInterval, time, cancellationToken);
            var (status, body) = await Send(HttpMethod.Get, $"v2/actor-runs/{Escape(runId)}", null, $"reading run {runId}", cancellationToken);
            EnsureSuccess(status, body, $"reading run {runId}");
            run = ApifyResponses.ReadRun(body);
        }

        if (run.Status != ApifyRunStatus.Succeeded)
        {
            LogRunNotSuccessful(logger, actorId, runId, run.Status, run.StatusMessage, run.UsageTotalUsd);
            throw new ApifyException(
                $"Apify run {runId} of {actorId} ended {run.Status}{(run.StatusMessage is null ? "" : ": " + run.StatusMessage)}",
                errorType: ApifyException.Types.RunNotSuccessful, run: run);
        }

        var datasetId = run.DatasetId ?? throw new ApifyException($"Apify run {runId} succeeded without a dataset.", errorType: ApifyException.Types.UnexpectedResponse, run: run);
        var (itemsStatus, itemsBody) = await Send(HttpMethod.Get, $"v2/datasets/{Escape(datasetId)}/items?format=json&clean=true", null, $"reading dataset {datasetId}", cancellationToken);
        EnsureSuccess(itemsStatus, itemsBody, $"reading dataset {datasetId}");
        var items = ApifyResponses.ReadItems(itemsBody);
        LogRunFinished(logger, actorId, runId, run.Status, items.Count, run.UsageTotalUsd);
        return new ApifyActorResult(items, run);
    }

    /// <summary>One request (retried by the handler underneath); network failures that outlast the retries become an <see cref="ApifyException"/>.</summary>
    private async Task<(HttpStatusCode Status, string Body)> Send(
        HttpMethod method, string path, string? json, string what, CancellationToken cancellationToken, bool heldOpenByApify = false, bool startsRun = false)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Options.Set(ApifyResilience.HeldOpenByApify, heldOpenByApify);
        request.Options.Set(ApifyResilience.StartsRun, startsRun);
        // Per request rather than on the HttpClient, so a token changed in configuration applies to the next call.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.Token);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (response.StatusCode, body);
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            // A run-starting request that may have reached Apify was sent once, not retried.
            var attempts = startsRun && !ApifyResilience.ProvablyNeverSent(exception) ? "" : $" after {Options.MaxRetryAttempts + 1} attempts";
            throw new ApifyException(
                $"Apify could not be reached for {what}{attempts}: {exception.Message}",
                errorType: ApifyException.Types.Unreachable, innerException: exception);
        }
    }

    private void EnsureSuccess(HttpStatusCode status, string body, string what)
    {
        if ((int)status is >= 200 and < 300)
            return;

        var error = ApifyResponses.ErrorFrom(status, body, what);
        // 429 and 5xx reach this point only once the retries are spent; say so, it is what an operator needs to know.
        if (ApifyResilience.IsRetriedStatus(status))
            error = new ApifyException($"{error.Message} (gave up after {Options.MaxRetryAttempts + 1} attempts)", error.StatusCode, error.ErrorType);
        LogRequestRefused(logger, what, (int)status, error.ErrorType);
        throw error;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string Seconds(TimeSpan timeout) => ((long)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Apify: running actor {ActorId} synchronously")]
    private static partial void LogSynchronousRunStarting(ILogger logger, string actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Apify: actor {ActorId} outlasted the synchronous wait (408); continuing with an asynchronous run")]
    private static partial void LogSynchronousWaitExceeded(ILogger logger, string actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Apify: actor {ActorId} started run {RunId}")]
    private static partial void LogAsynchronousRunStarted(ILogger logger, string actorId, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Apify: actor {ActorId} returned {ItemCount} items synchronously (this path does not report cost)")]
    private static partial void LogSynchronousRunFinished(ILogger logger, string actorId, int itemCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Apify: actor {ActorId} run {RunId} ended {Status} with {ItemCount} items, cost {UsageTotalUsd} USD")]
    private static partial void LogRunFinished(ILogger logger, string actorId, string runId, string status, int itemCount, decimal? usageTotalUsd);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apify: actor {ActorId} run {RunId} ended {Status} ({StatusMessage}), cost {UsageTotalUsd} USD")]
    private static partial void LogRunNotSuccessful(ILogger logger, string actorId, string runId, string status, string? statusMessage, decimal? usageTotalUsd);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apify refused {What}: HTTP {StatusCode} {ErrorType}")]
    private static partial void LogRequestRefused(ILogger logger, string what, int statusCode, string? errorType);
}
