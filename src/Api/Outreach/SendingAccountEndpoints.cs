using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Tenancy;

namespace Campaigns.Api.Outreach;

/// <summary>HTTP ↔ <see cref="ISendingAccountsGrain"/>: the organization's Telegram sending accounts (seed "BD accounts") and the seed's agents list.</summary>
public static class SendingAccountEndpoints
{
    private const string Resource = "sending_account";

    public static IEndpointRouteBuilder MapSendingAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/api/sending-accounts").WithTags("Outreach");
        accounts.MapPost("/", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "sending_account.create")
            .Accepts<SendingAccountRequest>("application/json");
        accounts.MapGet("/", List).RequirePermission(Permission.CampaignsRead);
        accounts.MapGet("/{id:guid}", Get).RequirePermission(Permission.CampaignsRead);
        accounts.MapPatch("/{id:guid}", Update).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "sending_account.update")
            .Accepts<SendingAccountRequest>("application/json", "application/merge-patch+json");
        accounts.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "sending_account.delete");

        routes.MapGet("/api/campaigns/agents", Agents).RequirePermission(Permission.CampaignsRead).WithTags("Outreach");
        return routes;
    }

    public static ISendingAccountsGrain SendingAccounts(this IClusterClient cluster) => cluster.GetGrain<ISendingAccountsGrain>(0);

    private static async Task<IResult> Create(JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (SendingAccountBody.ParseCreate(body, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.SendingAccounts().Create(http.Caller().OrganizationId, id, draft);
        return result is { Outcome: CommandOutcome.Ok, Value: { } account }
            ? TypedResults.Created($"/api/sending-accounts/{id}", SendingAccountResponse.From(account))
            : CrmProblems.From(result);
    }

    private static async Task<IResult> List(HttpContext http, IClusterClient cluster)
    {
        var accounts = await cluster.SendingAccounts().List(http.Caller().OrganizationId);
        return TypedResults.Ok(new PageResponse<SendingAccountResponse>(accounts.Select(SendingAccountResponse.From).ToList(), null));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.SendingAccounts().Get(http.Caller().OrganizationId, id) is { } account
            ? TypedResults.Ok(SendingAccountResponse.From(account))
            : Problems.NotFound("Sending account not found.");

    private static async Task<IResult> Update(Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (SendingAccountBody.Parse(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await cluster.SendingAccounts().Update(http.Caller().OrganizationId, id, changes);
        return result is { Outcome: CommandOutcome.Ok, Value: { } account }
            ? TypedResults.Ok(SendingAccountResponse.From(account))
            : CrmProblems.From(result);
    }

    private static async Task<IResult> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.SendingAccounts().Delete(http.Caller().OrganizationId, id)
            ? TypedResults.NoContent()
            : Problems.NotFound("Sending account not found.");

    private static async Task<IResult> Agents(HttpContext http, IClusterClient cluster)
    {
        var agents = await cluster.SendingAccounts().Agents(http.Caller().OrganizationId);
        return TypedResults.Ok(new PageResponse<AgentResponse>(agents.Select(AgentResponse.From).ToList(), null));
    }
}
