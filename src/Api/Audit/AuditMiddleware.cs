using System.Security.Cryptography;
using Campaigns.Api.Hosting;
using Campaigns.Audit;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;

namespace Campaigns.Api.Audit;

/// <summary>
/// Writes one audit row per authenticated mutating request, after the response status is known,
/// so refusals (400, 403, 404, 409) are on record as well as successes.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, IClusterClient cluster, TimeProvider clock, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Reads change nothing (GETs, and POSTs marked NotAudited), and a request that matched no endpoint changed nothing either.
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || context.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<NotAudited>() is not null)
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();

        // Known before the endpoint runs; read once so both paths below record the same action and resource.
        var audited = context.GetEndpoint()?.Metadata.GetMetadata<Audited>();
        var routeId = context.Request.RouteValues["id"]?.ToString();
        // Minted on arrival, so a client's requests list in the order it sent them even when a response
        // reaches the client before this middleware has finished recording the previous one.
        var auditId = TimeOrderedId.New();
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            // Bodies the endpoint could not bind (malformed JSON, wrong types) surface as exceptions that the
            // outer exception handler turns into responses; record them with the status it is about to answer.
            await Record(auditId, context, audited, routeId, RequestErrors.StatusFor(e, context));
            throw;
        }

        await Record(auditId, context, audited, routeId, context.Response.StatusCode);
    }

    private async Task Record(Guid auditId, HttpContext context, Audited? audited, string? routeId, int status)
    {
        if (context.Features.Get<Principal>() is not { } caller)
        {
            return;
        }

        var entry = new AuditEntry(
            Id: auditId,
            OrganizationId: caller.OrganizationId,
            UserId: caller.UserId,
            ApiKeyId: caller.ApiKeyId,
            Action: audited?.Action ?? $"{context.Request.Method.ToLowerInvariant()}",
            ResourceType: audited?.ResourceType ?? "unknown",
            ResourceId: context.Items[AuditedExtensions.ResourceIdItem] as string ?? routeId,
            PayloadSha256: await Digest(context.Request),
            StatusCode: status,
            Outcome: OutcomeOf(status),
            OccurredAt: PostgresTime.Truncate(clock.GetUtcNow()));

        try
        {
            await cluster.GetGrain<IAuditLogGrain>(0).Record(entry);
        }
        catch (Exception e)
        {
            // The mutation has happened; failing the response now would mislead the caller.
            logger.LogError(e, "Audit row {AuditId} for {Action} on {ResourceType} {ResourceId} could not be written",
                entry.Id, entry.Action, entry.ResourceType, entry.ResourceId);
        }
    }

    /// <summary>Every value <see cref="OutcomeOf"/> can record.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["succeeded", "forbidden", "not_found", "conflict", "rejected", "failed"];

    public static string OutcomeOf(int status) => status switch
    {
        >= 200 and < 300 => "succeeded",
        401 or 403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        >= 400 and < 500 => "rejected",
        _ => "failed",
    };

    private static async Task<string?> Digest(HttpRequest request)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return null;
        }

        try
        {
            request.Body.Position = 0;
            var hash = await SHA256.HashDataAsync(request.Body);
            return Convert.ToHexStringLower(hash);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or NotSupportedException or ObjectDisposedException)
        {
            // An oversized or aborted body has no digest worth keeping.
            return null;
        }
    }
}
