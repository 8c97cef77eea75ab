using System.Net;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

/// <summary>A silo restart in the middle of a campaign: nothing is sent twice and no step is lost.</summary>
public sealed class OutreachRestartTests(OutreachHarness h) : IClassFixture<OutreachHarness>
{
    [Fact]
    public async Task Silo_restart_mid_campaign_sends_no_duplicate_and_loses_no_step()
    {
        var (bot, account) = await h.NewAccount();
        var people = new List<(Simulators.Telegram.TelegramUser User, Guid ContactId)>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await h.NewPerson(bot, $"R{i}"));
        }

        var campaign = await h.NewCampaign(account, people.Select(p => p.ContactId).ToList(),
            new StepSpec("First"), new StepSpec("Second", DelayHours: 1), new StepSpec("Third", DelayHours: 1));
        await (await h.Admin.Post($"/api/campaigns/{campaign}/start")).Expect(HttpStatusCode.OK);
        foreach (var (user, contactId) in people)
        {
            await h.WaitForMessages(user, 1, "the first step");
            // Between steps: a stop in the middle of a send leaves that step unknown (held), by design, not lost or doubled.
            await h.WaitForParticipant(campaign, contactId, p => p["current_step"]!.GetValue<int>() == 1, "the first step recorded");
        }

        await h.RestartHost();
        h.Clock.Advance(TimeSpan.FromHours(1));
        foreach (var (user, contactId) in people)
        {
            await h.WaitForMessages(user, 2, "the second step after the restart");
            await h.WaitForParticipant(campaign, contactId, p => p["current_step"]!.GetValue<int>() == 2, "the second step recorded");
        }

        await h.RestartHost();
        h.Clock.Advance(TimeSpan.FromHours(1));
        foreach (var (user, contactId) in people)
        {
            await h.WaitForParticipant(campaign, contactId, p => p.Str("status") == "completed", "completed after the second restart");
            Assert.Equal(["First", "Second", "Third"], h.MessagesTo(user).Select(m => m.Text));
            Assert.Equal([(0, "sent", 1), (1, "sent", 1), (2, "sent", 1)], await h.Sends(campaign, contactId));
        }

        await OutreachHarness.Eventually(() => h.Admin.GetCampaign(campaign), c => c.Str("status") == "completed", "the campaign completed");
    }
}
