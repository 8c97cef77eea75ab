using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Outreach;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Infrastructure;

/// <summary>A user created through the API together with a key for them.</summary>
public sealed record IssuedKey(Guid UserId, Guid KeyId, string Role, string Secret);

/// <summary>HTTP helpers for API tests: every call carries the test's cancellation token, every assertion shows the body on failure.</summary>
public static class ApiTestExtensions
{
    public static readonly string[] AllRoles = ["admin", "brand_manager", "media_buyer", "affiliate_manager", "finance", "read_only"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> Get(this HttpClient client, string url) => client.GetAsync(url, Ct);

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object? body = null) =>
        body is null ? client.PostAsync(url, null, Ct) : client.PostAsJsonAsync(url, body, Json.Options, Ct);

    public static Task<HttpResponseMessage> Patch(this HttpClient client, string url, object body) =>
        client.PatchAsJsonAsync(url, body, Json.Options, Ct);

    public static Task<HttpResponseMessage> Delete(this HttpClient client, string url) => client.DeleteAsync(url, Ct);

    /// <summary>
    /// Sends <paramref name="body"/> exactly as given, with a Content-Length. Large bodies are announced with
    /// <c>Expect: 100-continue</c>, as real clients do, so a refusal (413) arrives before the body is sent
    /// instead of racing a server that closes the connection on a body it will not read.
    /// </summary>
    public static Task<HttpResponseMessage> SendRaw(
        this HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.ExpectContinue = body.Length > 512 * 1024;
        return client.SendAsync(request, Ct);
    }

    /// <summary>Asserts the status (showing the body when it differs) and returns the parsed body, or null when there is none.</summary>
    public static async Task<JsonNode?> Expect(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status,
            $"Expected {(int)status} {status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Asserts a JSON body with the status and returns it.</summary>
    public static async Task<JsonNode> ExpectJson(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Expect(status);
        Assert.NotNull(body);
        return body;
    }

    /// <summary>Asserts an RFC 9457 problem with the status and returns it.</summary>
    public static async Task<JsonObject> ExpectProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.ExpectJson(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = body.AsObject();
        Assert.Equal((int)status, problem["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), "A problem has a title.");
        return problem;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name exactly <paramref name="fields"/>, each with a message.</summary>
    public static async Task<JsonObject> ExpectValidationProblem(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest);
        var errors = problem["errors"] as JsonObject;
        Assert.True(errors is not null, $"Expected an 'errors' object in {problem.ToJsonString()}");
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        foreach (var (field, messages) in errors)
        {
            var list = Assert.IsType<JsonArray>(messages, exactMatch: false);
            Assert.True(list.Count > 0 && list.All(m => !string.IsNullOrWhiteSpace(m?.GetValue<string>())), $"errors.{field} has messages");
        }

        return errors;
    }

    public static string Str(this JsonNode node, string property) =>
        node[property]?.GetValue<string>() ?? throw new InvalidOperationException($"No '{property}' in {node.ToJsonString()}");

    public static Guid Id(this JsonNode node) => Guid.Parse(node.Str("id"));

    /// <summary>Creates a campaign; <paramref name="body"/> defaults to a valid minimal one.</summary>
    public static async Task<JsonNode> CreateCampaign(this HttpClient client, object? body = null) =>
        await (await client.Post("/api/campaigns", body ?? new { name = $"Campaign {Guid.NewGuid():N}", kind = "marketing", budget = 10_000 }))
            .ExpectJson(HttpStatusCode.Created);

    public static async Task<JsonNode> GetCampaign(this HttpClient client, Guid id) =>
        await (await client.Get($"/api/campaigns/{id}")).ExpectJson(HttpStatusCode.OK);

    /// <summary>Applies lifecycle transitions in order, each expected to succeed.</summary>
    public static async Task<JsonNode> Walk(this HttpClient client, Guid id, params string[] transitions)
    {
        JsonNode current = await client.GetCampaign(id);
        foreach (var transition in transitions)
        {
            var response = transition == "schedule"
                ? await client.Post($"/api/campaigns/{id}/schedule", new { scheduled_for = DateTimeOffset.UtcNow.AddDays(7) })
                : await client.Post($"/api/campaigns/{id}/{transition}");
            current = await response.ExpectJson(HttpStatusCode.OK);
        }

        return current;
    }

    /// <summary>Creates a user with <paramref name="role"/> and a key for them, as an admin.</summary>
    public static async Task<IssuedKey> CreateUserWithKey(this HttpClient admin, string role)
    {
        var user = await (await admin.Post("/api/users", new { email = $"{role}-{Guid.NewGuid():N}@example.test", role }))
            .ExpectJson(HttpStatusCode.Created);
        var key = await (await admin.Post("/api/api-keys", new { name = $"{role} key", user_id = user.Id() }))
            .ExpectJson(HttpStatusCode.Created);
        return new IssuedKey(user.Id(), key.Id(), role, key.Str("key"));
    }

    /// <summary>The organization's audit rows matching <paramref name="query"/> (a query string without '?'), newest first, all pages.</summary>
    public static async Task<List<JsonNode>> AuditRows(this HttpClient admin, string query = "")
    {
        var rows = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var url = $"/api/audit?limit=200{(query.Length > 0 ? "&" + query : "")}{(cursor is null ? "" : "&cursor=" + cursor)}";
            var page = await (await admin.Get(url)).ExpectJson(HttpStatusCode.OK);
            rows.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return rows;
    }

    public static List<string> Ids(this JsonNode page) => page["items"]!.AsArray().Select(i => i!.Str("id")).ToList();
}
