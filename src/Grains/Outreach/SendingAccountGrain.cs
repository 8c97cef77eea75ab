using Campaigns.Storage;

namespace Campaigns.Outreach;

/// <summary>
/// Paces one sending account cluster-wide (<see cref="SendPacing"/>). Its state is not persisted as grain state: the
/// count that matters across a restart is a fact in <c>outreach_sends</c>, so activation counts today's sends (and
/// in-flight intents) of the account and every later slot is counted in memory. A Reserve costs no database round
/// trip; the account row (cap, status) is re-read at most every <see cref="RefreshPeriod"/> or when told to.
/// </summary>
/// <remarks>
/// What a restart loses: slots granted by the previous activation that were not yet sent (their callers re-reserve
/// or send under the old grant), and the spacing and 429 hold, which restart from now. Both err by at most one
/// spacing interval, never by a day's cap.
/// </remarks>
public sealed class SendingAccountGrain(SendingAccountRepository accounts, TimeProvider clock) : Grain, ISendingAccountGrain
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(30);

    private SendPacing pacing = null!;
    private SendingAccountSecrets? account;
    private DateTimeOffset refreshedAt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Load();
        pacing = new SendPacing(clock, account?.DailyCap ?? 1);
        var today = SendPacing.DayOf(clock.GetUtcNow());
        pacing.Seed(today, await accounts.CountSends(this.GetPrimaryKey(), SendPacing.StartOf(today), SendPacing.StartOf(today.AddDays(1))));
    }

    public async Task<SendSlot> Reserve(Guid organizationId, DateTimeOffset earliest, int sendDelaySeconds)
    {
        if (clock.GetUtcNow() - refreshedAt >= RefreshPeriod)
        {
            await Load();
        }

        if (account is null || account.OrganizationId != organizationId)
        {
            return Unavailable("No such sending account in the organization (it may have been deleted).");
        }

        return account.Status switch
        {
            SendingAccountStatus.Disabled => Unavailable("The sending account is disabled."),
            SendingAccountStatus.TokenRefused => Unavailable("Telegram refused the sending account's bot token; set a new one."),
            _ => pacing.Reserve(earliest, sendDelaySeconds),
        };
    }

    public Task Complete(SendSlotOutcome outcome)
    {
        pacing.Complete(outcome);
        return Task.CompletedTask;
    }

    public Task HoldUntil(DateTimeOffset until)
    {
        pacing.HoldUntil(until);
        return Task.CompletedTask;
    }

    public Task Refresh() => Load();

    private async Task Load()
    {
        account = await accounts.Secrets(this.GetPrimaryKey());
        refreshedAt = clock.GetUtcNow();
        if (account is not null && pacing is not null)
        {
            pacing.DailyCap = account.DailyCap;
        }
    }

    private SendSlot Unavailable(string reason) => new(SendSlotKind.Unavailable, clock.GetUtcNow(), reason);
}
