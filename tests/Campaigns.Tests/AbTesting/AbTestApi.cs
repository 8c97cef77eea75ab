using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.AbTesting;

/// <summary>HTTP helpers for the A/B test tests.</summary>
internal static class AbTestApi
{
    public static object TwoVariants(bool autoApply = false) => new
    {
        name = "Subject line",
        variants = new object[]
        {
            new { name = "control", is_control = true, content = new { instagram = "Hello", tiktok = "Hi" }, weight = 50 },
            new { name = "bold", is_control = false, content = new { instagram = "HELLO!", tiktok = "HI!" }, weight = 50 },
        },
        primary_metric = "conversion_rate",
        min_sample_size = 500,
        auto_apply_winner = autoApply,
    };

    public static async Task<JsonNode> CreateTest(this HttpClient client, Guid campaignId, object? body = null) =>
        await (await client.Post($"/api/campaigns/{campaignId}/ab-test", body ?? TwoVariants())).ExpectJson(HttpStatusCode.Created);

    public static Guid VariantId(this JsonNode test, int index) => Guid.Parse(test["variants"]![index]!.Str("id"));

    /// <summary>Sends impressions and conversions for a variant in batches of up to 1 000.</summary>
    public static async Task Send(this HttpClient client, Guid testId, Guid variantId, int impressions, int conversions, decimal value = 10m)
    {
        var events = Enumerable.Range(0, impressions).Select(_ => (object)new { event_id = Guid.NewGuid(), variant_id = variantId, type = "impression" })
            .Concat(Enumerable.Range(0, conversions).Select(_ => (object)new { event_id = Guid.NewGuid(), variant_id = variantId, type = "conversion", value }))
            .ToList();
        foreach (var chunk in events.Chunk(1_000))
        {
            var accepted = await (await client.Post($"/api/ab-tests/{testId}/events", new { events = chunk })).ExpectJson(HttpStatusCode.OK);
            Assert.Equal(chunk.Length, accepted["accepted"]!.GetValue<int>());
        }
    }
}
