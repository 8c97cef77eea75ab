using System.Text.Json.Nodes;

namespace Campaigns.Api.Outreach;

/// <summary>
/// Request-body examples for the OpenAPI document, written as the wire has them (snake_case, the seed's camelCase
/// <c>conditions</c>), so a generated client and the reference page show a body the API accepts.
/// </summary>
public static class OutreachExamples
{
    public const string Template = """{ "name": "First touch", "channel": "telegram", "content": "Hi {{contact.first_name}}, a quick question about {{company.name}}." }""";

    public const string Step = """
        { "order_index": 0, "template_id": "0193a5f0-7c1e-7d2a-9b3c-4d5e6f708192", "delay_hours": 24, "trigger_type": "delay",
          "conditions": { "stopIfReplied": true, "contact": [ { "field": "email", "op": "not_empty" } ] } }
        """;

    public const string Preview = """{ "contact_id": "0193a5f0-7c1e-7d2a-9b3c-4d5e6f708193" }""";

    public const string SendingAccount = """{ "name": "Sales bot", "bot_token": "123456789:AAExampleExampleExampleExample", "daily_cap": 200, "updates": "polling" }""";

    public const string AudienceCsv = """{ "content": "first_name,telegram_username,company\nAda,ada_l,Analytical Engines\n", "has_header": true }""";

    /// <summary>Puts <paramref name="json"/> as the example of every media type the operation's request body has.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, string json) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values)
                {
                    media.Example = JsonNode.Parse(json);
                }
            }

            return Task.CompletedTask;
        });
}
