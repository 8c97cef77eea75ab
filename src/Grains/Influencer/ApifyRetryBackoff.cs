
namespace Campaigns.Influencer;

/// <summary>
/// How long a failed Apify job waits before its next attempt: doubling from <see cref="First"/> up to
/// <see cref="Longest"/>, so a short outage retries soon and a long one does not hammer Apify.
/// </summary>
public sealed record ApifyRetryBackoff(TimeSpan First, TimeSpan Longest)
{
    public static readonly ApifyRetryBackoff Default = new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    /// <param name="failedAttempts">Attempts failed so far, this one included (1 after the first failure).</param>
    public TimeSpan After(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var doublings = Math.Min(failedAttempts - 1, 30); // 2^30 minutes is far past any sane cap; avoids overflow
        var delay = First * Math.Pow(2, doublings);
        return delay < Longest ? delay : Longest;
    }
}
