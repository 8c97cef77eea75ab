
namespace Campaigns.Simulators.Apify;

/// <summary>How the next asynchronous run behaves: polls answered RUNNING, then its final status and cost.</summary>
/// <param name="PollsWhileRunning">Status reads that answer RUNNING before the final status shows.</param>
/// <param name="FinalStatus">Apify's spelling: SUCCEEDED, FAILED, TIMED-OUT or ABORTED.</param>
public sealed record ApifyRunScript(
    int PollsWhileRunning = 1,
    string FinalStatus = "SUCCEEDED",
    decimal UsageTotalUsd = 0.0125m,
    string? StatusMessage = null)
{
    public static ApifyRunScript Default { get; } = new();
}
