
namespace Campaigns.Influencer;

/// <summary>One piece of evidence that a post belongs to a campaign, and where it was seen.</summary>
/// <param name="Value">The configured tag as <c>#tag</c> or <c>@account</c>, or the link that matched the pattern.</param>
[GenerateSerializer, Immutable, Alias("campaigns.MatchedSignal")]
public sealed record MatchedSignal(
    [property: Id(0)] SignalKind Kind,
    [property: Id(1)] string Value,
    [property: Id(2)] SignalSource Source);

[GenerateSerializer, Alias("campaigns.SignalKind")]
public enum SignalKind
{
    RequiredHashtag = 0,
    OptionalHashtag = 1,
    RequiredMention = 2,
    TrackingLink = 3,
}

/// <summary>Caption text, or a field the actor filled on its own (hashtag and mention arrays, tagged accounts, links).</summary>
[GenerateSerializer, Alias("campaigns.SignalSource")]
public enum SignalSource
{
    Caption = 0,
    ActorField = 1,
}
