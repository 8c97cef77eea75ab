using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Influencer;

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
