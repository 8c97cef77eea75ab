
namespace Campaigns.Influencer;

/// <summary>What automatic matching concluded about one post for one campaign (the seed's <c>detect_campaign_post</c>).</summary>
/// <param name="Confidence">In [0, 1]; 0 when the post cannot be campaign content whatever its signals.</param>
/// <param name="Signals">Every signal found, even when the dates rule the post out, so a person can see why.</param>
/// <param name="MissingRequired">Required hashtags and mentions not found, as <c>#tag</c> and <c>@account</c>.</param>
/// <param name="Reason">Why the post is not campaign content; null when it is.</param>
[GenerateSerializer, Immutable, Alias("campaigns.MatchResult")]
public sealed record MatchResult(
    [property: Id(0)] double Confidence,
    [property: Id(1)] MatchVerdict Verdict,
    [property: Id(2)] IReadOnlyList<MatchedSignal> Signals,
    [property: Id(3)] IReadOnlyList<string> MissingRequired,
    [property: Id(4)] string? Reason)
{
    /// <summary>The <c>is_campaign_content</c> column: confidence reached the campaign's minimum.</summary>
    public bool IsCampaignContent => Verdict == MatchVerdict.Matched;
}

[GenerateSerializer, Alias("campaigns.MatchVerdict")]
public enum MatchVerdict
{
    Matched = 0,
    BelowMinimumConfidence = 1,
    NoSignals = 2,
    OutsideCampaignDates = 3,
    PublishTimeUnknown = 4,
}
