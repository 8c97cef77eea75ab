using System.Globalization;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Influencer;

/// <summary>
/// Field rules for creators and their social profiles, shared by JSON bodies, merge patches and CSV rows.
/// Each rule takes the field name to report, since the same rule answers for <c>profiles[1].username</c> and a CSV column.
/// </summary>
public static class CreatorFields
{
    public const int NameMaxLength = 200;
    public const int UsernameMaxLength = 100;
    public const int LocationMaxLength = 200;
    public const int BioMaxLength = 5_000;
    public const int NicheMaxLength = 50;
    public const int NichesMaxCount = 30;
    public const int ProfilesMaxCount = 20;

    public static string? Name(string? value, FieldErrors errors, string field = "name") =>
        FieldRules.RequiredName(value, errors, field, NameRule.Titled(NameMaxLength));

    /// <summary>Optional: blank means none.</summary>
    public static string? Email(string? value, FieldErrors errors, string field = "email") =>
        FieldRules.Email(value, errors, field, "Expected an e-mail address.", blankIsNone: true);

    public static string? Platform(string? value, FieldErrors errors, string field)
    {
        var platform = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(platform))
        {
            errors.Add(field, $"Platform is required: one of {Vocabulary.List(Vocabulary.CreatorPlatforms)}.");
            return null;
        }

        if (!Vocabulary.CreatorPlatforms.Contains(platform))
        {
            errors.Add(field, $"Unknown platform '{value}'. Allowed: {Vocabulary.List(Vocabulary.CreatorPlatforms)}.");
            return null;
        }

        return platform;
    }

    /// <summary>The handle without a leading '@'; its case is kept, but handles compare case-insensitively.</summary>
    public static string? Username(string? value, FieldErrors errors, string field)
    {
        var username = value?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(username))
        {
            errors.Add(field, "Username (the handle on the platform) is required.");
            return null;
        }

        if (username.Length > UsernameMaxLength || username.Any(char.IsWhiteSpace))
        {
            errors.Add(field, $"Username must be one handle without spaces, at most {UsernameMaxLength} characters.");
        }

        return username;
    }

    public static long? Followers(long? value, FieldErrors errors, string field)
    {
        if (value < 0)
        {
            errors.Add(field, "Followers must be zero or more.");
        }

        return value;
    }

    /// <summary>A fraction: 0.035 is 3.5 %, the unit of a post's (likes+comments+shares)/followers.</summary>
    public static decimal? EngagementRate(decimal? value, FieldErrors errors, string field)
    {
        if (value is < 0 or > 1)
        {
            errors.Add(field, "Engagement rate is a fraction from 0 to 1 (3.5 % is 0.035).");
        }

        return value is { } rate ? decimal.Round(rate, 6) : null;
    }

    public static int? Count(long? value, FieldErrors errors, string field)
    {
        if (value is < 0 or > int.MaxValue)
        {
            errors.Add(field, $"Must be a whole number from 0 to {int.MaxValue}.");
            return null;
        }

        return (int?)value;
    }

    /// <summary>Lower-cased, trimmed and de-duplicated, in the order given.</summary>
    public static IReadOnlyList<string> Niches(IEnumerable<string?>? values, FieldErrors errors, string field)
    {
        var niches = new List<string>();
        foreach (var raw in values ?? [])
        {
            var niche = raw?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(niche) || niche.Length > NicheMaxLength)
            {
                errors.Add(field, $"Each niche is a non-empty text of at most {NicheMaxLength} characters.");
            }
            else if (!niches.Contains(niche))
            {
                niches.Add(niche);
            }
        }

        if (niches.Count > NichesMaxCount)
        {
            errors.Add(field, $"At most {NichesMaxCount} niches.");
        }

        return niches;
    }

    public static string? Location(string? value, FieldErrors errors, string field) => OptionalText(value, LocationMaxLength, errors, field);

    public static string? Bio(string? value, FieldErrors errors, string field) => OptionalText(value, BioMaxLength, errors, field);

    /// <summary>Integers and decimals in CSV cells: invariant culture; a trailing '%' divides by 100 (3.5% is 0.035).</summary>
    public static bool TryParseRate(string text, out decimal rate)
    {
        var percent = text.EndsWith('%');
        var ok = decimal.TryParse(percent ? text[..^1].Trim() : text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out rate);
        if (ok && percent)
        {
            rate /= 100;
        }

        return ok;
    }

    private static string? OptionalText(string? value, int maxLength, FieldErrors errors, string field)
    {
        var text = value?.Trim();
        if (text is { Length: > 0 } && text.Length > maxLength)
        {
            errors.Add(field, $"Must be at most {maxLength} characters.");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }
}
