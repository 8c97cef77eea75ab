using Campaigns.Integrations.Apify;

namespace Campaigns.Influencer;

/// <summary>How the silo's Apify job worker runs, bound from the configuration section <c>Apify</c> beside <see cref="ApifyOptions"/>.</summary>
public sealed class ApifyWorkerOptions
{
    /// <summary>Off for hosts (such as most tests) that must leave the queue alone.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Jobs this silo runs at once; each loop takes its own job, SKIP LOCKED keeps them apart across silos.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>How long a loop waits after finding no due job.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often held jobs are offered back to the queue (a new day or month, a raised limit, a token configured), and
    /// jobs abandoned by a stopped silo are recovered (<see cref="RunningJobTimeout"/>).
    /// </summary>
    public TimeSpan ReleaseHeldInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A job still <c>running</c> this long after it was taken has lost its worker (its silo stopped) and goes back to the
    /// queue as a failed attempt. Must exceed <see cref="ApifyJobProcessor.RunBudget"/>, or live runs would be taken twice.
    /// </summary>
    public TimeSpan RunningJobTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
