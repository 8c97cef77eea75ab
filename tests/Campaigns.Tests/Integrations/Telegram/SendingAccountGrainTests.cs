using System.Net;
using Campaigns.Outreach;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Integrations.Telegram;

/// <summary><see cref="SendingAccountGrain"/> on a real silo: who may reserve, and a daily cap that survives a restart through outreach_sends.</summary>
public sealed class SendingAccountGrainTests(TelegramHostFixture telegram) : IClassFixture<TelegramHostFixture>
{
    [Fact]
    public async Task Another_organization_or_an_unknown_account_is_unavailable()
    {
        var (_, account) = await telegram.NewAccount();

        var foreign = await telegram.Grains.GetGrain<ISendingAccountGrain>(account.Id()).Reserve(Guid.NewGuid(), DateTimeOffset.UtcNow, 0);
        var unknown = await telegram.Grains.GetGrain<ISendingAccountGrain>(Guid.NewGuid()).Reserve(telegram.Org.Id, DateTimeOffset.UtcNow, 0);

        Assert.Equal(SendSlotKind.Unavailable, foreign.Kind);
        Assert.Equal(SendSlotKind.Unavailable, unknown.Kind);
        Assert.False(string.IsNullOrWhiteSpace(unknown.Reason));
    }

    [Fact]
    public async Task A_disabled_account_is_unavailable_at_once_and_available_again_when_enabled()
    {
        var (_, account) = await telegram.NewAccount();
        var grain = telegram.Grains.GetGrain<ISendingAccountGrain>(account.Id());
        Assert.Equal(SendSlotKind.Granted, (await grain.Reserve(telegram.Org.Id, DateTimeOffset.UtcNow, 0)).Kind);

        await (await telegram.Admin.Patch($"/api/sending-accounts/{account.Id()}", new { status = "disabled" })).Expect(HttpStatusCode.OK);
        var disabled = await grain.Reserve(telegram.Org.Id, DateTimeOffset.UtcNow, 0);
        await (await telegram.Admin.Patch($"/api/sending-accounts/{account.Id()}", new { status = "active" })).Expect(HttpStatusCode.OK);

        Assert.Equal(SendSlotKind.Unavailable, disabled.Kind);
        Assert.Contains("disabled", disabled.Reason);
        Assert.Equal(SendSlotKind.Granted, (await grain.Reserve(telegram.Org.Id, DateTimeOffset.UtcNow, 0)).Kind);
    }

    [Fact]
    public async Task Sends_recorded_today_count_against_the_cap_when_the_grain_activates()
    {
        var (_, account) = await telegram.NewAccount(dailyCap: 3);
        var now = DateTimeOffset.UtcNow;
        foreach (var status in new[] { "sent", "delivered" })
        {
            await telegram.Sql("""
                INSERT INTO outreach_sends (id, campaign_id, contact_id, organization_id, step_index, sending_account_id, status, created_at, sent_at)
                VALUES ($1, $2, $3, $4, 0, $5, $6, $7, $7)
                """, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), telegram.Org.Id, account.Id(), status, now);
        }

        var grain = telegram.Grains.GetGrain<ISendingAccountGrain>(account.Id());
        var first = await grain.Reserve(telegram.Org.Id, now, 0);
        var capped = await grain.Reserve(telegram.Org.Id, now, 0);

        Assert.Equal(SendSlotKind.Granted, first.Kind);
        Assert.Equal(SendSlotKind.DailyCapReached, capped.Kind);
        Assert.Equal(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero), capped.At);
    }

    [Fact]
    public async Task Slots_are_spaced_by_the_callers_delay_and_held_after_a_429()
    {
        var (_, account) = await telegram.NewAccount();
        var grain = telegram.Grains.GetGrain<ISendingAccountGrain>(account.Id());
        var start = DateTimeOffset.UtcNow.AddMinutes(10);

        var first = await grain.Reserve(telegram.Org.Id, start, 90);
        var second = await grain.Reserve(telegram.Org.Id, start, 90);
        await grain.HoldUntil(start.AddHours(1));
        var held = await grain.Reserve(telegram.Org.Id, start, 90);

        Assert.Equal(start, first.At);
        Assert.Equal(start.AddSeconds(90), second.At);
        Assert.Equal(start.AddHours(1), held.At);
    }
}
