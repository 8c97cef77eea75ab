
namespace Campaigns.Influencer;

/// <summary>
/// The influencer section of a campaign (seed 000, stage 1): whom to select and how to recognise the campaign's posts.
/// </summary>
/// <param name="AudienceSize">The follower band creators are selected from; null selects from every band.</param>
/// <param name="TargetLocation">Matched as a substring of the profile's location, ignoring case; null matches any.</param>
/// <param name="TargetAudience">Free text for people (the brief); selection does not read it.</param>
[GenerateSerializer, Immutable, Alias("campaigns.InfluencerBrief")]
public sealed record InfluencerBrief(
    [property: Id(0)] AudienceSize? AudienceSize,
    [property: Id(1)] string? TargetLocation,
    [property: Id(2)] string? TargetAudience,
    [property: Id(3)] TrackingConfig TrackingConfig)
{
    public static InfluencerBrief Empty { get; } = new(null, null, null, TrackingConfig.Empty);
}

/// <summary>
/// A merge-patch of <see cref="InfluencerBrief"/>: a null member is unchanged; the Clear* flags and empty texts clear.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.InfluencerBriefChanges")]
public sealed record InfluencerBriefChanges
{
    [Id(0)] public AudienceSize? AudienceSize { get; init; }
    [Id(1)] public bool ClearAudienceSize { get; init; }

    /// <summary>Empty clears.</summary>
    [Id(2)] public string? TargetLocation { get; init; }

    /// <summary>Empty clears.</summary>
    [Id(3)] public string? TargetAudience { get; init; }

    [Id(4)] public IReadOnlyList<string>? RequiredHashtags { get; init; }
    [Id(5)] public IReadOnlyList<string>? OptionalHashtags { get; init; }
    [Id(6)] public IReadOnlyList<string>? RequiredMentions { get; init; }

    /// <summary>Empty clears.</summary>
    [Id(7)] public string? TrackingLinkPattern { get; init; }

    [Id(8)] public double? MinMatchConfidence { get; init; }

    public InfluencerBrief ApplyTo(InfluencerBrief brief) => new(
        ClearAudienceSize ? null : AudienceSize ?? brief.AudienceSize,
        TargetLocation is { } location ? NullIfEmpty(location) : brief.TargetLocation,
        TargetAudience is { } audience ? NullIfEmpty(audience) : brief.TargetAudience,
        new TrackingConfig(
            RequiredHashtags is { } required ? [.. required] : brief.TrackingConfig.RequiredHashtags,
            OptionalHashtags is { } optional ? [.. optional] : brief.TrackingConfig.OptionalHashtags,
            RequiredMentions is { } mentions ? [.. mentions] : brief.TrackingConfig.RequiredMentions,
            TrackingLinkPattern is { } pattern ? NullIfEmpty(pattern) : brief.TrackingConfig.TrackingLinkPattern,
            MinMatchConfidence ?? brief.TrackingConfig.MinMatchConfidence));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
