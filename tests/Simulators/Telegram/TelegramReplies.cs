using System.Text.Json.Nodes;

namespace Campaigns.Simulators.Telegram;

/// <summary>One Bot API answer: HTTP status and the <c>{"ok":…}</c> envelope, already serialized.</summary>
internal readonly record struct TelegramReply(int Status, string Body, string ContentType = "application/json")
{
    /// <summary>No answer at all: the connection is aborted.</summary>
    public static readonly TelegramReply Dropped = new(0, "");

    /// <summary>No answer until the client goes away.</summary>
    public static readonly TelegramReply Silent = new(-1, "");

    public static readonly TelegramReply BadGatewayPage = new(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");

    public static TelegramReply Ok(JsonNode? result) =>
        new(200, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());

    public static TelegramReply OkRaw(string resultJson) => new(200, "{\"ok\":true,\"result\":" + resultJson + "}");

    public static TelegramReply Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return new(code, body.ToJsonString());
    }

    public static readonly TelegramReply Unauthorized = Error(401, "Unauthorized");
    public static readonly TelegramReply NotFound = Error(404, "Not Found");
    public static readonly TelegramReply CannotInitiate = Error(403, "Forbidden: bot can't initiate conversation with a user");
    public static readonly TelegramReply Blocked = Error(403, "Forbidden: bot was blocked by the user");
    public static readonly TelegramReply ChatNotFound = Error(400, "Bad Request: chat not found");
    public static readonly TelegramReply ServerError = Error(500, "Internal Server Error");
    public static readonly TelegramReply WebhookActive =
        Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

    public static TelegramReply TooManyRequests(int retryAfter) => Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
}
