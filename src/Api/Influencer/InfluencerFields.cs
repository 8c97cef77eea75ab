using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Influencer;

namespace Campaigns.Api.Influencer;

/// <summary>Field rules of an influencer campaign's section, shared by creation and merge-patch.</summary>
public static class InfluencerFields
{
    public const int LocationMaxLength = 200;
    public const int AudienceMaxLength = 2_000;
    public const int TagMaxLength = 100;
    public const int MaxTags = 30;
    public const int LinkPatternMaxLength = 500;

    public static AudienceSize? AudienceSize(string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (AudienceSizes.Parse(value) is { } size)
        {
            return size;
        }

        errors.Add("audience_size", $"Unknown value '{value}'. Allowed: {string.Join(", ", Enum.GetValues<global::Campaigns.Influencer.AudienceSize>().Select(AudienceSizes.Name))}.");
        return null;
    }

    public static string? Text(string field, string? value, int maxLength, FieldErrors errors)
    {
        var text = value?.Trim();
        if (text is { Length: > 0 } && text.Length > maxLength)
        {
            errors.Add(field, $"{field} must be at most {maxLength} characters.");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Hashtags or mentions as the brand typed them, trimmed; the sigil is optional, duplicates (ignoring case) dropped.</summary>
    public static IReadOnlyList<string> Tags(string field, char sigil, IEnumerable<string?>? values, FieldErrors errors)
    {
        var tags = new List<string>();
        foreach (var raw in values ?? [])
        {
            var tag = raw?.Trim();
            var bare = tag?.TrimStart(sigil);
            if (string.IsNullOrEmpty(bare) || bare.Any(c => char.IsWhiteSpace(c) || c == '#' || c == '@'))
            {
                errors.Add(field, $"'{raw}' is not a {(sigil == '#' ? "hashtag" : "mention")}: one word, '{sigil}' optional, such as '{sigil}brand'.");
            }
            else if (bare.Length > TagMaxLength)
            {
                errors.Add(field, $"'{raw}' is longer than {TagMaxLength} characters.");
            }
            else if (!tags.Any(t => string.Equals(t.TrimStart(sigil), bare, StringComparison.OrdinalIgnoreCase)))
            {
                tags.Add(tag!);
            }
        }

        if (tags.Count > MaxTags)
        {
            errors.Add(field, $"At most {MaxTags} entries.");
        }

        return tags;
    }

    public static string? LinkPattern(string? value, FieldErrors errors, string field = "tracking_config.tracking_link_pattern")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > LinkPatternMaxLength)
        {
            errors.Add(field, $"At most {LinkPatternMaxLength} characters.");
            return null;
        }

        if (!TrackingLinkPattern.TryParse(value, out _, out var error))
        {
            errors.Add(field, error);
            return null;
        }

        return value.Trim();
    }

    public static double? MinMatchConfidence(double? value, FieldErrors errors, string field = "tracking_config.min_match_confidence")
    {
        if (value is { } confidence && (double.IsNaN(confidence) || confidence <= 0 || confidence > 1))
        {
            errors.Add(field, "min_match_confidence must be above 0 and at most 1 (the default is 0.7).");
            return null;
        }

        return value;
    }
}
