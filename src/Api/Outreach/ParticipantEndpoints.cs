using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Api.Outreach;

/// <summary>HTTP ↔ <see cref="ICampaignParticipantsGrain"/>: an outreach campaign's participants, stats and the operator's retry/skip.</summary>
public static class ParticipantEndpoints
{
    private const string Resource = "campaign";

    private static readonly IReadOnlyDictionary<string, ParticipantStatus> Statuses =
        Enum.GetValues<ParticipantStatus>().ToDictionary(s => s.ToString().ToLowerInvariant(), s => s);

    public static IEndpointRouteBuilder MapParticipantEndpoints(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/campaigns/{id:guid}").WithTags("Outreach");
        campaigns.MapGet("/participants", List).RequirePermission(Permission.CampaignsRead);
        campaigns.MapGet("/stats", Stats).RequirePermission(Permission.CampaignsRead);
        // Only for a participant held on a send whose outcome is unknown (a crash between the intent and Telegram's answer).
        campaigns.MapPost("/participants/{contactId:guid}/retry", Retry).RequirePermission(Permission.CampaignsWrite)
            .Audited(Resource, "campaign.participant_retry");
        campaigns.MapPost("/participants/{contactId:guid}/skip", Skip).RequirePermission(Permission.CampaignsWrite)
            .Audited(Resource, "campaign.participant_skip");
        return routes;
    }

    /// <summary><c>?status=&amp;limit=&amp;cursor=</c> (the seed's <c>after</c> is accepted for cursor), by contact id.</summary>
    private static async Task<IResult> List(
        Guid id, [FromQuery] string? status, [FromQuery] string? limit, [FromQuery] string? cursor, [FromQuery] string? after,
        HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var pageSize = Paging.Limit(limit, errors);
        var from = Paging.Cursor(cursor ?? after, errors);
        ParticipantStatus? wanted = null;
        if (status is not null)
        {
            if (Statuses.TryGetValue(status, out var known))
            {
                wanted = known;
            }
            else
            {
                errors.Add("status", $"status must be one of {string.Join(", ", Statuses.Keys)}.");
            }
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await Campaign(cluster, id).ListParticipants(http.Caller().OrganizationId, wanted, from, pageSize);
        return result is { Outcome: CommandOutcome.Ok, Value: { } page }
            ? TypedResults.Ok(new PageResponse<ParticipantView>(page.Items, Paging.Format(page.NextCursor)))
            : Problems.From(result.Outcome, result.Message);
    }

    private static async Task<IResult> Stats(Guid id, HttpContext http, IClusterClient cluster)
    {
        var result = await Campaign(cluster, id).Stats(http.Caller().OrganizationId);
        return result is { Outcome: CommandOutcome.Ok, Value: { } stats } ? TypedResults.Ok(stats) : Problems.From(result.Outcome, result.Message);
    }

    private static async Task<IResult> Retry(Guid id, Guid contactId, HttpContext http, IClusterClient cluster) =>
        Respond(await Campaign(cluster, id).RetryParticipant(http.Caller().OrganizationId, contactId));

    private static async Task<IResult> Skip(Guid id, Guid contactId, HttpContext http, IClusterClient cluster) =>
        Respond(await Campaign(cluster, id).SkipParticipant(http.Caller().OrganizationId, contactId));

    private static IResult Respond(ParticipantsAnswer<ParticipantView> result) =>
        result is { Outcome: CommandOutcome.Ok, Value: { } participant } ? TypedResults.Ok(participant) : Problems.From(result.Outcome, result.Message);

    private static ICampaignParticipantsGrain Campaign(IClusterClient cluster, Guid id) => cluster.GetGrain<ICampaignParticipantsGrain>(id);
}
