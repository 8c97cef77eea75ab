using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Npgsql;

namespace Campaigns.Tests.Outreach;

/// <summary>
/// An outreach section that <c>/start</c> accepts (a contact with a Telegram id, an active sending account), for tests
/// about something else than sending: the account is written straight to the table (no Bot API server to check a
/// token against), so the tests' steps must not fall due (the default step delay is 24 h).
/// </summary>
public static class OutreachStartable
{
    /// <param name="contactId">The audience (a contact with a Telegram id); null creates one.</param>
    public static async Task<object> Section(HttpClient admin, string connectionString, Guid organizationId, Guid? contactId = null)
    {
        var contact = contactId ?? (await admin.CreateContact(new { first_name = "Startable", telegram_id = CrmApi.TelegramId() })).Id();
        var accountId = Guid.CreateVersion7();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand("""
            INSERT INTO sending_accounts (id, organization_id, name, bot_token, bot_user_id, webhook_secret, daily_cap, created_at, updated_at)
            VALUES ($1, $2, 'Test bot', 'not-a-token', $3, 'secret', 200, now(), now())
            """);
        cmd.Parameters.AddWithValue(accountId);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(CrmApi.TelegramId());
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return new { target_audience = new { contact_ids = new[] { contact }, bd_account_id = accountId } };
    }

    /// <summary>A startable outreach campaign: the section above and one step a day away (never due during a test).</summary>
    public static async Task<System.Text.Json.Nodes.JsonNode> CreateStartableOutreach(
        this HttpClient admin, string connectionString, Guid organizationId, Guid? contactId = null)
    {
        var campaign = await admin.CreateOutreach(await Section(admin, connectionString, organizationId, contactId));
        var template = await admin.CreateTemplate(campaign.Id());
        await admin.CreateStep(campaign.Id(), template.Id());
        return campaign;
    }
}
