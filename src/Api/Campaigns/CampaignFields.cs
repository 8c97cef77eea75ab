using Campaigns.Api.Infrastructure;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Campaigns;

/// <summary>Field rules shared by campaign creation and partial updates.</summary>
public static class CampaignFields
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const long BudgetMax = 1_000_000_000_000_000; // ten trillion in major units: beyond any real campaign

    private static readonly NameRule NameRule = NameRule.Titled(NameMaxLength);

    private static readonly MoneyRule BudgetRule = new(
        0, BudgetMax, "Budget (in minor units, e.g. cents) is required.", "Budget must be zero or more.", $"Budget must be at most {BudgetMax}.");

    public static string? Name(string? value, FieldErrors errors) => FieldRules.RequiredName(value, errors, "name", NameRule);

    public static string? Description(string? value, FieldErrors errors)
    {
        if (value is { Length: > DescriptionMaxLength })
        {
            errors.Add("description", $"Description must be at most {DescriptionMaxLength} characters.");
        }

        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public static void Budget(long? value, FieldErrors errors, bool required) => FieldRules.Money(value, errors, "budget", BudgetRule, required);

    /// <summary>The campaign's ISO 4217 currency; none given is USD.</summary>
    public static string? Currency(string? value, FieldErrors errors) => FieldRules.Currency(value, errors, "currency", fallback: "USD");

    public static IReadOnlyList<string> Goals(IEnumerable<string?>? values, FieldErrors errors) =>
        OneOf("goals", values, Vocabulary.Goals, errors);

    public static IReadOnlyList<string> Platforms(IEnumerable<string?>? values, FieldErrors errors) =>
        OneOf("platforms", values, Vocabulary.Platforms, errors);

    public static void Dates(DateOnly? start, DateOnly? end, FieldErrors errors) => FieldRules.DateRange(start, end, errors);

    /// <summary>
    /// Refuses each field sent (a non-null value) for a campaign whose kind does not have it, naming the field: the one
    /// wording of "Only {kind} campaigns have {field}". An unknown kind refuses nothing (the kind itself is refused).
    /// </summary>
    public static void OnlyFor(CampaignKind owner, CampaignKind? kind, FieldErrors errors, params (string Field, object? Value)[] fields)
    {
        foreach (var (field, value) in fields)
        {
            if (value is not null && kind is { } known && known != owner)
            {
                errors.Add(field, OnlyForMessage(owner, field, known));
            }
        }
    }

    public static string OnlyForMessage(CampaignKind owner, string field, CampaignKind kind) =>
        $"Only {DbNames.Of(owner)} campaigns have {field}; this one is '{DbNames.Of(kind)}'.";

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
