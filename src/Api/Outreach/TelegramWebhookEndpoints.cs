using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Outreach;

/// <summary>
/// <c>POST /api/telegram/webhook/{accountId}</c>: where Telegram pushes a webhook account's updates. Anonymous (Telegram
/// has no API key); the <c>X-Telegram-Bot-Api-Secret-Token</c> header, set with setWebhook, is the proof.
/// </summary>
public static class TelegramWebhookEndpoints
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        // Not audited: no user acts here, and the updates themselves are recorded in telegram_chats.
        routes.MapPost("/api/telegram/webhook/{accountId:guid}", Receive).AllowAnonymous().WithTags("Outreach")
            .WithSummary("Where Telegram pushes a webhook account's updates (Telegram's own call)");
        return routes;
    }

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Receive(Guid accountId, HttpRequest request, IClusterClient cluster)
    {
        var secret = request.Headers.TryGetValue(SecretHeader, out var values) ? values.ToString() : null;
        if (!WebhookSecrets.IsWellFormed(secret))
        {
            // Refused before the body is read, the database asked or a grain woken: the common case of a stranger's call.
            return Refused();
        }

        using var reader = new StreamReader(request.Body);
        var update = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        return await cluster.GetGrain<ITelegramIntakeGrain>(accountId).ReceiveWebhook(secret, update) switch
        {
            WebhookOutcome.Accepted => TypedResults.Ok(),
            WebhookOutcome.Malformed => Problems.Validation("body", "Expected a Telegram update as JSON."),
            // An unknown account answers exactly as a wrong secret does, so the endpoint tells nobody which ids exist.
            _ => Refused(),
        };
    }

    private static ProblemHttpResult Refused() =>
        TypedResults.Problem("The secret token is missing or wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
