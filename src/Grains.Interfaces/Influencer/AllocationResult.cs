using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Influencer;

/// <summary>The answer to an allocation command: the allocation on success, otherwise why not.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AllocationResult")]
public sealed record AllocationResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] AllocationView? Allocation = null,
    [property: Id(2)] string? Message = null)
{
    public static AllocationResult Ok(AllocationView allocation) => new(CommandOutcome.Ok, allocation);
    public static AllocationResult NotFound() => new(CommandOutcome.NotFound, Message: "Allocation not found.");
    public static AllocationResult Conflict(string message) => new(CommandOutcome.Conflict, Message: message);
}

/// <summary>What activating an influencer campaign did: the campaign, now active, and the allocations it created.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ActivationResult")]
public sealed record ActivationResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] CampaignView? Campaign = null,
    [property: Id(2)] IReadOnlyList<AllocationView>? Allocations = null,
    [property: Id(3)] string? Message = null,
    [property: Id(4)] IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static ActivationResult From(CampaignResult refused) =>
        new(refused.Outcome, Message: refused.Message, Errors: refused.Errors);
}

/// <summary>What a decline did: the declined allocation and the one that took its budget, if a creator was left.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.DeclineResult")]
public sealed record DeclineResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] AllocationView? Declined = null,
    [property: Id(2)] AllocationView? Replacement = null,
    [property: Id(3)] string? Message = null);

/// <summary>A queued scrape: the job, and whether this request queued it or found it already waiting.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.RefreshResult")]
public sealed record RefreshResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] ApifyJob? Job = null,
    [property: Id(2)] bool Queued = false,
    [property: Id(3)] string? Message = null);
