
namespace Campaigns.Influencer;

/// <summary>
/// How an influencer campaign recognises its own posts (the seed's <c>campaign_tracking_config</c>). Values are kept as
/// the brand typed them; <c>#</c> and <c>@</c> are optional and case does not matter, matching normalises both.
/// </summary>
/// <param name="TrackingLinkPattern">
/// A link such as <c>brand.com/go/anna</c> or <c>https://bit.ly/brand-*</c>; see <c>TrackingLinkPattern</c> for the syntax.
/// </param>
/// <param name="MinMatchConfidence">A post whose confidence reaches this value counts as campaign content.</param>
[GenerateSerializer, Immutable, Alias("campaigns.TrackingConfig")]
public sealed record TrackingConfig(
    [property: Id(0)] List<string> RequiredHashtags,
    [property: Id(1)] List<string> OptionalHashtags,
    [property: Id(2)] List<string> RequiredMentions,
    [property: Id(3)] string? TrackingLinkPattern,
    [property: Id(4)] double MinMatchConfidence = TrackingConfig.DefaultMinMatchConfidence)
{
    /// <summary>The seed's default: every required hashtag and mention present is just enough.</summary>
    public const double DefaultMinMatchConfidence = 0.7;

    /// <remarks>Shared: its lists, like every list in this record, are never changed in place (docs/ARCHITECTURE.md, rule 1).</remarks>
    public static TrackingConfig Empty { get; } = new([], [], [], null);

    /// <summary>Equal by content: record equality would compare the lists by reference.</summary>
    public bool SameAs(TrackingConfig other) =>
        RequiredHashtags.SequenceEqual(other.RequiredHashtags)
        && OptionalHashtags.SequenceEqual(other.OptionalHashtags)
        && RequiredMentions.SequenceEqual(other.RequiredMentions)
        && TrackingLinkPattern == other.TrackingLinkPattern
        && MinMatchConfidence.Equals(other.MinMatchConfidence);
}
