
namespace Campaigns.Campaigns;

/// <summary>The marketing section of a <c>marketing</c> campaign (seed: <c>campaign_type</c>, media, segments).</summary>
/// <param name="Type">One of <see cref="Types"/>, or null when not chosen.</param>
/// <param name="MediaUrls">Absolute http(s) URLs of the campaign's media, in order.</param>
/// <param name="SegmentIds">The audience segments the campaign targets.</param>
[GenerateSerializer, Immutable, Alias("campaigns.MarketingBrief")]
public sealed record MarketingBrief(
    [property: Id(0)] string? Type,
    [property: Id(1)] List<string> MediaUrls,
    [property: Id(2)] List<Guid> SegmentIds)
{
    public static readonly IReadOnlyList<string> Types = ["ppv", "subscription", "promotion", "engagement", "retention"];

    public const int MaxMediaUrls = 20;

    /// <remarks>Shared: its lists are never changed in place (docs/ARCHITECTURE.md, rule 1).</remarks>
    public static readonly MarketingBrief Empty = new(null, [], []);

    public bool IsEmpty => Type is null && MediaUrls.Count == 0 && SegmentIds.Count == 0;
}

/// <summary>A partial update of <see cref="MarketingBrief"/>: null leaves a member as it is; an empty type clears it.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.MarketingBriefChanges")]
public sealed record MarketingBriefChanges
{
    [Id(0)] public string? Type { get; init; }
    [Id(1)] public IReadOnlyList<string>? MediaUrls { get; init; }
    [Id(2)] public IReadOnlyList<Guid>? SegmentIds { get; init; }

    /// <summary>The API names of the members this change touches, for refusing them on other kinds.</summary>
    public IEnumerable<string> Fields()
    {
        if (Type is not null) yield return "type";
        if (MediaUrls is not null) yield return "media_urls";
        if (SegmentIds is not null) yield return "segment_ids";
    }

    public MarketingBrief ApplyTo(MarketingBrief brief) => new(
        Type is null ? brief.Type : Type.Length == 0 ? null : Type,
        MediaUrls is { } mediaUrls ? [.. mediaUrls] : brief.MediaUrls,
        SegmentIds is { } segmentIds ? [.. segmentIds] : brief.SegmentIds);
}
