using System.Globalization;
using System.Text.Json;

namespace Campaigns.Influencer;

/// <summary>
/// Reads one field of an Apify dataset item without guessing: a field that is absent, null, of the wrong type or a
/// negative count reads as null, never as 0 or "". Actors differ in small ways (numbers sent as strings, Instagram's
/// <c>-1</c> for hidden likes), and each of those means "unknown" here.
/// </summary>
internal static class ActorItemFields
{
    public static JsonElement? Child(this JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static string? Text(this JsonElement item, string name) => item.Child(name) switch
    {
        { ValueKind: JsonValueKind.String } value when value.GetString() is { Length: > 0 } text => text,
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    public static long? Count(this JsonElement item, string name)
    {
        long? count = item.Child(name) switch
        {
            { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var whole) => whole,
            { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var real) && real == Math.Floor(real) => (long)real,
            { ValueKind: JsonValueKind.String } value when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return count >= 0 ? count : null;
    }

    public static double? Ratio(this JsonElement item, string name) => item.Child(name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var ratio) && ratio >= 0 => ratio,
        _ => null,
    };

    public static bool? Flag(this JsonElement item, string name) => item.Child(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>An ISO 8601 string (taken as UTC when it has no offset) or Unix seconds.</summary>
    public static DateTimeOffset? Instant(this JsonElement item, string name) => item.Child(name) switch
    {
        { ValueKind: JsonValueKind.String } value when DateTimeOffset.TryParse(
            value.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant) => instant.ToUniversalTime(),
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var seconds) && seconds > 0 =>
            DateTimeOffset.FromUnixTimeSeconds(seconds),
        _ => null,
    };

    /// <summary>
    /// The strings of an array field; for an array of objects, the <paramref name="property"/> of each (such as TikTok's
    /// <c>hashtags[].name</c>). Anything else in the array is skipped.
    /// </summary>
    public static IEnumerable<string> Strings(this JsonElement item, string name, string? property = null)
    {
        if (item.Child(name) is not { ValueKind: JsonValueKind.Array } array)
        {
            yield break;
        }

        foreach (var element in array.EnumerateArray())
        {
            var text = element.ValueKind == JsonValueKind.String ? element.GetString()
                : property is not null ? element.Text(property)
                : null;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return text;
            }
        }
    }

    public static IEnumerable<JsonElement> Objects(this JsonElement item, string name) =>
        item.Child(name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(element => element.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>Apify actors report an input they could not scrape as an item with an <c>error</c> field.</summary>
    public static string? ActorError(this JsonElement item) =>
        item.ValueKind != JsonValueKind.Object ? "The item is not a JSON object."
        : item.Child("error") is { } error ? item.Text("errorDescription") ?? (error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText())
        : null;
}
