using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Campaigns.Integrations.Apify;

/// <summary>Reads the JSON shapes Apify answers with: run objects, dataset items and error bodies.</summary>
internal static class ApifyResponses
{
    /// <summary>A run object, <c>{ "data": { "id", "status", "defaultDatasetId", "usageTotalUsd", ... } }</c>.</summary>
    public static ApifyRun ReadRun(string body)
    {
        using var document = Parse(body);
        if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            throw Unexpected("a run object without \"data\"");

        var status = String(data, "status") ?? throw Unexpected("a run object without \"status\"");
        return new ApifyRun(
            Id: String(data, "id"),
            Status: status,
            DatasetId: String(data, "defaultDatasetId"),
            UsageTotalUsd: Decimal(data, "usageTotalUsd"),
            StatusMessage: String(data, "statusMessage"),
            StartedAt: Timestamp(data, "startedAt"),
            FinishedAt: Timestamp(data, "finishedAt"),
            Path: ApifyRunPath.Asynchronous);
    }

    /// <summary>A page of an actor's runs, <c>{ "data": { "items": [ { "id", "status", "startedAt", ... } ] } }</c>.</summary>
    public static IReadOnlyList<ApifyRunListed> ReadRunList(string body)
    {
        using var document = Parse(body);
        if (!document.RootElement.TryGetProperty("data", out var data)
            || !data.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array)
            throw Unexpected("a run list without \"data.items\"");
        return items.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.Object)
            .Select(item => new ApifyRunListed(String(item, "id"), String(item, "status"), Timestamp(item, "startedAt")))
            .ToArray();
    }

    /// <summary>Dataset items in <c>format=json</c>: a JSON array of objects.</summary>
    public static IReadOnlyList<JsonElement> ReadItems(string body)
    {
        using var document = Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw Unexpected("dataset items that are not a JSON array");

        // Cloned so the items outlive the document they were parsed from.
        return document.RootElement.EnumerateArray().Select(item => item.Clone()).ToArray();
    }

    /// <summary>Apify's error body, <c>{ "error": { "type", "message" } }</c>; anything else yields nulls.</summary>
    public static (string? Type, string? Message) ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
                return (String(error, "type"), String(error, "message"));
        }
        catch (JsonException)
        {
            // A proxy or load balancer in front of Apify may answer with HTML; the caller falls back to the status.
        }
        return (null, null);
    }

    public static ApifyException ErrorFrom(HttpStatusCode status, string body, string what)
    {
        var (type, message) = ReadError(body);
        var code = (int)status;
        var text = message ?? $"HTTP {code} without an Apify error body";
        return new ApifyException($"Apify refused {what} ({code}{(type is null ? "" : " " + type)}): {text}", status, type);
    }

    private static JsonDocument Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new ApifyException("Apify answered with a body that is not JSON.", errorType: ApifyException.Types.UnexpectedResponse, innerException: exception);
        }
    }

    private static ApifyException Unexpected(string what) =>
        new($"Apify answered with {what}.", errorType: ApifyException.Types.UnexpectedResponse);

    private static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Decimal(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : null;

    private static DateTimeOffset? Timestamp(JsonElement parent, string name) =>
        String(parent, name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
}

/// <summary>One entry of an actor's run list: enough to pick out a run started by a request whose answer was lost.</summary>
internal sealed record ApifyRunListed(string? Id, string? Status, DateTimeOffset? StartedAt);
