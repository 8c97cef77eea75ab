using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Audit;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Api.Outreach;

/// <summary>The seed's Telegram group audience source: the groups and channels the organization's bots are in, and their users as contacts.</summary>
public static class GroupSourceEndpoints
{
    public static IEndpointRouteBuilder MapGroupSourceEndpoints(this IEndpointRouteBuilder routes)
    {
        var sources = routes.MapGroup("/api/campaigns/group-sources").WithTags("Outreach");
        sources.MapGet("/", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("The groups and channels the organization's bots are in");
        // A GET that may create contacts, as the seed has it; it needs the right to write contacts.
        sources.MapGet("/contacts", Contacts).RequirePermission(Permission.ContactsWrite)
            .WithSummary("The users a bot has seen in a group, as contacts (missing ones are created)")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<PageResponse<GroupSourceResponse>>> List(HttpContext http, IClusterClient cluster)
    {
        var groups = await cluster.SendingAccounts().GroupSources(http.Caller().OrganizationId);
        return TypedResults.Ok(new PageResponse<GroupSourceResponse>(groups.Select(GroupSourceResponse.From).ToList(), null));
    }

    private static async Task<Results<Ok<GroupContactsResponse>, ProblemHttpResult, ValidationProblem>> Contacts(
        [FromQuery] string? bdAccountId, [FromQuery] string? telegramChatId, HttpContext http, IClusterClient cluster, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var accountId = bdAccountId is null ? null : QueryIds.Parse(bdAccountId, "bdAccountId", errors);
        if (bdAccountId is null)
        {
            errors.Add("bdAccountId", "bdAccountId is required: the sending account whose bot is in the chat.");
        }

        long chatId = 0;
        if (telegramChatId is null || !long.TryParse(telegramChatId, out chatId))
        {
            errors.Add("telegramChatId", "telegramChatId is required: the Telegram chat id (a whole number, negative for groups).");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var caller = http.Caller();
        var result = await cluster.SendingAccounts().ContactsFromGroup(caller.OrganizationId, accountId!.Value, chatId);
        if (result is null)
        {
            return Problems.NotFound("No such group or channel for this sending account.");
        }

        if (result.Created > 0)
        {
            // A GET the audit middleware passes over, yet it created contacts: the mutation is recorded here.
            await cluster.GetGrain<IAuditLogGrain>(0).Record(new AuditEntry(
                TimeOrderedId.New(), caller.OrganizationId, caller.UserId, caller.ApiKeyId, "contact.create_from_group", "telegram_chat",
                $"{accountId}:{chatId}", null, StatusCodes.Status200OK, "succeeded", PostgresTime.Truncate(clock.GetUtcNow())));
        }

        return TypedResults.Ok(new GroupContactsResponse(result.ContactIds, result.Created, result.Matched));
    }
}

public sealed record GroupSourceResponse(Guid BdAccountId, long TelegramChatId, string? Title, string Type, int MembersSeen)
{
    public static GroupSourceResponse From(GroupSource g) => new(g.SendingAccountId, g.ChatId, g.Title, g.Type, g.MembersSeen);
}

public sealed record GroupContactsResponse(IReadOnlyList<Guid> ContactIds, int Created, int Matched);
