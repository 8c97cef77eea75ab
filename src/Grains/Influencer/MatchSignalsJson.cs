using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;

namespace Campaigns.Influencer;

/// <summary>
/// The <c>campaign_posts.signals</c> column: matched signals as snake_case JSON, the spelling the API speaks, so a person
/// reading the table sees <c>{"kind":"required_hashtag","value":"#brand","source":"caption"}</c>.
/// </summary>
public static class MatchSignalsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static string Write(IReadOnlyList<MatchedSignal> signals) => JsonSerializer.Serialize(signals, Options);

    public static IReadOnlyList<MatchedSignal> Read(string json) =>
        JsonSerializer.Deserialize<List<MatchedSignal>>(json, Options) ?? [];
}
