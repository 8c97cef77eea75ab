using System.Globalization;

namespace Campaigns.Influencer;

/// <summary>
/// Decides whether a scraped post is content of one campaign (docs/domain/influencer.md#post-matching): which tracking
/// signals it carries, how confident that makes us, and whether that reaches the campaign's minimum.
/// </summary>
/// <remarks>
/// <para>Signals. A configured hashtag or mention counts when it appears, as a whole token and ignoring case, in the
/// title or caption or in the actor's own arrays (hashtags, mentions, tagged accounts). The tracking link counts when
/// any link in the caption or in the actor's link fields matches <see cref="TrackingLinkPattern"/>.</para>
/// <para>Formula. With r = found / configured required hashtags and mentions together, o = found / configured optional
/// hashtags (each 0 when none are configured), and l = 1 when the tracking link was found, else 0:</para>
/// <code>
/// evidence(r, o, l) = 1 − (1 − 0.7·r) · (1 − 0.7·l) · (1 − 0.3·o)
/// confidence       = evidence(r, o, l) / evidence(every configured signal found)
/// </code>
/// <para>Why this shape. Each kind of evidence is combined like independent probabilities ("noisy or"), so any found
/// signal can only raise the result and the result stays in [0, 1]. All required tags alone give evidence 0.7; a
/// brand's own tracking link alone is as strong, because nobody posts it by accident; optional hashtags only support.
/// Dividing by what the configuration can possibly yield means a post carrying everything the brand asked for scores
/// 1, so a brand that only configured a link or only optional hashtags can still have posts matched, and the divisor,
/// at most 1, can only raise the 0.7 that all required tags earn. Nothing found gives 0. The result is rounded to four
/// decimals, as stored.</para>
/// <para>Dates. A post published outside the campaign's days, or without a publish time while the campaign has
/// dates, is not campaign content: confidence 0, its signals still listed so a person can see what it carried.</para>
/// </remarks>
public sealed class PostMatcher
{
    private const double RequiredWeight = 0.7;
    private const double TrackingLinkWeight = 0.7;
    private const double OptionalWeight = 0.3;

    private readonly IReadOnlyList<string> requiredHashtags;
    private readonly IReadOnlyList<string> requiredMentions;
    private readonly IReadOnlyList<string> optionalHashtags;
    private readonly TrackingLinkPattern? trackingLink;
    private readonly double minMatchConfidence;
    private readonly CampaignPeriod period;
    private readonly double bestEvidence;

    /// <exception cref="FormatException">The tracking link pattern is not valid; the API validates it first.</exception>
    public PostMatcher(TrackingConfig config, CampaignPeriod period)
    {
        requiredHashtags = Folded(config.RequiredHashtags);
        requiredMentions = Folded(config.RequiredMentions);
        optionalHashtags = Folded(config.OptionalHashtags).Except(requiredHashtags).ToList();
        trackingLink = string.IsNullOrWhiteSpace(config.TrackingLinkPattern)
            ? null
            : TrackingLinkPattern.Parse(config.TrackingLinkPattern);
        minMatchConfidence = config.MinMatchConfidence;
        this.period = period;
        bestEvidence = Evidence(
            requiredHashtags.Count + requiredMentions.Count > 0 ? 1 : 0,
            optionalHashtags.Count > 0 ? 1 : 0,
            trackingLink is null ? 0 : 1);
    }

    public MatchResult Match(ScrapedPost post)
    {
        var caption = string.Join('\n', new[] { post.Title, post.Text }.OfType<string>());
        var captionTags = CaptionTokens.Hashtags(caption).Select(CaptionTokens.Fold).ToHashSet(StringComparer.Ordinal);
        var fieldTags = post.Hashtags.Select(CaptionTokens.Fold).ToHashSet(StringComparer.Ordinal);
        var captionHandles = CaptionTokens.Mentions(caption).Select(CaptionTokens.Fold).ToHashSet(StringComparer.Ordinal);
        var fieldHandles = post.Mentions.Select(CaptionTokens.Fold).ToHashSet(StringComparer.Ordinal);

        var signals = new List<MatchedSignal>();
        var missing = new List<string>();
        var foundRequired =
            Look(requiredHashtags, "#", SignalKind.RequiredHashtag, captionTags, fieldTags, signals, missing) +
            Look(requiredMentions, "@", SignalKind.RequiredMention, captionHandles, fieldHandles, signals, missing);
        var foundOptional = Look(optionalHashtags, "#", SignalKind.OptionalHashtag, captionTags, fieldTags, signals, null);
        var link = FindTrackingLink(caption, post.Links);
        if (link is not null)
        {
            signals.Add(link);
        }

        var requiredCount = requiredHashtags.Count + requiredMentions.Count;
        var evidence = Evidence(
            requiredCount == 0 ? 0 : (double)foundRequired / requiredCount,
            optionalHashtags.Count == 0 ? 0 : (double)foundOptional / optionalHashtags.Count,
            link is null ? 0 : 1);
        var confidence = bestEvidence == 0 ? 0 : Math.Round(evidence / bestEvidence, 4);

        if (OutsidePeriod(post.PostedAt) is { } exclusion)
        {
            return new MatchResult(0, exclusion.Verdict, signals, missing, exclusion.Reason);
        }

        if (signals.Count == 0)
        {
            return new MatchResult(0, MatchVerdict.NoSignals, signals, missing, bestEvidence == 0
                ? "The campaign's tracking config names no hashtag, mention or tracking link to look for."
                : "None of the campaign's hashtags, mentions or tracking link appear in the post.");
        }

        if (confidence >= minMatchConfidence)
        {
            return new MatchResult(confidence, MatchVerdict.Matched, signals, missing, null);
        }

        var shortfall = string.Create(
            CultureInfo.InvariantCulture,
            $"Confidence {confidence:0.####} is below the campaign's minimum {minMatchConfidence:0.####}");
        return new MatchResult(confidence, MatchVerdict.BelowMinimumConfidence, signals, missing,
            missing.Count == 0 ? shortfall + "." : $"{shortfall}; missing {string.Join(", ", missing)}.");
    }

    private static double Evidence(double required, double optional, double trackingLink) =>
        1 - (1 - RequiredWeight * required) * (1 - TrackingLinkWeight * trackingLink) * (1 - OptionalWeight * optional);

    private static List<string> Folded(IEnumerable<string> tags) =>
        tags.Select(CaptionTokens.Fold).Where(tag => tag.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Records each wanted tag found (caption first) as a signal, the others as missing; returns how many were found.</summary>
    private static int Look(
        IReadOnlyList<string> wanted,
        string marker,
        SignalKind kind,
        HashSet<string> inCaption,
        HashSet<string> inFields,
        List<MatchedSignal> signals,
        List<string>? missing)
    {
        var found = 0;
        foreach (var tag in wanted)
        {
            SignalSource? source = inCaption.Contains(tag) ? SignalSource.Caption
                : inFields.Contains(tag) ? SignalSource.ActorField
                : null;
            if (source is { } where)
            {
                signals.Add(new MatchedSignal(kind, marker + tag, where));
                found++;
            }
            else
            {
                missing?.Add(marker + tag);
            }
        }

        return found;
    }

    private MatchedSignal? FindTrackingLink(string caption, IEnumerable<string> linkFields)
    {
        if (trackingLink is null)
        {
            return null;
        }

        var inCaption = CaptionTokens.Links(caption).FirstOrDefault(trackingLink.Matches);
        if (inCaption is not null)
        {
            return new MatchedSignal(SignalKind.TrackingLink, inCaption, SignalSource.Caption);
        }

        var inFields = linkFields.FirstOrDefault(trackingLink.Matches);
        return inFields is null ? null : new MatchedSignal(SignalKind.TrackingLink, inFields, SignalSource.ActorField);
    }

    private (MatchVerdict Verdict, string Reason)? OutsidePeriod(DateTimeOffset? postedAt)
    {
        if (!period.IsBounded)
        {
            return null;
        }

        if (postedAt is not { } published)
        {
            return (MatchVerdict.PublishTimeUnknown,
                "The actor gave no publish time, so the post cannot be placed within the campaign dates.");
        }

        var when = published.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (period.StartsAfter(published))
        {
            return (MatchVerdict.OutsideCampaignDates,
                $"Published {when} UTC, before the campaign starts on {period.Start!.Value:yyyy-MM-dd}.");
        }

        if (period.EndedBefore(published))
        {
            return (MatchVerdict.OutsideCampaignDates,
                $"Published {when} UTC, after the campaign ended on {period.End!.Value:yyyy-MM-dd}.");
        }

        return null;
    }
}
