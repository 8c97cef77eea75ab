
namespace Campaigns.Simulators.Apify;

/// <summary>One request the simulator received and what it answered, for tests to assert on.</summary>
public sealed record RecordedApifyRequest(
    ApifyEndpoint Endpoint,
    string Method,
    string Path,
    string Query,
    string? Authorization,
    string Body,
    int ResponseStatus,
    DateTimeOffset ReceivedAt);
