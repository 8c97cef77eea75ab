
namespace Campaigns.Integrations.Telegram;

/// <summary>Exponential backoff with jitter for the gateway's retries, so many failed sends do not retry in lock step.</summary>
public static class TelegramBackoff
{
    /// <summary>base × 2^attempt, scaled by a random factor in [0.5, 1.5).</summary>
    public static TimeSpan Delay(TimeSpan baseDelay, int attempt) =>
        TimeSpan.FromTicks((long)(baseDelay.Ticks * Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble())));
}
