using System.Text.Json.Nodes;

namespace Campaigns.Simulators.Apify;

/// <summary>
/// What the simulator reads from an actor's input: the profiles it is asked about and how many items to return.
/// Each real actor names these differently; the simulator accepts all of their spellings.
/// </summary>
internal sealed record ActorInput(IReadOnlyList<string> Usernames, int? Limit)
{
    private static readonly string[] UsernameFields = ["usernames", "username", "profiles"];
    private static readonly string[] UrlFields = ["directUrls", "startUrls"];
    private static readonly string[] LimitFields = ["resultsLimit", "resultsPerPage", "maxResults", "maxItems"];

    /// <summary>The parsed input, or null when it is not a JSON object (Apify answers 400 then).</summary>
    public static ActorInput? Parse(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (root is not JsonObject input)
            return null;

        var usernames = new List<string>();
        foreach (var field in UsernameFields)
            usernames.AddRange(Strings(input[field]));
        foreach (var field in UrlFields)
            usernames.AddRange(Urls(input[field]).Select(UsernameFromUrl).OfType<string>());

        int? limit = LimitFields.Select(field => input[field]).OfType<JsonValue>()
            .Select(value => value.TryGetValue<int>(out var number) ? number : (int?)null)
            .FirstOrDefault(number => number is not null);

        return new ActorInput(usernames.Select(Normalize).Distinct().ToArray(), limit);
    }

    public static string Normalize(string username) => username.Trim().TrimStart('@').ToLowerInvariant();

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonArray array => array.OfType<JsonValue>().Select(item => item.TryGetValue<string>(out var text) ? text : null).OfType<string>(),
        _ => [],
    };

    // startUrls come either as plain strings or as { "url": "..." } objects.
    private static IEnumerable<string> Urls(JsonNode? node) => node is JsonArray array
        ? array.Select(item => item switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            JsonObject entry when entry["url"] is JsonValue url && url.TryGetValue<string>(out var text) => text,
            _ => null,
        }).OfType<string>()
        : Strings(node);

    // https://www.instagram.com/natgeo/ → natgeo; https://www.youtube.com/@mkbhd/videos → mkbhd.
    private static string? UsernameFromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return null;
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var handle = segments.FirstOrDefault(segment => segment.StartsWith('@')) ?? segments.FirstOrDefault();
        return handle;
    }
}
