using System.Text.Json.Nodes;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Hosting;

/// <summary>The live <c>/openapi/v1.json</c> and its operations, as the contract, client and lint tests read it.</summary>
internal static class OpenApiDocument
{
    public static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static async Task<string> Fetch(ApiHostFixture api)
    {
        using var anonymous = api.Client();
        return await anonymous.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
    }

    /// <summary>Each operation as "METHOD path" with its node.</summary>
    public static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!.AsObject());
}
