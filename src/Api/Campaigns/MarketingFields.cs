using System.Text.Json;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Campaigns;

/// <summary>The marketing section's fields: <c>type</c>, <c>media_urls</c>, <c>segment_ids</c> and per-platform <c>content</c>.</summary>
public static class MarketingFields
{
    public const int MaxUrlLength = 2048;

    public static string? Type(string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        var type = value.Trim().ToLowerInvariant();
        if (!MarketingBrief.Types.Contains(type))
        {
            errors.Add("type", $"Unknown value '{value}'. Allowed: {string.Join(", ", MarketingBrief.Types)}.");
            return null;
        }

        return type;
    }

    public static IReadOnlyList<string> MediaUrls(IEnumerable<string?>? values, FieldErrors errors)
    {
        var urls = new List<string>();
        foreach (var raw in values ?? [])
        {
            if (raw is null || raw.Length > MaxUrlLength
                || !Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            {
                errors.Add("media_urls", $"'{raw}' is not an absolute http(s) URL of at most {MaxUrlLength} characters.");
                continue;
            }

            urls.Add(raw);
        }

        if (urls.Count > MarketingBrief.MaxMediaUrls)
        {
            errors.Add("media_urls", $"At most {MarketingBrief.MaxMediaUrls} media URLs; {urls.Count} were sent.");
        }

        return urls;
    }

    public static IReadOnlyList<Guid> SegmentIds(IEnumerable<string?>? values, FieldErrors errors)
    {
        var ids = new List<Guid>();
        foreach (var raw in values ?? [])
        {
            if (raw is null || !Guid.TryParse(raw, out var id))
            {
                errors.Add("segment_ids", $"'{raw}' is not a uuid.");
                continue;
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>A JSON object keyed by platform; returns its text, or null when refused.</summary>
    public static string? Content(JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add("content", "Expected a JSON object keyed by platform (e.g. {\"instagram\": {...}}).");
            return null;
        }

        foreach (var member in value.EnumerateObject())
        {
            if (!Vocabulary.Platforms.Contains(member.Name))
            {
                errors.Add($"content.{member.Name}", $"Unknown platform '{member.Name}'. Allowed: {Vocabulary.List(Vocabulary.Platforms)}.");
            }
        }

        return value.GetRawText();
    }
}
