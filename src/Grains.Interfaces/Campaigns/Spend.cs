using Campaigns.Infrastructure;

namespace Campaigns.Campaigns;

/// <summary>One spend report, validated at the edge except for what only the campaign knows (its currency).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.SpendRequest")]
public sealed record SpendRequest(
    [property: Id(0)] long Amount,
    [property: Id(1)] string Currency,
    [property: Id(2)] string IdempotencyKey);

/// <summary>A row of a campaign's spend ledger.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.SpendEntry")]
public sealed record SpendEntry(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] long Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] string IdempotencyKey,
    [property: Id(5)] DateTimeOffset CreatedAt);

/// <summary>The answer to a spend report: the ledger row (the first one's on a repeat) and the campaign after it.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.SpendResult")]
public sealed record SpendResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] SpendEntry? Entry = null,
    [property: Id(2)] CampaignView? Campaign = null,
    [property: Id(3)] string? Message = null,
    [property: Id(4)] IReadOnlyDictionary<string, string[]>? Errors = null);

[GenerateSerializer, Immutable, Alias("campaigns.SpendPage")]
public sealed record SpendPage(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] IReadOnlyList<SpendEntry>? Items = null,
    [property: Id(2)] Guid? Next = null);
