using Campaigns.Api.Audit;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Outreach;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
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
        campaigns.MapGet("/participants", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List an outreach campaign's participants").ProducesProblems(StatusCodes.Status404NotFound);
        campaigns.MapGet("/stats", Stats).RequirePermission(Permission.CampaignsRead)
            .WithSummary("An outreach campaign's funnel: participants by status and each step's sends").ProducesProblems(StatusCodes.Status404NotFound);
        // Only for a participant held on a send whose outcome is unknown (a crash between the intent and Telegram's answer).
        campaigns.MapPost("/participants/{contactId:guid}/retry", Retry).RequirePermission(Permission.CampaignsWrite)
            .Audited(Resource, "campaign.participant_retry")
            .WithSummary("Send a held participant's step again").ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        campaigns.MapPost("/participants/{contactId:guid}/skip", Skip).RequirePermission(Permission.CampaignsWrite)
            .Audited(Resource, "campaign.participant_skip")
            .WithSummary("Take a held participant's step as sent and go on").ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary><c>?status=&amp;limit=&amp;cursor=</c> (the seed's <c>after</c> is accepted for cursor), by contact id.</summary>
    private static async Task<Results<Ok<PageResponse<ParticipantView>>, ProblemHttpResult, ValidationProblem>> List(
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
        return result.ToCommandResult().ToOk(page => page.ToPage().ToResponse());
    }

    private static async Task<Results<Ok<OutreachStats>, ProblemHttpResult, ValidationProblem>> Stats(Guid id, HttpContext http, IClusterClient cluster) =>
        (await Campaign(cluster, id).Stats(http.Caller().OrganizationId)).ToCommandResult().ToOk();

    private static async Task<Results<Ok<ParticipantView>, ProblemHttpResult, ValidationProblem>> Retry(
        Guid id, Guid contactId, HttpContext http, IClusterClient cluster) =>
        (await Campaign(cluster, id).RetryParticipant(http.Caller().OrganizationId, contactId)).ToCommandResult().ToOk();

    private static async Task<Results<Ok<ParticipantView>, ProblemHttpResult, ValidationProblem>> Skip(
        Guid id, Guid contactId, HttpContext http, IClusterClient cluster) =>
        (await Campaign(cluster, id).SkipParticipant(http.Caller().OrganizationId, contactId)).ToCommandResult().ToOk();

    private static ICampaignParticipantsGrain Campaign(IClusterClient cluster, Guid id) => cluster.GetGrain<ICampaignParticipantsGrain>(id);
}
