using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Hosting;

/// <summary>Every string a request body binds to is checked with <see cref="StorableText"/> as it is read.</summary>
public sealed class StorableStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is null || StorableText.IsStorable(text) ? text : throw new UnstorableTextException("");
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// Bodies and members read as raw JSON (PATCH documents, attributes, A/B content) are checked whole as they are read:
/// every string and every property name, so no later <c>GetString()</c> can hand unstorable text to a write.
/// </summary>
public sealed class StorableJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        if (FirstUnstorable(element, "") is { } path)
        {
            throw new UnstorableTextException(path);
        }

        return element;
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);

    /// <summary>An escaped lone surrogate (<c>"\ud800"</c>) is valid JSON, but System.Text.Json refuses to make it a string.</summary>
    private static bool Storable(Func<string?> read)
    {
        try
        {
            return StorableText.IsStorable(read());
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? FirstUnstorable(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Storable(element.GetString) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Storable(() => property.Name))
                    {
                        return path;
                    }

                    var member = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (FirstUnstorable(property.Value, member) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstUnstorable(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
