using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

/// <summary>HTTP helpers for the outreach tests.</summary>
public static class OutreachApi
{
    public static async Task<JsonNode> CreateOutreach(this HttpClient client, object? section = null)
    {
        var body = new JsonObject { ["name"] = $"Outreach {Guid.NewGuid():N}", ["kind"] = "outreach", ["budget"] = 0 };
        if (section is not null)
        {
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(section)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        return await (await client.Post("/api/campaigns", body)).ExpectJson(HttpStatusCode.Created);
    }

    public static async Task<JsonNode> CreateTemplate(this HttpClient client, Guid campaignId, string content = "Hi {{contact.first_name}}!") =>
        await (await client.Post($"/api/campaigns/{campaignId}/templates", new { name = "Intro", content })).ExpectJson(HttpStatusCode.Created);

    public static async Task<JsonNode> CreatePreset(this HttpClient client, string content = "Hello from {{company.name}}") =>
        await (await client.Post("/api/campaigns/presets", new { name = $"Preset {Guid.NewGuid():N}", content })).ExpectJson(HttpStatusCode.Created);

    public static async Task<JsonNode> CreateStep(this HttpClient client, Guid campaignId, Guid templateId, object? extra = null)
    {
        var body = new JsonObject { ["template_id"] = templateId.ToString(), ["delay_hours"] = 24 };
        if (extra is not null)
        {
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        return await (await client.Post($"/api/campaigns/{campaignId}/steps", body)).ExpectJson(HttpStatusCode.Created);
    }
}
