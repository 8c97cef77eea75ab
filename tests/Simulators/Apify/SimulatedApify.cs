using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Campaigns.Simulators.Apify;

/// <summary>The simulator's behaviour: Apify's state (runs, datasets) and how each endpoint answers.</summary>
internal sealed class SimulatedApify(string token, ApifyFaults faults, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Actor, string Username), JsonArray> configuredItems = new();
    private readonly ConcurrentDictionary<string, SimulatedRun> runs = new();
    private readonly ConcurrentDictionary<string, JsonArray> datasets = new();
    private readonly ConcurrentQueue<ApifyRunScript> runScripts = new();

    public void SetItems(string actorId, string username, JsonArray items) =>
        configuredItems[(actorId.ToLowerInvariant(), ActorInput.Normalize(username))] = items;

    public void ScriptNextRun(ApifyRunScript script) => runScripts.Enqueue(script);

    public IReadOnlyList<SimulatedRunRecord> Runs =>
        runs.Values.Select(run => { lock (run) return run.ToRecord(); }).OrderBy(run => run.StartedAt).ToArray();

    public async Task<SimulatorAnswer> Answer(ApifyEndpoint endpoint, string[] segments, string? authorization, string? queryToken, string body, CancellationToken aborted)
    {
        var fault = faults.TakeFor(endpoint);
        if (fault?.Lost is { } lost)
        {
            Serve(endpoint, segments, authorization, queryToken, body);
            if (lost == LostAnswer.Hang)
                await Task.Delay(Timeout.InfiniteTimeSpan, time, aborted);
            return lost == LostAnswer.ServerError ? SimulatorAnswer.Error(500, ApifyErrors.InternalError) : SimulatorAnswer.Dropped;
        }
        if (fault is not null)
        {
            if (fault.Hang is not { } hang)
                return fault.DropConnection
                    ? SimulatorAnswer.Dropped
                    : SimulatorAnswer.Error(fault.Status, fault.Error, fault.RetryAfterSeconds);
            await Task.Delay(hang, time, aborted);
        }

        return Serve(endpoint, segments, authorization, queryToken, body);
    }

    private SimulatorAnswer Serve(ApifyEndpoint endpoint, string[] segments, string? authorization, string? queryToken, string body)
    {
        if (endpoint == ApifyEndpoint.Unknown)
            return SimulatorAnswer.Error(404, ApifyErrors.PageNotFound);

        if (!IsAuthorized(authorization, queryToken))
            return SimulatorAnswer.Error(401, ApifyErrors.InvalidToken);

        return endpoint switch
        {
            ApifyEndpoint.RunSync => RunSynchronously(segments[2], body),
            ApifyEndpoint.StartRun => StartRun(segments[2], body),
            ApifyEndpoint.GetRun => ReadRun(segments[2]),
            ApifyEndpoint.ListRuns => ListRuns(segments[2]),
            ApifyEndpoint.AbortRun => AbortRun(segments[2]),
            ApifyEndpoint.RunInput => ReadRunInput(segments[2]),
            ApifyEndpoint.DatasetItems => ReadDataset(segments[2]),
            _ => SimulatorAnswer.Error(404, ApifyErrors.PageNotFound),
        };
    }

    // Apify accepts the token as a bearer header or as ?token=; the header is what our client sends.
    private bool IsAuthorized(string? authorization, string? queryToken) =>
        authorization == $"Bearer {token}" || (authorization is null && queryToken == token);

    // A synchronous run is a run like any other: Apify lists it among the actor's runs.
    private SimulatorAnswer RunSynchronously(string actorId, string body)
    {
        var items = ProduceItems(actorId, body, out var refusal);
        if (items is null)
            return refusal!;
        var run = Record(actorId, body, ApifyRunScript.Default, items);
        run.Finish(time.GetUtcNow());
        return SimulatorAnswer.Json(200, items.DeepClone());
    }

    private SimulatorAnswer StartRun(string actorId, string body)
    {
        var items = ProduceItems(actorId, body, out var refusal);
        if (items is null)
            return refusal!;

        var script = runScripts.TryDequeue(out var scripted) ? scripted : ApifyRunScript.Default;
        return SimulatorAnswer.Json(201, Record(actorId, body, script, items).ToJson());
    }

    private SimulatedRun Record(string actorId, string body, ApifyRunScript script, JsonArray items)
    {
        var datasetId = NewId();
        // A run that did not succeed may still have pushed some items; the client must not read them as results.
        datasets[datasetId] = script.FinalStatus == "SUCCEEDED" ? items : [];
        var run = new SimulatedRun(NewId(), actorId, datasetId, script, time.GetUtcNow(), body);
        runs[run.Id] = run;
        return run;
    }

    private SimulatorAnswer ListRuns(string actorId)
    {
        var items = new JsonArray();
        foreach (var run in runs.Values.Where(run => string.Equals(run.ActorId, actorId, StringComparison.OrdinalIgnoreCase)).OrderByDescending(run => run.StartedAt))
        {
            lock (run)
                items.Add(run.ToJson()["data"]!.DeepClone());
        }
        return SimulatorAnswer.Json(200, new JsonObject
        {
            ["data"] = new JsonObject { ["total"] = items.Count, ["offset"] = 0, ["count"] = items.Count, ["desc"] = true, ["items"] = items },
        });
    }

    private SimulatorAnswer AbortRun(string runId)
    {
        if (!runs.TryGetValue(runId, out var run))
            return SimulatorAnswer.Error(404, ApifyErrors.RunNotFound);
        lock (run)
        {
            run.Abort(time.GetUtcNow());
            return SimulatorAnswer.Json(200, run.ToJson());
        }
    }

    private SimulatorAnswer ReadRunInput(string runId) =>
        runs.TryGetValue(runId, out var run)
            ? SimulatorAnswer.Json(200, JsonNode.Parse(run.Input)!)
            : SimulatorAnswer.Error(404, ApifyErrors.RunNotFound);

    private SimulatorAnswer ReadRun(string runId)
    {
        if (!runs.TryGetValue(runId, out var run))
            return SimulatorAnswer.Error(404, ApifyErrors.RunNotFound);
        lock (run)
        {
            run.Poll(time.GetUtcNow());
            return SimulatorAnswer.Json(200, run.ToJson());
        }
    }

    private SimulatorAnswer ReadDataset(string datasetId) =>
        datasets.TryGetValue(datasetId, out var items)
            ? SimulatorAnswer.Json(200, items.DeepClone())
            : SimulatorAnswer.Error(404, ApifyErrors.DatasetNotFound);

    /// <summary>The items a run of <paramref name="actorId"/> yields for the profiles its input names.</summary>
    private JsonArray? ProduceItems(string actorId, string body, out SimulatorAnswer? refusal)
    {
        var actor = actorId.ToLowerInvariant();
        refusal = null;
        if (!ApifySampleItems.KnownActors.Contains(actor) && !configuredItems.Keys.Any(key => key.Actor == actor))
        {
            refusal = SimulatorAnswer.Error(404, ApifyErrors.ActorNotFound);
            return null;
        }
        if (ActorInput.Parse(body) is not { } input)
        {
            refusal = SimulatorAnswer.Error(400, ApifyErrors.InvalidInput);
            return null;
        }

        var items = new JsonArray();
        foreach (var username in input.Usernames)
        {
            IEnumerable<JsonNode?> produced = configuredItems.TryGetValue((actor, username), out var configured)
                ? configured.Select(item => item?.DeepClone())
                : ApifySampleItems.For(actor, username, input.Limit, time.GetUtcNow());
            foreach (var item in input.Limit is { } limit ? produced.Take(limit) : produced)
                items.Add(item);
        }
        return items;
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..17];
}

/// <summary>What the simulator sends back for one request.</summary>
internal sealed record SimulatorAnswer(int Status, JsonNode? Body, int? RetryAfterSeconds, bool DropConnection)
{
    public static SimulatorAnswer Dropped { get; } = new(0, null, null, DropConnection: true);

    public static SimulatorAnswer Json(int status, JsonNode body) => new(status, body, null, DropConnection: false);

    public static SimulatorAnswer Error(int status, (string Type, string Message) error, int? retryAfterSeconds = null) =>
        new(status, JsonNode.Parse(ApifyErrors.Body(error)), retryAfterSeconds, DropConnection: false);
}
