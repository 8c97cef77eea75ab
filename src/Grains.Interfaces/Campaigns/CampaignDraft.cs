using Campaigns.Infrastructure;

namespace Campaigns.Campaigns;

/// <summary>The fields a new campaign is created with, already validated at the edge.</summary>
/// <param name="Marketing">The marketing section; only marketing campaigns have one.</param>
/// <param name="ContentJson">Marketing content per platform (a JSON object's text); only marketing campaigns have it.</param>
/// <param name="Influencer">The influencer section; only influencer campaigns have one (an empty brief when none was sent).</param>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignDraft")]
public sealed record CampaignDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] CampaignKind Kind,
    [property: Id(3)] long Budget,
    [property: Id(4)] string Currency,
    [property: Id(5)] IReadOnlyList<string> Goals,
    [property: Id(6)] IReadOnlyList<string> Platforms,
    [property: Id(7)] DateOnly? StartDate,
    [property: Id(8)] DateOnly? EndDate,
    [property: Id(9)] Influencer.InfluencerBrief? Influencer = null,
    [property: Id(10)] MarketingBrief? Marketing = null,
    [property: Id(11)] string? ContentJson = null,
    [property: Id(12)] Guid? DuplicatedFrom = null,
    [property: Id(13)] Outreach.OutreachBrief? Outreach = null);

[GenerateSerializer, Immutable, Alias("campaigns.DraftResult")]
public sealed record DraftResult([property: Id(0)] CommandOutcome Outcome, [property: Id(1)] CampaignDraft? Draft = null);
