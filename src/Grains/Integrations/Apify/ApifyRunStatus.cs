
namespace Campaigns.Integrations.Apify;

/// <summary>Apify's run statuses, spelled as Apify spells them.</summary>
public static class ApifyRunStatus
{
    public const string Ready = "READY";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string TimingOut = "TIMING-OUT";
    public const string TimedOut = "TIMED-OUT";
    public const string Aborting = "ABORTING";
    public const string Aborted = "ABORTED";

    /// <summary>True once a run can no longer change: only then are its dataset and cost final.</summary>
    public static bool IsTerminal(string status) =>
        status is Succeeded or Failed or TimedOut or Aborted;
}
