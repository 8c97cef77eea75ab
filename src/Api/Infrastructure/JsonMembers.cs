using System.Text.Json;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Outreach;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Infrastructure;

/// <summary>Typed reads of one member of a merge-patch document, naming the field when its type is wrong.</summary>
public static class JsonMembers
{
    public static string? Text(JsonProperty member, FieldErrors errors, string? field = null)
    {
        if (member.Value.ValueKind == JsonValueKind.String)
        {
            return member.Value.GetString();
        }

        errors.Add(field ?? member.Name, "Expected a string.");
        return null;
    }

    public static long? Integer(JsonProperty member, FieldErrors errors, string? field = null, string expected = "Expected an integer.")
    {
        if (member.Value.ValueKind == JsonValueKind.Number && member.Value.TryGetInt64(out var number))
        {
            return number;
        }

        errors.Add(field ?? member.Name, expected);
        return null;
    }

    public static decimal? Decimal(JsonProperty member, FieldErrors errors, string? field = null)
    {
        if (member.Value.ValueKind == JsonValueKind.Number && member.Value.TryGetDecimal(out var number))
        {
            return number;
        }

        errors.Add(field ?? member.Name, "Expected a number.");
        return null;
    }

    public static bool? Boolean(JsonProperty member, FieldErrors errors, string? field = null)
    {
        if (member.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return member.Value.GetBoolean();
        }

        errors.Add(field ?? member.Name, "Expected true or false.");
        return null;
    }

    public static List<string?> TextList(JsonProperty member, FieldErrors errors, string? field = null)
    {
        if (member.Value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field ?? member.Name, "Expected an array of strings.");
            return [];
        }

        var values = new List<string?>();
        foreach (var item in member.Value.EnumerateArray())
        {
            values.Add(item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText());
        }

        return values;
    }

    public static DateOnly? Date(JsonProperty member, FieldErrors errors, string? field = null)
    {
        if (member.Value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(member.Value.GetString(), "yyyy-MM-dd", out var date))
        {
            return date;
        }

        errors.Add(field ?? member.Name, "Expected a date as YYYY-MM-DD.");
        return null;
    }
}
