using Campaigns.Simulators.Telegram;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Integrations.Telegram;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

/// <summary>
/// Polling across a cluster restart: the reminder brings the loop back by itself, updates that arrived meanwhile are
/// read, and handled ones are not read again (the stored offset is checked in <see cref="TelegramIntakeTests"/>).
/// </summary>
public sealed class TelegramRestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task After_a_restart_polling_resumes_with_only_the_updates_not_yet_handled()
    {
        await using var simulator = await TelegramSimulator.Start();
        var org = await TestOrganizations.Create(postgres.ConnectionString);
        var bot = simulator.AddBot($"r{Guid.NewGuid():N}"[..20]);
        var user = simulator.AddUser("Restarting");
        var before = new RecordingSink();
        string clusterId;

        await using (var first = await TelegramHostFixture.StartHost(postgres.ConnectionString, simulator, before))
        {
            clusterId = first.ClusterId;
            using var admin = first.Client(org.AdminKey);
            await (await admin.Post("/api/sending-accounts", new { name = "Survivor", bot_token = bot.Token })).Expect(System.Net.HttpStatusCode.Created);
            simulator.UserWrites(bot, user, "before the restart");
            await before.WaitFor(m => m.Text == "before the restart", "the first message");
            // Handled and confirmed: the next long poll carried the new offset to Telegram.
            await TelegramHostFixture.Eventually(() => Task.FromResult(bot.PendingUpdates), n => n == 0, "the first update confirmed");
            await first.Stop();
        }

        simulator.UserWrites(bot, user, "while the cluster was down");
        var after = new RecordingSink();
        await using var second = await TelegramHostFixture.StartHost(postgres.ConnectionString, simulator, after, clusterId: clusterId);

        await after.WaitFor(m => m.Text == "while the cluster was down", "the message sent while down");
        simulator.UserWrites(bot, user, "after the restart");
        await after.WaitFor(m => m.Text == "after the restart", "a message after the restart");
        Assert.DoesNotContain(after.Messages, m => m.Text == "before the restart");
        Assert.Single(after.Messages, m => m.Text == "while the cluster was down");
    }
}
