namespace Campaigns.Campaigns;

/// <summary>A partial update: a null member leaves that field as it is.</summary>
/// <remarks>Clearing a date is expressed by the Clear* flags because null already means "unchanged".</remarks>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignChanges")]
public sealed record CampaignChanges
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public long? Budget { get; init; }
    [Id(3)] public string? Currency { get; init; }
    [Id(4)] public IReadOnlyList<string>? Goals { get; init; }
    [Id(5)] public IReadOnlyList<string>? Platforms { get; init; }
    [Id(6)] public DateOnly? StartDate { get; init; }
    [Id(7)] public DateOnly? EndDate { get; init; }
    [Id(8)] public bool ClearStartDate { get; init; }
    [Id(9)] public bool ClearEndDate { get; init; }

    /// <summary>Changes to the influencer section; only influencer campaigns accept them.</summary>
    [Id(10)] public Influencer.InfluencerBriefChanges? Influencer { get; init; }

    /// <summary>Changes to the marketing section; only marketing campaigns accept them.</summary>
    [Id(11)] public MarketingBriefChanges? Marketing { get; init; }

    /// <summary>New marketing content (a JSON object's text); only marketing campaigns accept it.</summary>
    [Id(12)] public string? ContentJson { get; init; }

    [Id(13)] public bool ClearContent { get; init; }

    /// <summary>Changes to the outreach section; only outreach campaigns accept them.</summary>
    [Id(14)] public Outreach.OutreachBriefChanges? Outreach { get; init; }
}
