using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Campaigns;

/// <summary>Field rules shared by campaign creation and partial updates.</summary>
public static class CampaignFields
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const long BudgetMax = 1_000_000_000_000_000; // ten trillion in major units: beyond any real campaign

    public static string? Name(string? value, FieldErrors errors)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "Name is required.");
            return null;
        }

        if (name.Length > NameMaxLength)
        {
            errors.Add("name", $"Name must be at most {NameMaxLength} characters.");
        }

        return name;
    }

    public static string? Description(string? value, FieldErrors errors)
    {
        if (value is { Length: > DescriptionMaxLength })
        {
            errors.Add("description", $"Description must be at most {DescriptionMaxLength} characters.");
        }

        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public static void Budget(long? value, FieldErrors errors, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add("budget", "Budget (in minor units, e.g. cents) is required.");
            }
        }
        else if (value < 0)
        {
            errors.Add("budget", "Budget must be zero or more.");
        }
        else if (value > BudgetMax)
        {
            errors.Add("budget", $"Budget must be at most {BudgetMax}.");
        }
    }

    public static string Currency(string? value, FieldErrors errors)
    {
        var currency = value?.Trim().ToUpperInvariant() ?? "USD";
        if (!Vocabulary.Currencies.Contains(currency))
        {
            errors.Add("currency", $"Unknown currency '{value}'. Use an ISO 4217 code: {Vocabulary.List(Vocabulary.Currencies)}.");
        }

        return currency;
    }

    public static IReadOnlyList<string> Goals(IEnumerable<string?>? values, FieldErrors errors) =>
        OneOf("goals", values, Vocabulary.Goals, errors);

    public static IReadOnlyList<string> Platforms(IEnumerable<string?>? values, FieldErrors errors) =>
        OneOf("platforms", values, Vocabulary.Platforms, errors);

    public static void Dates(DateOnly? start, DateOnly? end, FieldErrors errors)
    {
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add("end_date", "end_date must be on or after start_date.");
        }
    }

    private static IReadOnlyList<string> OneOf(string field, IEnumerable<string?>? values, IReadOnlySet<string> known, FieldErrors errors)
    {
        var result = new List<string>();
        foreach (var raw in values ?? [])
        {
            var value = raw?.Trim().ToLowerInvariant();
            if (value is null || !known.Contains(value))
            {
                errors.Add(field, $"Unknown value '{raw}'. Allowed: {Vocabulary.List(known)}.");
            }
            else if (!result.Contains(value))
            {
                result.Add(value);
            }
        }

        return result;
    }
}
