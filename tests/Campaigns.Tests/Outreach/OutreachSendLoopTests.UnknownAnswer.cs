using System.Net;
using Campaigns.Simulators.Telegram;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

/// <summary>"Never twice" when Telegram took the message but its answer was a timeout or a 5xx (README, Outreach: "Never twice").</summary>
public sealed partial class OutreachSendLoopTests
{
    [Theory]
    [InlineData(TelegramFault.NoAnswerAfterDelivery, "did not answer within 5 s")]
    [InlineData(TelegramFault.ServerErrorAfterDelivery, "Telegram answered 500")]
    [InlineData(TelegramFault.BadGatewayAfterDelivery, "Telegram answered 502")]
    public async Task A_send_Telegram_took_without_a_clear_answer_is_unknown_held_and_sent_once_until_an_operator_retries(TelegramFault fault, string cause)
    {
        var (bot, account) = await h.NewAccount();
        var (nina, ninaId) = await h.NewPerson(bot, "Nina");
        var campaign = await h.NewCampaign(account, [ninaId], new StepSpec("Only once", DelayHours: 1), new StepSpec("Next", DelayHours: 1));
        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        h.Simulator.Faults.FailNextSends(fault, chatId: nina.Id);

        h.Clock.Advance(TimeSpan.FromHours(1));
        var held = await h.WaitForParticipant(campaign, ninaId, p => p["held"]!.GetValue<bool>(), "Nina held after the unclear answer");
        await h.Wake(campaign, ninaId);
        h.Clock.Advance(TimeSpan.FromHours(5));
        await h.Wake(campaign, ninaId);

        // Telegram has it once; neither the gateway nor the participant sent it again.
        Assert.Equal(["Only once"], h.MessagesTo(nina).Select(m => m.Text));
        Assert.Equal([(0, "unknown", 1)], await h.Sends(campaign, ninaId));
        Assert.Equal("pending", held.Str("status"));
        Assert.Contains("unknown", held.Str("reason"));
        Assert.Contains(cause, held.Str("reason"));
        Assert.Equal(1, (await h.Stats(campaign))["held"]!.GetValue<int>());

        var retried = await (await h.Admin.Post($"/api/campaigns/{campaign}/participants/{ninaId}/retry")).ExpectJson(HttpStatusCode.OK);
        Assert.False(retried["held"]!.GetValue<bool>());
        // The operator chose to send again: now she has it twice, by that decision alone.
        Assert.Equal(["Only once", "Only once"], h.MessagesTo(nina).Select(m => m.Text));
        Assert.Equal([(0, "sent", 2)], await h.Sends(campaign, ninaId));
    }
}
