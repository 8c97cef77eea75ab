using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Outreach;

/// <summary>HTTP ↔ <see cref="ISendingAccountsGrain"/>: the organization's Telegram sending accounts (seed "BD accounts") and the seed's agents list.</summary>
public static class SendingAccountEndpoints
{
    private const string Resource = "sending_account";

    public static IEndpointRouteBuilder MapSendingAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/api/sending-accounts").WithTags("Outreach");
        accounts.MapPost("/", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "sending_account.create")
            .Accepts<SendingAccountRequest>("application/json").WithRequestExample(OutreachExamples.SendingAccount)
            .WithSummary("Add a Telegram bot as a sending account (its token is checked with Telegram)")
            .ProducesProblems(StatusCodes.Status409Conflict);
        accounts.MapGet("/", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List the organization's sending accounts");
        accounts.MapGet("/{id:guid}", Get).RequirePermission(Permission.CampaignsRead)
            .WithSummary("Get a sending account").ProducesProblems(StatusCodes.Status404NotFound);
        accounts.MapPatch("/{id:guid}", Update).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "sending_account.update")
            .Accepts<SendingAccountRequest>("application/json", "application/merge-patch+json").WithRequestExample(OutreachExamples.SendingAccount)
            .WithSummary("Change a sending account (merge patch)").ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        accounts.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "sending_account.delete")
            .WithSummary("Delete a sending account").ProducesProblems(StatusCodes.Status404NotFound);

        routes.MapGet("/api/campaigns/agents", Agents).RequirePermission(Permission.CampaignsRead).WithTags("Outreach")
            .WithSummary("Every sending account with what it sent today (UTC)");
        return routes;
    }

    public static ISendingAccountsGrain SendingAccounts(this IClusterClient cluster) => cluster.GetGrain<ISendingAccountsGrain>(0);

    private static async Task<Results<Created<SendingAccountResponse>, ProblemHttpResult, ValidationProblem>> Create(
        JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (SendingAccountBody.ParseCreate(body, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.SendingAccounts().Create(http.Caller().OrganizationId, id, draft);
        return result.Select(SendingAccountResponse.From).ToCreated(_ => $"/api/sending-accounts/{id}");
    }

    private static async Task<Ok<PageResponse<SendingAccountResponse>>> List(HttpContext http, IClusterClient cluster)
    {
        var accounts = await cluster.SendingAccounts().List(http.Caller().OrganizationId);
        return TypedResults.Ok(new PageResponse<SendingAccountResponse>(accounts.Select(SendingAccountResponse.From).ToList(), null));
    }

    private static async Task<Results<Ok<SendingAccountResponse>, ProblemHttpResult>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.SendingAccounts().Get(http.Caller().OrganizationId, id) is { } account
            ? TypedResults.Ok(SendingAccountResponse.From(account))
            : Problems.NotFound("Sending account not found.");

    private static async Task<Results<Ok<SendingAccountResponse>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (SendingAccountBody.Parse(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return (await cluster.SendingAccounts().Update(http.Caller().OrganizationId, id, changes)).ToOk(SendingAccountResponse.From);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.SendingAccounts().Delete(http.Caller().OrganizationId, id)
            ? TypedResults.NoContent()
            : Problems.NotFound("Sending account not found.");

    private static async Task<Ok<PageResponse<AgentResponse>>> Agents(HttpContext http, IClusterClient cluster)
    {
        var agents = await cluster.SendingAccounts().Agents(http.Caller().OrganizationId);
        return TypedResults.Ok(new PageResponse<AgentResponse>(agents.Select(AgentResponse.From).ToList(), null));
    }
}
