using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;

namespace Campaigns.Outreach;

/// <summary>
/// Paces one sending account cluster-wide (<see cref="SendPacing"/>). Its state is not persisted as grain state: the
/// count that matters across a restart is a fact in <c>outreach_sends</c>, so activation counts today's sends (and
/// in-flight intents) of the account and every later slot is counted in memory. A Reserve costs no database round
/// trip; the account row (cap, status) is re-read at most every <see cref="RefreshPeriod"/> or when told to.
/// </summary>
/// <remarks>
/// The grain stays active while it has granted future slots, so idleness never drops them. What a silo crash loses:
/// slots granted but not yet sent (their callers send under the old grant, uncounted by the new activation), and the
/// spacing and 429 hold, which restart from now. Sends and intents already recorded are always counted.
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

        switch (account.Status)
        {
            case SendingAccountStatus.Disabled:
                return Unavailable("The sending account is disabled.");
            case SendingAccountStatus.TokenRefused:
                return Unavailable("Telegram refused the sending account's bot token; set a new one.");
        }

        var slot = pacing.Reserve(earliest, sendDelaySeconds);
        if (slot.Kind == SendSlotKind.Granted && slot.At - clock.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
        {
            // A future slot lives only in memory: stay active until it is used, or an idle deactivation would forget it.
            DelayDeactivation(wait + TimeSpan.FromMinutes(1));
        }

        return slot;
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
