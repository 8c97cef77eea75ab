namespace Campaigns.Infrastructure;

/// <summary>How a command ended; the API maps it onto HTTP statuses (docs/ARCHITECTURE.md, "Results and errors").</summary>
[GenerateSerializer, Alias("campaigns.CommandOutcome")]
public enum CommandOutcome
{
    Ok = 0,
    NotFound = 1,
    Conflict = 2,
    Invalid = 3,
}
