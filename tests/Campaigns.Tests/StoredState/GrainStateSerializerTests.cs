using System.Text;
using Campaigns.AbTesting;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.Silo.StoredState;
using Newtonsoft.Json.Linq;

namespace Campaigns.Tests.StoredState;

/// <summary>
/// The state format (docs/ARCHITECTURE.md, "Grain state storage"): rows written by the JSON serializer of 29e0195 read
/// back into today's types, are written again with no CLR type name in them, and read back equal.
/// </summary>
public sealed class GrainStateSerializerTests
{
    private readonly GrainStateSerializer serializer = StateSerializers.Product;

    public static TheoryData<string, Type> LegacyRows => new()
    {
        { "campaign-outreach-draft-csv-audience", typeof(CampaignState) },
        { "campaign-outreach-active-csv-audience", typeof(CampaignState) },
        { "campaign-influencer-active", typeof(CampaignState) },
        { "campaign-marketing-active", typeof(CampaignState) },
        { "campaign-marketing-duplicate", typeof(CampaignState) },
        { "campaign-ads-draft", typeof(CampaignState) },
        { "allocation-pending", typeof(AllocationState) },
        { "allocation-accepted", typeof(AllocationState) },
        { "allocation-declined", typeof(AllocationState) },
        { "participant-sent", typeof(ParticipantState) },
        { "abtest-running", typeof(AbTestState) },
    };

    [Theory]
    [MemberData(nameof(LegacyRows))]
    public void A_legacy_row_reads_into_todays_type_and_rewrites_without_type_names(string row, Type stateType)
    {
        var roundTrip = typeof(GrainStateSerializerTests).GetMethod(nameof(RoundTrip), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(stateType);
        roundTrip.Invoke(this, [StateSerializers.LegacyRow(row)]);
    }

    [Fact]
    public void The_issue_row_keeps_its_csv_audience()
    {
        var legacy = StateSerializers.LegacyRow("campaign-outreach-draft-csv-audience");
        Assert.Contains("<>z__ReadOnlyArray", legacy, StringComparison.Ordinal); // the row that could not be read back

        var state = Read<CampaignState>(legacy);

        Assert.Equal("Legacy outreach draft", state.Name);
        Assert.Equal(CampaignKind.Outreach, state.Kind);
        var expected = LegacyValues(legacy, "Outreach.Audience.ContactIds").Select(Guid.Parse).ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, state.Outreach!.Audience.ContactIds);
        Assert.IsType<List<Guid>>(state.Outreach.Audience.ContactIds);
    }

    [Fact]
    public void Every_member_of_a_legacy_campaign_reads_back()
    {
        var legacy = StateSerializers.LegacyRow("campaign-influencer-active");
        var json = Parsed(legacy);
        var state = Read<CampaignState>(legacy);

        Assert.Equal(json.Value<string>("Name"), state.Name);
        Assert.Equal(CampaignStatus.Active, state.Status);
        Assert.Equal(json.Value<long>("Budget"), state.Budget);
        Assert.Equal(LegacyValues(legacy, "Goals"), state.Goals);
        Assert.Equal(LegacyValues(legacy, "Platforms"), state.Platforms);
        Assert.Equal(new DateOnly(2026, 12, 1), state.StartDate);
        Assert.Equal(new DateOnly(2027, 1, 31), state.EndDate);
        Assert.Equal(DateTimeOffset.Parse(json.Value<string>("StartedAt")!, System.Globalization.CultureInfo.InvariantCulture), state.StartedAt);
        Assert.Equal(json.Value<long>("Version"), state.Version);
        Assert.Equal(AudienceSize.MidTier, state.Influencer!.AudienceSize);
        Assert.Equal("Berlin", state.Influencer.TargetLocation);
        Assert.Equal(["#brandx"], state.Influencer.TrackingConfig.RequiredHashtags);
        Assert.Equal(["#ad", "#sponsored"], state.Influencer.TrackingConfig.OptionalHashtags);
        Assert.Equal(["@brandx"], state.Influencer.TrackingConfig.RequiredMentions);
        Assert.Equal("brandx.com/go/*", state.Influencer.TrackingConfig.TrackingLinkPattern);
        Assert.Equal(3, state.Allocations.Count);
        Assert.Equal(LegacyValues(legacy, "Allocations").Count, state.Allocations.Count);
        Assert.All(state.Allocations, a => Assert.StartsWith("legacy_creator_", a.Creator.Username, StringComparison.Ordinal));
        Assert.Single(state.Allocations, a => a.Declined);
        Assert.Equal(["fashion"], state.Allocations[0].Creator.Niches);
        Assert.Equal(0.04m, state.Allocations[0].Creator.EngagementRateActual);
    }

    [Fact]
    public void A_legacy_marketing_campaign_and_its_ab_test_read_back()
    {
        var campaign = Read<CampaignState>(StateSerializers.LegacyRow("campaign-marketing-active"));
        Assert.Equal(["https://cdn.example/a.png", "https://cdn.example/b.png"], campaign.Marketing!.MediaUrls);
        Assert.Equal([Guid.Parse("0196f1f4-0000-7000-8000-000000000001")], campaign.Marketing.SegmentIds);

        var test = Read<AbTestState>(StateSerializers.LegacyRow("abtest-running"));
        Assert.Equal(["control", "bold"], test.Variants.Select(v => v.Name));
        Assert.Equal("""{"instagram":"Hello"}""", test.Variants[0].ContentJson);
        Assert.Equal(0.95, test.ConfidenceLevel);
    }

    [Fact]
    public void The_stored_format_names_no_type()
    {
        var state = Read<CampaignState>(StateSerializers.LegacyRow("campaign-influencer-active"));
        var stored = serializer.Serialize(state).ToArray();

        Assert.Equal(GrainStateFormat.OrleansBinaryV1, stored[0]);
        var text = Encoding.Latin1.GetString(stored);
        foreach (var typeName in new[] { "Campaigns", "System.", "List`1", "z__", "CampaignState", "InfluencerBrief", "$type" })
        {
            Assert.DoesNotContain(typeName, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_row_in_no_known_format_is_refused_with_the_reason()
    {
        var garbage = new BinaryData(new byte[] { 0x7F, 1, 2, 3 });
        var refused = Assert.Throws<GrainStateFormatException>(() => serializer.Deserialize<CampaignState>(garbage));
        Assert.Contains("0x7f", refused.Message, StringComparison.Ordinal);

        var truncated = serializer.Serialize(new CampaignState { Name = "Cut short", Goals = ["reach"] }).ToArray()[..6];
        Assert.Throws<GrainStateFormatException>(() => serializer.Deserialize<CampaignState>(new BinaryData(truncated)));
        Assert.Throws<GrainStateFormatException>(() => serializer.Deserialize<CampaignState>(new BinaryData("{\"Name\": ")));
        Assert.Throws<GrainStateFormatException>(() => serializer.Deserialize<CampaignState>(new BinaryData(Array.Empty<byte>())));
    }

    private T Read<T>(string legacyJson) => serializer.Deserialize<T>(new BinaryData(Encoding.UTF8.GetBytes(legacyJson)))!;

    private void RoundTrip<T>(string legacyJson)
    {
        var state = Read<T>(legacyJson);
        var stored = serializer.Serialize(state).ToArray();
        var reread = serializer.Deserialize<T>(new BinaryData(stored));
        var restored = serializer.Serialize(reread).ToArray();

        Assert.Equal(GrainStateFormat.OrleansBinaryV1, stored[0]);
        Assert.Equal(stored, restored);
        Assert.DoesNotContain("Campaigns", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
    }

    /// <summary>The legacy JSON as written, dates as text (JObject.Parse would cut them to whole seconds).</summary>
    private static JObject Parsed(string legacyJson) =>
        JObject.Load(new Newtonsoft.Json.JsonTextReader(new StringReader(legacyJson)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None });

    /// <summary>The items of a legacy list member, which the JSON wraps as <c>{ "$type": …, "$values": [...] }</c>.</summary>
    private static List<string> LegacyValues(string legacyJson, string path) =>
        Parsed(legacyJson).SelectToken(path)!["$values"]!.Select(v => v.Type == JTokenType.Object ? v.ToString() : v.Value<string>()!).ToList();
}
