using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Crm;

/// <summary>Validation and normalization of CRM fields (contacts, companies, pipelines), naming the field refused.</summary>
public static partial class CrmFields
{
    public const int NameMaxLength = 200;
    public const int StageNameMaxLength = 100;
    public const int MaxStages = 50;
    public const int MaxAttributes = 50;
    public const int AttributeKeyMaxLength = 100;
    public const int AttributeTextMaxLength = 2000;

    /// <summary>An optional name: trimmed; an empty one is refused so "clear" is always an explicit null.</summary>
    public static string? OptionalName(string? value, FieldErrors errors, string field, int maxLength = NameMaxLength) =>
        FieldRules.OptionalName(value, errors, field, NameRule.Bounded(field, maxLength, " (null clears it)"));

    public static string? RequiredName(string? value, FieldErrors errors, string field, int maxLength = NameMaxLength) =>
        FieldRules.RequiredName(value, errors, field, NameRule.Bounded(field, maxLength, " (null clears it)"));

    public static string? Email(string? value, FieldErrors errors, string field = "email") =>
        FieldRules.Email(value, errors, field, "email must be an e-mail address such as name@example.com.", blankIsNone: false);

    /// <summary>E.164-ish: an optional '+', then 7 to 15 digits; spaces, dashes, dots and parentheses are dropped.</summary>
    public static string? Phone(string? value, FieldErrors errors, string field = "phone")
    {
        if (value is null)
        {
            return null;
        }

        var compact = new string(value.Where(c => c is not (' ' or '-' or '(' or ')' or '.')).ToArray());
        if (!PhonePattern().IsMatch(compact))
        {
            errors.Add(field, "phone must be an international number such as +49 30 1234567 (7 to 15 digits).");
            return null;
        }

        return compact;
    }

    /// <summary>A positive 64-bit number, as a JSON number or (for JavaScript callers beyond 2^53) a string of digits.</summary>
    public static long? TelegramId(JsonElement value, FieldErrors errors, string field = "telegram_id")
    {
        long id = 0;
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out id),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            _ => false,
        };
        if (!parsed || id <= 0)
        {
            errors.Add(field, "telegram_id must be a positive whole number (Telegram's numeric user id).");
            return null;
        }

        return id;
    }

    /// <summary>Telegram's rule: 5 to 32 of A–Z, a–z, 0–9 and '_'; a leading '@' is dropped.</summary>
    public static string? TelegramUsername(string? value, FieldErrors errors, string field = "telegram_username")
    {
        if (value is null)
        {
            return null;
        }

        var handle = value.Trim();
        handle = handle.StartsWith('@') ? handle[1..] : handle;
        if (!TelegramUsernamePattern().IsMatch(handle))
        {
            errors.Add(field, "telegram_username must be 5 to 32 letters, digits or '_', optionally after '@'.");
            return null;
        }

        return handle;
    }

    public static Guid? Reference(JsonElement value, FieldErrors errors, string field)
    {
        if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id))
        {
            return id;
        }

        errors.Add(field, $"{field} must be an id.");
        return null;
    }

    /// <summary>
    /// A JSON object of scalar values (string, number, true/false), at most <see cref="MaxAttributes"/> keys; in a
    /// merge patch (<paramref name="patch"/>) a null value removes that key. Returned as compact JSON text.
    /// </summary>
    public static string? Attributes(JsonElement value, FieldErrors errors, bool patch, string field = "attributes")
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(field, "attributes must be a JSON object of scalar values.");
            return null;
        }

        var count = 0;
        foreach (var member in value.EnumerateObject())
        {
            count++;
            var ok = member.Name.Length is > 0 and <= AttributeKeyMaxLength && member.Value.ValueKind switch
            {
                JsonValueKind.String => member.Value.GetString()!.Length <= AttributeTextMaxLength,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => true,
                JsonValueKind.Null => patch,
                _ => false,
            };
            if (!ok)
            {
                errors.Add($"{field}.{member.Name}",
                    $"An attribute has a name of 1 to {AttributeKeyMaxLength} characters and a string (up to {AttributeTextMaxLength}), number or true/false value"
                    + (patch ? " (null removes it)." : "."));
            }
        }

        if (count > MaxAttributes)
        {
            errors.Add(field, $"A contact has at most {MaxAttributes} attributes.");
        }

        return value.GetRawText();
    }

    [GeneratedRegex(@"^\+?[1-9][0-9]{6,14}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[A-Za-z0-9_]{5,32}$")]
    private static partial Regex TelegramUsernamePattern();
}
