using System.Text.Json.Nodes;

namespace Campaigns.Simulators.Apify;

/// <summary>Apify-shaped error bodies: <c>{ "error": { "type": "...", "message": "..." } }</c>.</summary>
public static class ApifyErrors
{
    public static readonly (string Type, string Message) InvalidToken =
        ("token-not-valid", "User was not found or authentication token is not valid");

    public static readonly (string Type, string Message) ActorNotFound = ("record-not-found", "Actor was not found");
    public static readonly (string Type, string Message) RunNotFound = ("record-not-found", "Actor run was not found");
    public static readonly (string Type, string Message) DatasetNotFound = ("record-not-found", "Dataset was not found");
    public static readonly (string Type, string Message) PageNotFound = ("page-not-found", "We have bad news: there is no API endpoint at this URL.");
    public static readonly (string Type, string Message) InvalidInput = ("invalid-input", "Input is not valid: the input must be a JSON object");

    public static readonly (string Type, string Message) RateLimited =
        ("rate-limit-exceeded", "You have exceeded the rate limit of 30 requests per second");

    public static readonly (string Type, string Message) InternalError =
        ("internal-server-error", "Server encountered an error, please try again later.");

    public static readonly (string Type, string Message) SynchronousRunTimedOut =
        ("run-timeout-exceeded", "Actor run exceeded the timeout of 300 seconds for this API endpoint");

    public static string Body((string Type, string Message) error) =>
        new JsonObject { ["error"] = new JsonObject { ["type"] = error.Type, ["message"] = error.Message } }.ToJsonString();
}
