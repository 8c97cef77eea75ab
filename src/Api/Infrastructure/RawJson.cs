using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Outreach;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Infrastructure;

/// <summary>
/// Writes a string that already holds JSON (validated when it was stored) as that JSON, not as a string, without
/// parsing it again: assignment answers carry the variant's content thousands of times a second.
/// </summary>
public sealed class RawJson : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value, skipInputValidation: true);
}
