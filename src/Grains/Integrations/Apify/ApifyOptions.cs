
namespace Campaigns.Integrations.Apify;

/// <summary>Settings of the Apify integration, bound from the configuration section <c>Apify</c>.</summary>
public sealed class ApifyOptions
{
    public const string SectionName = "Apify";

    public string BaseUrl { get; set; } = "https://api.apify.com";

    /// <summary>API token; when empty the client stays "not configured" and never calls Apify.</summary>
    public string? Token { get; set; }

    public ApifyActors Actors { get; set; } = new();

    /// <summary>Retries after the first attempt for network errors, 429 and 5xx.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt of an ordinary request may take before it counts as failed and is retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an asynchronous run's status is read while it is not finished.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past the run's own timeout we keep polling: a run also spends time queued and starting,
    /// which Apify does not count against its timeout.
    /// </summary>
    public TimeSpan PollGrace { get; set; } = TimeSpan.FromMinutes(5);

    public bool HasToken => !string.IsNullOrWhiteSpace(Token);
}
