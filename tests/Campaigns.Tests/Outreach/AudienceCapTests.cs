using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Outreach;

/// <summary>The audience cap holds however contacts are added: a CSV import past it is refused before anything is written.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AudienceCapTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_csv_import_past_the_audience_cap_is_refused_and_creates_no_contact()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        await TestDatabase.Execute("""
            INSERT INTO crm_contacts (id, organization_id, first_name, telegram_id, created_at, updated_at)
            SELECT gen_random_uuid(), $1, 'Seeded', 9000000000 + n, now(), now() FROM generate_series(1, $2) AS n
            """, org.Id, OutreachAudience.MaxContactIds);
        var contacts = new List<Guid>();
        await using (var db = Npgsql.NpgsqlDataSource.Create(fixture.Postgres.ConnectionString))
        await using (var read = db.CreateCommand("SELECT id FROM crm_contacts WHERE organization_id = $1"))
        {
            read.Parameters.AddWithValue(org.Id);
            await using var reader = await read.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                contacts.Add(reader.GetGuid(0));
            }
        }

        var id = Guid.CreateVersion7();
        Campaign.Ok(await fixture.Grains.GetGrain<ICampaignGrain>(id).Create(org.Id, Campaign.Draft(kind: CampaignKind.Outreach, budget: 0)));
        Campaign.Ok(await fixture.Grains.GetGrain<ICampaignGrain>(id).Update(org.Id, new CampaignChanges
        {
            Outreach = new OutreachBriefChanges { Audience = new OutreachAudienceChanges { ContactIds = contacts } },
        }));

        var refused = await fixture.Grains.GetGrain<ICampaignOutreachGrain>(id).ImportAudience(org.Id,
            [new AudienceRow(2, "One", null, null, null, 8_999_999_999, null, null)]);

        Assert.Equal(CommandOutcome.Invalid, refused.Outcome);
        Assert.Contains("100,000", Assert.Single(refused.Errors!["content"]), StringComparison.Ordinal);
        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM crm_contacts WHERE organization_id = $1 AND telegram_id = 8999999999", org.Id));
    }
}
