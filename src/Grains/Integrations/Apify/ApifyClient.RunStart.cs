using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Campaigns.Integrations.Apify;

/// <summary>
/// Starting a run at most once. A run-starting POST whose answer is lost (timeout, dropped connection, 5xx) may
/// still have started, and been billed for, a run, so it is never simply sent again. Apify lets a client tag nothing
/// on a run, so "ours" is recognised by what Apify does record: the actor, the start time and the input. The
/// actor's newest runs that started since just before the POST and whose INPUT record equals the input we sent
/// are candidates. One candidate is adopted and followed; none means no run started, so the POST is sent again
/// (after a backoff, within the retry budget); several are aborted and the attempt fails, leaving the decision to
/// the job's own retry. Limits: two jobs running the very same input at the same moment cannot be told apart
/// (both runs are aborted); a run Apify has not yet listed when we look is missed and may be duplicated.
/// </summary>
public sealed partial class ApifyClient
{
    // Apify's startedAt is stamped by its clock, not ours: a clock ahead of Apify's must not hide our run.
    private static readonly TimeSpan StartClockSkewAllowance = TimeSpan.FromMinutes(1);

    // More runs of one actor started within that window than this cannot all be checked: the lookup gives up.
    private const int RecentRunsListed = 100;

    private sealed record RunStart(HttpStatusCode Status, string Body, ApifyRun? Adopted);

    /// <param name="answerWait">How long the POST's answer may take, for the synchronous call Apify holds open; null: the per-request timeout.</param>
    private async Task<RunStart> StartRun(string actorId, string path, string inputJson, string what, TimeSpan? answerWait, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var notBefore = time.GetUtcNow() - StartClockSkewAllowance;
            ApifyException lost;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                if (answerWait is { } limit)
                    wait.CancelAfter(limit);
                try
                {
                    var (status, body) = await Send(HttpMethod.Post, path, inputJson, what, wait.Token, heldOpenByApify: answerWait is not null, startsRun: true);
                    if ((int)status < 500)
                        return new RunStart(status, body, null);
                    lost = ApifyResponses.ErrorFrom(status, body, what);
                }
                catch (ApifyException exception) when (exception.InnerException is { } cause && !ApifyResilience.ProvablyNeverSent(cause))
                {
                    lost = exception;
                }
                catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    lost = new ApifyException($"Apify did not answer {what} within {answerWait}.", errorType: ApifyException.Types.Unreachable, innerException: exception);
                }
            }

            LogRunStartAnswerLost(logger, actorId, attempt, lost.Message);
            if (await FindRunStartedWith(actorId, inputJson, notBefore, cancellationToken) is { } ours)
            {
                LogLostRunAdopted(logger, actorId, ours.Id!);
                return new RunStart(HttpStatusCode.Created, "", ours);
            }
            if (attempt > Options.MaxRetryAttempts)
                throw new ApifyException($"{lost.Message} (gave up after {attempt} attempts; Apify lists no run started by them)",
                    lost.StatusCode, lost.ErrorType, innerException: lost.InnerException);
            await Task.Delay(Options.RetryBaseDelay * Math.Pow(2, attempt - 1), time, cancellationToken);
        }
    }

    /// <summary>The run our lost POST started, or null when Apify lists none; several are aborted and fail the attempt.</summary>
    private async Task<ApifyRun?> FindRunStartedWith(string actorId, string inputJson, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var listing = $"listing the runs of {actorId}";
        var (status, body) = await Send(HttpMethod.Get, $"v2/acts/{Escape(actorId)}/runs?desc=1&limit={RecentRunsListed}", null, listing, cancellationToken);
        EnsureSuccess(status, body, listing);
        var runs = ApifyResponses.ReadRunList(body);
        // A run without a start time cannot be ruled out by it.
        var recent = runs.Where(run => run.StartedAt is not { } startedAt || startedAt >= notBefore).ToArray();
        if (runs.Count >= RecentRunsListed && recent.Length == runs.Count)
            throw new ApifyException($"Apify lists {runs.Count} or more runs of {actorId} started in the last moments; ours cannot be found among them.",
                errorType: ApifyException.Types.RunStartAmbiguous);

        var ours = new List<string>();
        foreach (var run in recent)
        {
            if (run.Id is { } id && await WasStartedWith(id, inputJson, cancellationToken))
                ours.Add(id);
        }

        if (ours.Count == 1)
        {
            var reading = $"reading run {ours[0]}";
            var (runStatus, runBody) = await Send(HttpMethod.Get, $"v2/actor-runs/{Escape(ours[0])}", null, reading, cancellationToken);
            EnsureSuccess(runStatus, runBody, reading);
            return ApifyResponses.ReadRun(runBody);
        }
        if (ours.Count == 0)
            return null;

        foreach (var id in ours)
        {
            var aborting = $"aborting run {id}";
            var (abortStatus, abortBody) = await Send(HttpMethod.Post, $"v2/actor-runs/{Escape(id)}/abort", null, aborting, cancellationToken);
            EnsureSuccess(abortStatus, abortBody, aborting);
        }
        LogDuplicateRunsAborted(logger, actorId, ours.Count);
        throw new ApifyException($"Apify started {ours.Count} runs of {actorId} with the same input after an answer was lost; all were aborted.",
            errorType: ApifyException.Types.RunStartAmbiguous);
    }

    private async Task<bool> WasStartedWith(string runId, string inputJson, CancellationToken cancellationToken)
    {
        var reading = $"reading the input of run {runId}";
        var (status, body) = await Send(HttpMethod.Get, $"v2/actor-runs/{Escape(runId)}/key-value-store/records/INPUT", null, reading, cancellationToken);
        // A run started without an input has no INPUT record; ours always has one.
        if (status == HttpStatusCode.NotFound)
            return false;
        EnsureSuccess(status, body, reading);
        return SameJson(body, inputJson);
    }

    private static bool SameJson(string left, string right)
    {
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apify: the answer to starting actor {ActorId} was lost (attempt {Attempt}: {Reason}); looking for the run it may have started")]
    private static partial void LogRunStartAnswerLost(ILogger logger, string actorId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Apify: adopted run {RunId} of actor {ActorId}, started by a request whose answer was lost")]
    private static partial void LogLostRunAdopted(ILogger logger, string actorId, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apify: aborted {Count} runs of actor {ActorId} with the same input started after a lost answer")]
    private static partial void LogDuplicateRunsAborted(ILogger logger, string actorId, int count);
}
