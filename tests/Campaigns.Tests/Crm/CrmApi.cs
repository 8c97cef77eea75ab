using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Crm;

/// <summary>HTTP helpers for the CRM's tests.</summary>
public static class CrmApi
{
    /// <summary>A Telegram id no other test uses.</summary>
    public static long TelegramId() => Random.Shared.NextInt64(1, long.MaxValue);

    public static async Task<JsonNode> CreateContact(this HttpClient client, object? body = null) =>
        await (await client.Post("/api/contacts", body ?? new { first_name = "Ivan", telegram_id = TelegramId() })).ExpectJson(HttpStatusCode.Created);

    public static async Task<JsonNode> CreateCompany(this HttpClient client, string? name = null) =>
        await (await client.Post("/api/companies", new { name = name ?? $"Company {Guid.NewGuid():N}" })).ExpectJson(HttpStatusCode.Created);

    public static async Task<JsonNode> CreatePipeline(this HttpClient client, params string[] stages) =>
        await (await client.Post("/api/pipelines", new
        {
            name = $"Sales {Guid.NewGuid():N}",
            stages = (stages.Length == 0 ? ["Lead", "Qualified", "Won"] : stages).Select(s => new { name = s }).ToArray(),
        })).ExpectJson(HttpStatusCode.Created);

    public static Guid StageId(this JsonNode pipeline, int index) => pipeline["stages"]![index]!.Id();

    public static Task<HttpResponseMessage> PostLead(this HttpClient client, Guid contactId, Guid pipelineId, Guid stageId) =>
        client.Post("/api/pipeline/leads", new { contact_id = contactId, pipeline_id = pipelineId, stage_id = stageId });

    /// <summary>Every item of a CRM list, walking all pages.</summary>
    public static async Task<List<JsonNode>> All(this HttpClient client, string path, string query = "")
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await (await client.Get($"{path}?limit=200{query}{(cursor is null ? "" : "&cursor=" + cursor)}")).ExpectJson(HttpStatusCode.OK);
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return items;
    }

    public static List<string> IdsOf(this IEnumerable<JsonNode> items) => items.Select(i => i.Str("id")).ToList();
}
