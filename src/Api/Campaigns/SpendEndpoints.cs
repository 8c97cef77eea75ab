using Campaigns.Api.Audit;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Campaigns;

/// <summary>The budget guard over HTTP: report spend into a campaign's ledger and read the ledger back.</summary>
public static class SpendEndpoints
{
    public const int IdempotencyKeyMaxLength = 200;

    public static IEndpointRouteBuilder MapSpendEndpoints(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/campaigns").WithTags("Campaigns");
        campaigns.MapPost("/{id:guid}/spend", Record).RequirePermission(Permission.CampaignsWrite).Audited("campaign", "campaign.spend")
            .WithSummary("Report spend into a campaign's ledger (idempotent by idempotency_key)").ProducesProblems(404, 409, 413, 415);
        campaigns.MapGet("/{id:guid}/spend", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List a campaign's spend ledger, newest first").ProducesProblems(404);
        return routes;
    }

    private static async Task<Results<Created<SpendResponse>, ProblemHttpResult, ValidationProblem>> Record(
        Guid id, RecordSpendRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (request.ToSpend(errors) is not { } spend)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        // A repeat answers what the first report did: the same ledger row, with the campaign as it is now.
        var result = await cluster.GetGrain<ICampaignGrain>(id).RecordSpend(http.Caller().OrganizationId, spend);
        return result.ToCommandResult().ToCreated(_ => $"/api/campaigns/{id}/spend");
    }

    private static async Task<Results<Ok<PageResponse<SpendEntry>>, ProblemHttpResult, ValidationProblem>> List(
        Guid id, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var pageLimit = Paging.Limit(limit, errors);
        var after = Paging.Cursor(cursor, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var page = await cluster.GetGrain<ICampaignGrain>(id).ListSpend(http.Caller().OrganizationId, after, pageLimit);
        return page.ToCommandResult().ToOk(p => p.ToResponse());
    }
}

/// <summary>Body of <c>POST /api/campaigns/{id}/spend</c>: an amount in minor units, its currency, and a key that makes retries safe.</summary>
public sealed record RecordSpendRequest(long? Amount, string? Currency, string? IdempotencyKey)
{
    private const string AmountRequired = "amount is required: a positive integer in minor units (e.g. cents).";

    private static readonly MoneyRule AmountRule =
        new(1, CampaignFields.BudgetMax, AmountRequired, AmountRequired, $"amount must be at most {CampaignFields.BudgetMax}.");

    public SpendRequest? ToSpend(FieldErrors errors)
    {
        FieldRules.Money(Amount, errors, "amount", AmountRule, required: true);
        var currency = Currency is null ? null : FieldRules.Currency(Currency, errors, "currency", fallback: null);
        if (Currency is null)
        {
            errors.Add("currency", "currency is required (the campaign's ISO 4217 code).");
        }

        var key = IdempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > SpendEndpoints.IdempotencyKeyMaxLength)
        {
            errors.Add("idempotency_key", $"idempotency_key is required: 1 to {SpendEndpoints.IdempotencyKeyMaxLength} characters, one per spend.");
        }

        return errors.Any ? null : new SpendRequest(Amount!.Value, currency!, key!);
    }
}

/// <summary>A recorded spend and where the campaign's budget stands after it.</summary>
public sealed record SpendResponse(
    Guid Id, Guid CampaignId, long Amount, string Currency, string IdempotencyKey, DateTimeOffset CreatedAt,
    long Budget, long Spent, string Status, string? PauseReason)
{
    public static SpendResponse From(SpendEntry entry, CampaignView campaign) => new(
        entry.Id, entry.CampaignId, entry.Amount, entry.Currency, entry.IdempotencyKey, entry.CreatedAt,
        campaign.Budget, campaign.Spent, CampaignLifecycle.Name(campaign.Status), campaign.PauseReason);
}
