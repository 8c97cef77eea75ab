
namespace Campaigns.Simulators.Apify;

/// <summary>
/// Scripted misbehaviour: "the next N calls to this endpoint answer X". Faults are consumed in the order they
/// were scripted; a request no fault matches is served normally.
/// </summary>
public sealed class ApifyFaults
{
    private readonly Lock gate = new();
    private readonly List<ScriptedFault> pending = [];

    /// <summary>The next <paramref name="times"/> matching calls answer <paramref name="status"/> with an Apify error body.</summary>
    public void RespondNext(ApifyEndpoint endpoint, int times, int status, (string Type, string Message) error, int? retryAfterSeconds = null) =>
        Add(new ScriptedFault(endpoint, times, status, error, retryAfterSeconds, DropConnection: false, Hang: null));

    /// <summary>429 with a Retry-After header, as Apify's rate limiter answers.</summary>
    public void RateLimitNext(int times, int retryAfterSeconds = 0, ApifyEndpoint endpoint = ApifyEndpoint.Any) =>
        RespondNext(endpoint, times, 429, ApifyErrors.RateLimited, retryAfterSeconds);

    public void FailNext(int times, int status = 500, ApifyEndpoint endpoint = ApifyEndpoint.Any) =>
        RespondNext(endpoint, times, status, ApifyErrors.InternalError);

    /// <summary>The synchronous endpoint answers 408, as Apify does when a run outlasts its 300-second wait.</summary>
    public void TimeOutNextSynchronousRuns(int times = 1) =>
        RespondNext(ApifyEndpoint.RunSync, times, 408, ApifyErrors.SynchronousRunTimedOut);

    /// <summary>The connection is cut before any answer: the client sees a network error.</summary>
    public void DropNextConnections(int times, ApifyEndpoint endpoint = ApifyEndpoint.Any) =>
        Add(new ScriptedFault(endpoint, times, 0, default, null, DropConnection: true, Hang: null));

    /// <summary>The next calls get no answer for <paramref name="hang"/> (then a normal one): a stalled connection.</summary>
    public void HangNext(int times, TimeSpan hang, ApifyEndpoint endpoint = ApifyEndpoint.Any) =>
        Add(new ScriptedFault(endpoint, times, 0, default, null, DropConnection: false, Hang: hang));

    /// <summary>
    /// The next calls are served (a run start does start the run) but the answer is lost as <paramref name="how"/>:
    /// the client cannot know whether Apify acted.
    /// </summary>
    public void LoseNextAnswers(int times, ApifyEndpoint endpoint, LostAnswer how) =>
        Add(new ScriptedFault(endpoint, times, 0, default, null, DropConnection: false, Hang: null, Lost: how));

    internal ScriptedFault? TakeFor(ApifyEndpoint endpoint)
    {
        lock (gate)
        {
            var index = pending.FindIndex(fault => fault.Endpoint == ApifyEndpoint.Any || fault.Endpoint == endpoint);
            if (index < 0)
                return null;
            var fault = pending[index];
            if (fault.Times <= 1)
                pending.RemoveAt(index);
            else
                pending[index] = fault with { Times = fault.Times - 1 };
            return fault;
        }
    }

    private void Add(ScriptedFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1);
        lock (gate)
            pending.Add(fault);
    }
}

internal sealed record ScriptedFault(
    ApifyEndpoint Endpoint,
    int Times,
    int Status,
    (string Type, string Message) Error,
    int? RetryAfterSeconds,
    bool DropConnection,
    TimeSpan? Hang,
    LostAnswer? Lost = null);

/// <summary>How an answer is lost after the simulator acted on the request.</summary>
public enum LostAnswer
{
    /// <summary>A 500 in place of the real answer.</summary>
    ServerError,

    /// <summary>The connection is cut instead of answering.</summary>
    DroppedConnection,

    /// <summary>No answer until the client gives up waiting.</summary>
    Hang,
}
