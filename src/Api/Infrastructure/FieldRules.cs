namespace Campaigns.Api.Infrastructure;

/// <summary>
/// The field rules every feature shares — names, e-mail addresses, currencies, date ranges and money — written once.
/// Each feature passes its field name and the wording its clients already read (a <see cref="NameRule"/>, a
/// <see cref="MoneyRule"/>), so one rule answers <c>name</c>, <c>variants[1].name</c> and a CSV column alike.
/// A refused value is reported in <see cref="FieldErrors"/> and returned as null.
/// </summary>
public static class FieldRules
{
    /// <summary>A required name: null is <see cref="NameRule.Missing"/>, otherwise as <see cref="OptionalName"/>.</summary>
    public static string? RequiredName(string? value, FieldErrors errors, string field, NameRule rule)
    {
        if (value is null)
        {
            errors.Add(field, rule.Missing);
            return null;
        }

        return OptionalName(value, errors, field, rule);
    }

    /// <summary>An optional name, trimmed: null is absent; blank is missing or a length error, as the rule says.</summary>
    public static string? OptionalName(string? value, FieldErrors errors, string field, NameRule rule)
    {
        if (value is null)
        {
            return null;
        }

        var name = value.Trim();
        if (name.Length == 0)
        {
            errors.Add(field, rule.BlankIsMissing ? rule.Missing : rule.TooLong);
            return null;
        }

        if (name.Length > rule.MaxLength)
        {
            errors.Add(field, rule.TooLong);
            return null;
        }

        if (rule.RefuseControlCharacters && name.Any(char.IsControl))
        {
            errors.Add(field, $"{field} must not contain control characters (line breaks, tabs and the like).");
            return null;
        }

        return name;
    }

    /// <summary>
    /// An optional e-mail address, trimmed and checked with <see cref="EmailAddress.IsPlausible"/>. Null is absent;
    /// blank is absent too when <paramref name="blankIsNone"/> (a CSV cell left empty), otherwise refused.
    /// </summary>
    public static string? Email(string? value, FieldErrors errors, string field, string invalid, bool blankIsNone)
    {
        var email = value?.Trim();
        if (email is null || (blankIsNone && email.Length == 0))
        {
            return null;
        }

        if (!EmailAddress.IsPlausible(email))
        {
            errors.Add(field, invalid);
            return null;
        }

        return email;
    }

    /// <summary>An ISO 4217 code from <see cref="Vocabulary.Currencies"/>, trimmed and upper-cased; null is <paramref name="fallback"/>.</summary>
    public static string? Currency(string? value, FieldErrors errors, string field, string? fallback)
    {
        var currency = value?.Trim().ToUpperInvariant() ?? fallback;
        if (currency is null)
        {
            return null;
        }

        if (!Vocabulary.Currencies.Contains(currency))
        {
            errors.Add(field, $"Unknown currency '{value}'. Use an ISO 4217 code: {Vocabulary.List(Vocabulary.Currencies)}.");
            return null;
        }

        return currency;
    }

    /// <summary>A date range whose end, when both are given, is on or after its start (the same day is a range of one day).</summary>
    public static void DateRange(DateOnly? start, DateOnly? end, FieldErrors errors, string startField = "start_date", string endField = "end_date")
    {
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add(endField, $"{endField} must be on or after {startField}.");
        }
    }

    /// <summary>An amount of money in minor units (cents), within the rule's bounds; null is missing when required.</summary>
    public static long? Money(long? value, FieldErrors errors, string field, MoneyRule rule, bool required)
    {
        if (value is not { } amount)
        {
            if (required)
            {
                errors.Add(field, rule.Missing);
            }

            return null;
        }

        if (amount < rule.Min)
        {
            errors.Add(field, rule.BelowMin);
            return null;
        }

        if (amount > rule.Max)
        {
            errors.Add(field, rule.AboveMax);
            return null;
        }

        return amount;
    }
}

/// <summary>How long a name may be and what a refusal says; the presets are the wordings the API answers today.</summary>
/// <param name="BlankIsMissing">Whether a blank name is reported as missing (true) or as outside the length bounds.</param>
/// <param name="RefuseControlCharacters">
/// Refuse line breaks, tabs and other control characters inside the name. Off in every preset: CRM names imported from
/// CSV may hold a quoted line break (OutreachCsvTests), and turning it on elsewhere would refuse input accepted today.
/// </param>
public sealed record NameRule(int MaxLength, string Missing, string TooLong, bool BlankIsMissing = true, bool RefuseControlCharacters = false)
{
    /// <summary>"Name is required." / "Name must be at most N characters." — campaigns, templates, creators.</summary>
    public static NameRule Titled(int maxLength) => new(maxLength, "Name is required.", $"Name must be at most {maxLength} characters.");

    /// <summary>"{field} is required." / "{field} must be at most N characters." — A/B tests and their variants.</summary>
    public static NameRule Named(string field, int maxLength) =>
        new(maxLength, $"{field} is required.", $"{field} must be at most {maxLength} characters.");

    /// <summary>"{field} must be 1 to N characters{note}." for blank and too long alike — CRM records, sending accounts.</summary>
    public static NameRule Bounded(string field, int maxLength, string note = "") =>
        new(maxLength, $"{field} is required.", $"{field} must be 1 to {maxLength} characters{note}.", BlankIsMissing: false);
}

/// <summary>The bounds of an amount in minor units and what each refusal says.</summary>
public sealed record MoneyRule(long Min, long Max, string Missing, string BelowMin, string AboveMax);
