using System.Text.Json;
using System.Text.RegularExpressions;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Microsoft.AspNetCore.Diagnostics;

namespace Campaigns.Api.Hosting;

/// <summary>
/// Turns request-level failures into problem+json: malformed JSON and wrong types name the field,
/// oversized bodies answer 413, a grain whose stored state cannot be read answers 503 naming its resource,
/// anything unexpected answers a 500 without internals.
/// </summary>
public sealed partial class RequestErrors(ILogger<RequestErrors> logger) : IExceptionHandler
{
    /// <summary>
    /// Unreadable state stays so until an operator repairs it: a client that honours Retry-After comes back in a minute
    /// rather than at once.
    /// </summary>
    public const int UnreadableStateRetryAfterSeconds = 60;

    /// <summary>The status a request that failed with <paramref name="exception"/> is answered with, by this handler or the framework.</summary>
    public static int StatusFor(Exception exception, HttpContext context) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400,
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => 499, // as the exception handler middleware
        _ when UnreadableStateIn(exception) is not null => 503,
        _ => 500,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            var status = StatusFor(bad, context);
            if (status == StatusCodes.Status413PayloadTooLarge)
            {
                await Problems.Write(context, 413, "Payload Too Large", "Request bodies are limited to 1 MiB.");
                return true;
            }

            if (bad.InnerException is JsonException json)
            {
                var field = FieldOf(json);
                await Problems.Write(context, 400, "Bad Request", "The request body is not valid JSON for this endpoint.",
                    new Dictionary<string, string[]> { [field] = [Describe(json, field)] });
                return true;
            }

            await Problems.Write(context, status, "Bad Request", bad.Message,
                status == 400 ? new Dictionary<string, string[]> { ["body"] = [bad.Message] } : null);
            return true;
        }

        if (UnreadableStateIn(exception) is { } unreadable)
        {
            // The silo that failed the read logged it at Error with its cause; here only what the client was told.
            logger.LogWarning("{Method} {Path} answered 503: grain {GrainId} cannot load its stored state '{StateName}'",
                context.Request.Method, context.Request.Path, unreadable.GrainId, unreadable.StateName);
            await WriteUnavailable(context, UnreadableResource.For(unreadable.StateName, unreadable.GrainKey));
            return true;
        }

        logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        await Problems.Write(context, 500, "Internal Server Error", "The server could not complete the request; it has been logged.");
        return true;
    }

    /// <summary>The grain storage throws it as is; a grain that called the broken grain passes it on, possibly wrapped.</summary>
    public static UnreadableStateException? UnreadableStateIn(Exception? exception) => exception switch
    {
        null => null,
        UnreadableStateException unreadable => unreadable,
        AggregateException aggregate => aggregate.InnerExceptions.Select(UnreadableStateIn).FirstOrDefault(u => u is not null),
        _ => UnreadableStateIn(exception.InnerException),
    };

    private static Task WriteUnavailable(HttpContext context, UnreadableResource resource)
    {
        context.Response.Headers.RetryAfter = UnreadableStateRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = resource.Title,
            Detail = resource.Detail,
            Extensions = { ["resource"] = resource.Resource, ["id"] = resource.Id },
        };
        if (resource.CampaignId is { } campaignId)
        {
            problem.Extensions["campaign_id"] = campaignId;
        }

        return TypedResults.Problem(problem).ExecuteAsync(context);
    }

    private static string FieldOf(JsonException json)
    {
        if (json is UnstorableTextException unstorable)
        {
            var member = MemberPath(json);
            return unstorable.InnerPath.Length == 0 ? member
                : member == "body" ? unstorable.InnerPath
                : unstorable.InnerPath.StartsWith('[') ? member + unstorable.InnerPath : $"{member}.{unstorable.InnerPath}";
        }

        if (IsSyntaxError(json))
        {
            // The reader's path is where it stopped ("$.budget" for a truncated document), not a field at fault.
            return "body";
        }

        if (UnmappedProperty().Match(json.Message) is { Success: true } unmapped)
        {
            return unmapped.Groups[1].Value;
        }

        return MemberPath(json);
    }

    private static string MemberPath(JsonException json)
    {
        var path = json.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Describe(JsonException json, string field) =>
        json is UnstorableTextException ? StorableText.Refusal
        : IsSyntaxError(json) ? $"Malformed JSON at line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}."
        : UnmappedProperty().IsMatch(json.Message) ? $"Unknown field '{field}'."
        : field == "body" ? "Malformed JSON."
        : $"Value has the wrong type or format for '{field}'.";

    /// <summary>System.Text.Json wraps the reader's own exception (a JsonException) when the text is not JSON at all.</summary>
    private static bool IsSyntaxError(JsonException json) => json.InnerException is JsonException;

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();
}
