
namespace Campaigns.Integrations.Apify;

/// <summary>What we know about one actor run: its id, final status and cost.</summary>
/// <param name="Id">Apify's run id; null for a synchronous run, whose response does not name it.</param>
/// <param name="UsageTotalUsd">Cost Apify reported on the run object; null when the run object was never read (synchronous path).</param>
public sealed record ApifyRun(
    string? Id,
    string Status,
    string? DatasetId,
    decimal? UsageTotalUsd,
    string? StatusMessage,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    ApifyRunPath Path);

/// <summary>Which of Apify's two ways of running an actor produced a result.</summary>
public enum ApifyRunPath
{
    /// <summary><c>run-sync-get-dataset-items</c>: one request that waits for the items.</summary>
    Synchronous,

    /// <summary>Start the run, poll it to the end, then read its dataset (after a 408 from the synchronous call).</summary>
    Asynchronous,
}
