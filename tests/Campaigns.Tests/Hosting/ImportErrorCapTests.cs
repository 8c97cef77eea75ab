using System.Net;
using System.Text;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Outreach;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Hosting;

/// <summary>Import answers list at most 100 row errors and say how many there were (a large bad file stays a small answer).</summary>
public sealed class ImportErrorCapTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task A_creator_import_with_150_bad_rows_lists_100_and_counts_150()
    {
        var (_, admin) = await api.NewOrganization();
        var csv = new StringBuilder("platform,username,followers_declared\n");
        for (var i = 0; i < 150; i++)
        {
            csv.Append($"instagram,cap_test_{i},not-a-number\n");
        }

        var problem = await (await admin.SendRaw(HttpMethod.Post, "/api/creators/import", csv.ToString(), "text/csv")).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(100, problem["errors"]!.AsObject().Count);
        Assert.Equal(150, problem["error_count"]!.GetValue<int>());
        Assert.NotNull(problem["errors"]!["rows[2].followers_declared"]);
        Assert.Null(problem["errors"]!["rows[151].followers_declared"]);
    }

    [Fact]
    public async Task An_audience_import_with_150_bad_rows_lists_100_and_counts_150()
    {
        var (_, admin) = await api.NewOrganization();
        var campaign = await admin.CreateOutreach();
        var csv = new StringBuilder("first_name;telegram_id\nGood;" + CrmApi.TelegramId() + "\n");
        for (var i = 0; i < 150; i++)
        {
            csv.Append($"Bad {i};not-an-id\n");
        }

        var answer = await (await admin.Post($"/api/campaigns/{campaign.Id()}/audience/from-csv", new { content = csv.ToString(), has_header = true }))
            .ExpectJson(HttpStatusCode.OK);

        Assert.Single(answer["contact_ids"]!.AsArray());
        Assert.Equal(100, answer["errors"]!.AsArray().Count);
        Assert.Equal(150, answer["error_count"]!.GetValue<int>());
        Assert.Equal(3, answer["errors"]![0]!["row"]!.GetValue<int>());
    }
}
