using System.Globalization;
using System.Text.Json.Nodes;

namespace Campaigns.Simulators.Apify;

/// <summary>One asynchronous actor run inside the simulator, advancing one step per status read.</summary>
internal sealed class SimulatedRun(string id, string actorId, string datasetId, ApifyRunScript script, DateTimeOffset startedAt, string input)
{
    private int pollsSeen;

    public string Id => id;
    public string ActorId => actorId;
    public string DatasetId => datasetId;
    public DateTimeOffset StartedAt => startedAt;

    /// <summary>The body the run was started with, as Apify keeps it in the run's INPUT record.</summary>
    public string Input => input;
    public string Status { get; private set; } = "READY";
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>A status read: RUNNING for the scripted number of polls, then the scripted final status.</summary>
    public void Poll(DateTimeOffset now)
    {
        if (FinishedAt is not null)
            return;
        pollsSeen++;
        if (pollsSeen <= script.PollsWhileRunning)
        {
            Status = "RUNNING";
            return;
        }
        Status = script.FinalStatus;
        FinishedAt = now;
    }

    /// <summary>A synchronous run: it has ended by the time its answer is sent.</summary>
    public void Finish(DateTimeOffset now)
    {
        Status = script.FinalStatus;
        FinishedAt = now;
    }

    public void Abort(DateTimeOffset now)
    {
        if (FinishedAt is not null)
            return;
        Status = "ABORTED";
        FinishedAt = now;
    }

    public SimulatedRunRecord ToRecord() => new(id, actorId, Status, startedAt);

    public JsonObject ToJson() => new()
    {
        ["data"] = new JsonObject
        {
            ["id"] = id,
            ["actId"] = actorId,
            ["status"] = Status,
            ["statusMessage"] = FinishedAt is null ? null : script.StatusMessage,
            ["startedAt"] = startedAt.ToString("O", CultureInfo.InvariantCulture),
            ["finishedAt"] = FinishedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["defaultDatasetId"] = datasetId,
            ["defaultKeyValueStoreId"] = "kvs-" + id,
            // Apify accrues cost while a run works; the final figure is known once it has ended.
            ["usageTotalUsd"] = FinishedAt is null ? script.UsageTotalUsd / 2 : script.UsageTotalUsd,
        },
    };
}

/// <summary>A run as tests see it in the simulator's record.</summary>
public sealed record SimulatedRunRecord(string Id, string ActorId, string Status, DateTimeOffset StartedAt);
