using Campaigns.Audit;
using Campaigns.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Campaigns.Campaigns;

/// <summary>
/// The budget guard: spend goes to a ledger (idempotent per key), the campaign's spent is the ledger's sum, and an
/// active campaign that reaches its budget pauses itself.
/// </summary>
public sealed partial class CampaignGrain
{
    public const string BudgetExceeded = "budget_exceeded";

    /// <summary>Something was spent and it reached the budget; a zero-budget campaign that spent nothing is not exhausted.</summary>
    private bool BudgetExhausted => S.Budget - S.CurrentBudget is var spent && spent > 0 && spent >= S.Budget;

    public async Task<SpendResult> RecordSpend(Guid organizationId, SpendRequest request)
    {
        if (!Owns(organizationId))
        {
            return new SpendResult(CommandOutcome.NotFound, Message: "Campaign not found.");
        }

        if (await spend.Find(Id, request.IdempotencyKey) is { } earlier)
        {
            return earlier.Amount == request.Amount && earlier.Currency == request.Currency
                ? new SpendResult(CommandOutcome.Ok, earlier, await FollowLedger())
                : new SpendResult(CommandOutcome.Conflict, Message:
                    $"idempotency_key '{request.IdempotencyKey}' already recorded {earlier.Amount} {earlier.Currency}; a different spend needs a new key.");
        }

        if (request.Currency != S.Currency)
        {
            return new SpendResult(CommandOutcome.Invalid, Errors: new Dictionary<string, string[]>
            {
                ["currency"] = [$"The campaign's currency is {S.Currency}; spend must be reported in it."],
            });
        }

        var entry = await spend.InsertOrGet(S.OrganizationId,
            new SpendEntry(TimeOrderedId.New(), Id, request.Amount, request.Currency, request.IdempotencyKey, clock.UtcNowMicroseconds()));
        return new SpendResult(CommandOutcome.Ok, entry, await FollowLedger());
    }

    public async Task<SpendPage> ListSpend(Guid organizationId, Guid? after, int limit)
    {
        if (!Owns(organizationId))
        {
            return new SpendPage(CommandOutcome.NotFound);
        }

        var (items, next) = await spend.List(organizationId, Id, after, limit);
        return new SpendPage(CommandOutcome.Ok, items, next);
    }

    /// <summary>
    /// Makes the campaign's spent the ledger's sum and pauses an active campaign that reached its budget. Reading the
    /// sum again (rather than adding the amount) heals a crash between a ledger insert and the state write.
    /// </summary>
    private async Task<CampaignView> FollowLedger()
    {
        var spent = await spend.Total(Id);
        var pause = S.Status == CampaignStatus.Active && spent >= S.Budget;
        if (S.Budget - S.CurrentBudget == spent && !pause)
        {
            return S.ToView(Id);
        }

        var before = S.Snapshot();
        var now = clock.UtcNowMicroseconds();
        S.CurrentBudget = S.Budget - spent;
        S.UpdatedAt = now;
        S.Version++;
        if (pause)
        {
            CampaignEditing.Enter(S, CampaignStatus.Paused, new CampaignTransitionRequest(CampaignTransition.Pause), now);
            S.PauseReason = BudgetExceeded;
        }

        var saved = await Save();
        await AfterChange(before);
        if (pause)
        {
            LogPausedOverBudget(logger, Id, spent, S.Budget);
            // No caller asked for this pause, so the audit row names no user or key: the system did it.
            await audit.Insert(new AuditEntry(TimeOrderedId.New(), S.OrganizationId, null, null, "campaign.auto_pause", "campaign",
                Id.ToString(), null, 200, "succeeded", now));
        }

        return saved.Campaign!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} paused itself: spent {Spent} of its budget {Budget}")]
    private static partial void LogPausedOverBudget(ILogger logger, Guid campaignId, long spent, long budget);
}
