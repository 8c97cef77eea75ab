
namespace Campaigns.Simulators.Apify;

/// <summary>The Apify API v2 endpoints the simulator serves, for scripting faults and counting calls.</summary>
public enum ApifyEndpoint
{
    /// <summary>Matches every endpoint when scripting a fault.</summary>
    Any,

    /// <summary><c>POST /v2/acts/{actorId}/run-sync-get-dataset-items</c></summary>
    RunSync,

    /// <summary><c>POST /v2/acts/{actorId}/runs</c></summary>
    StartRun,

    /// <summary><c>GET /v2/actor-runs/{runId}</c></summary>
    GetRun,

    /// <summary><c>GET /v2/acts/{actorId}/runs</c>: the actor's runs, newest first with <c>desc=1</c>.</summary>
    ListRuns,

    /// <summary><c>POST /v2/actor-runs/{runId}/abort</c></summary>
    AbortRun,

    /// <summary><c>GET /v2/actor-runs/{runId}/key-value-store/records/INPUT</c>: the input the run was started with.</summary>
    RunInput,

    /// <summary><c>GET /v2/datasets/{datasetId}/items</c></summary>
    DatasetItems,

    /// <summary>A path the real API would not serve either.</summary>
    Unknown,
}

internal static class ApifyEndpoints
{
    public static ApifyEndpoint Classify(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        return (method, segments) switch
        {
            ("POST", ["v2", "acts", _, "run-sync-get-dataset-items"]) => ApifyEndpoint.RunSync,
            ("POST", ["v2", "acts", _, "runs"]) => ApifyEndpoint.StartRun,
            ("GET", ["v2", "actor-runs", _]) => ApifyEndpoint.GetRun,
            ("GET", ["v2", "acts", _, "runs"]) => ApifyEndpoint.ListRuns,
            ("POST", ["v2", "actor-runs", _, "abort"]) => ApifyEndpoint.AbortRun,
            ("GET", ["v2", "actor-runs", _, "key-value-store", "records", "INPUT"]) => ApifyEndpoint.RunInput,
            ("GET", ["v2", "datasets", _, "items"]) => ApifyEndpoint.DatasetItems,
            _ => ApifyEndpoint.Unknown,
        };
    }
}
