using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Campaigns;

/// <summary>GET /api/campaigns: filters status, kind, q and keyset pagination ?limit=&amp;cursor= → {items, next_cursor}, newest first.</summary>
public sealed class CampaignListTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private async Task<(HttpClient Admin, List<string> Ids)> OrganizationWith(int count)
    {
        var (_, admin) = await api.NewOrganization();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await admin.CreateCampaign(new { name = $"Item {i}", kind = "ads", budget = i })).Str("id"));
        }

        return (admin, ids);
    }

    private static async Task<List<JsonNode>> WalkPages(HttpClient client, string query, int limit, int expectedPages)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await client.Get($"/api/campaigns?limit={limit}{query}{(cursor is null ? "" : $"&cursor={cursor}")}"))
                .ExpectJson(HttpStatusCode.OK);
            var pageItems = page["items"]!.AsArray();
            Assert.InRange(pageItems.Count, 1, limit);
            items.AddRange(pageItems.Select(i => i!));
            Assert.True(page.AsObject().ContainsKey("next_cursor"), "next_cursor is always present");
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(expectedPages, pages);
        return items;
    }

    [Fact]
    public async Task Empty_organization_lists_no_items_and_no_cursor()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;

        var page = await (await admin.Get("/api/campaigns")).ExpectJson(HttpStatusCode.OK);

        Assert.Empty(page["items"]!.AsArray());
        Assert.True(page.AsObject().ContainsKey("next_cursor"));
        Assert.Null(page["next_cursor"]);
    }

    [Fact]
    public async Task List_items_are_the_full_campaigns_newest_first()
    {
        var (admin, ids) = await OrganizationWith(3);
        using var _ = admin;

        var page = await (await admin.Get("/api/campaigns")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(ids.Order(StringComparer.Ordinal).Reverse(), page.Ids());
        Assert.Null(page["next_cursor"]);
        foreach (var item in page["items"]!.AsArray())
        {
            Assert.True(JsonNode.DeepEquals(item, await admin.GetCampaign(item!.Id())), "A listed item equals the campaign read by id.");
        }
    }

    [Fact]
    public async Task Keyset_pagination_visits_every_campaign_exactly_once()
    {
        var (admin, ids) = await OrganizationWith(5);
        using var _ = admin;

        var items = await WalkPages(admin, "", limit: 2, expectedPages: 3);

        var seen = items.Select(i => i.Str("id")).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal).Reverse(), seen);
    }

    [Fact]
    public async Task Last_page_that_is_exactly_full_has_no_cursor()
    {
        var (admin, _) = await OrganizationWith(4);
        using var _ = admin;

        var items = await WalkPages(admin, "", limit: 2, expectedPages: 2);

        Assert.Equal(4, items.Count);
    }

    [Fact]
    public async Task Campaigns_created_while_paging_do_not_shift_later_pages()
    {
        var (admin, ids) = await OrganizationWith(4);
        using var _ = admin;
        var first = await (await admin.Get("/api/campaigns?limit=2")).ExpectJson(HttpStatusCode.OK);
        var cursor = first["next_cursor"]!.GetValue<string>();

        await admin.CreateCampaign();
        await admin.CreateCampaign();
        var second = await (await admin.Get($"/api/campaigns?limit=2&cursor={cursor}")).ExpectJson(HttpStatusCode.OK);

        var expected = ids.Order(StringComparer.Ordinal).Reverse().ToList();
        Assert.Equal(expected.Take(2), first.Ids());
        Assert.Equal(expected.Skip(2), second.Ids());
        Assert.Null(second["next_cursor"]);
    }

    [Fact]
    public async Task Deleted_campaign_leaves_the_cursor_usable()
    {
        var (admin, ids) = await OrganizationWith(4);
        using var _ = admin;
        var first = await (await admin.Get("/api/campaigns?limit=2")).ExpectJson(HttpStatusCode.OK);
        var lastSeen = first.Ids()[^1];

        await (await admin.Delete($"/api/campaigns/{lastSeen}")).Expect(HttpStatusCode.NoContent);
        var second = await (await admin.Get($"/api/campaigns?limit=2&cursor={first["next_cursor"]!.GetValue<string>()}")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(ids.Order(StringComparer.Ordinal).Reverse().Skip(2), second.Ids());
    }

    [Fact]
    public async Task Filters_by_status_kind_and_text()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var summer = await admin.CreateCampaign(new { name = "Summer Sale", kind = "marketing", budget = 1 });
        var winter = await admin.CreateCampaign(new { name = "Winter", kind = "ads", budget = 1, description = "Holiday SALE banners" });
        var creators = await admin.CreateCampaign(new { name = "Creators", kind = "influencer", budget = 1 });
        await admin.CreateCreator(); // launching an influencer campaign allocates it to a creator
        await admin.Walk(winter.Id(), "launch");
        await admin.Walk(creators.Id(), "launch", "pause");

        async Task<List<string>> Ids(string query) => (await (await admin.Get($"/api/campaigns?{query}")).ExpectJson(HttpStatusCode.OK)).Ids();

        Assert.Equal(new[] { summer.Str("id") }, await Ids("status=draft"));
        Assert.Equal(new[] { winter.Str("id") }, await Ids("status=active"));
        Assert.Equal(new[] { creators.Str("id") }, await Ids("status=paused"));
        Assert.Empty(await Ids("status=completed"));
        Assert.Equal(new[] { creators.Str("id") }, await Ids("kind=influencer"));
        Assert.Empty(await Ids("kind=outreach"));
        Assert.Equal(new[] { winter.Str("id"), summer.Str("id") }, await Ids("q=sale"));
        Assert.Equal(new[] { summer.Str("id") }, await Ids("q=summer%20SALE"));
        Assert.Equal(new[] { winter.Str("id") }, await Ids("q=sale&status=active"));
        Assert.Equal(new[] { winter.Str("id") }, await Ids("q=sale&kind=ads&status=active"));
        Assert.Empty(await Ids("q=sale&kind=influencer"));
        Assert.Equal(3, (await Ids("q=%20%20")).Count);
        Assert.Equal(new[] { summer.Str("id") }, await Ids("status=DRAFT"));
    }

    [Fact]
    public async Task Text_search_treats_wildcards_literally()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var percent = await admin.CreateCampaign(new { name = "100% off", kind = "ads", budget = 1 });
        await admin.CreateCampaign(new { name = "100 dollars off", kind = "ads", budget = 1 });
        var underscore = await admin.CreateCampaign(new { name = "snake_case", kind = "ads", budget = 1 });
        await admin.CreateCampaign(new { name = "snakeXcase", kind = "ads", budget = 1 });

        var byPercent = await (await admin.Get("/api/campaigns?q=100%25")).ExpectJson(HttpStatusCode.OK);
        var byUnderscore = await (await admin.Get("/api/campaigns?q=e_c")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(new[] { percent.Str("id") }, byPercent.Ids());
        Assert.Equal(new[] { underscore.Str("id") }, byUnderscore.Ids());
    }

    [Fact]
    public async Task Pagination_keeps_the_filters()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var ads = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ads.Add((await admin.CreateCampaign(new { name = $"Ad {i}", kind = "ads", budget = 1 })).Str("id"));
            await admin.CreateCampaign(new { name = $"Other {i}", kind = "outreach", budget = 1 });
        }

        var items = await WalkPages(admin, "&kind=ads", limit: 2, expectedPages: 3);

        Assert.Equal(ads.Order(StringComparer.Ordinal).Reverse(), items.Select(i => i.Str("id")));
        Assert.All(items, i => Assert.Equal("ads", i.Str("kind")));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("status=running", "status")]
    [InlineData("status=1", "status")]
    [InlineData("status=draft,active", "status")]
    [InlineData("status=scheduled,active", "status")]
    [InlineData("status=%201", "status")]
    [InlineData("kind=billboard", "kind")]
    [InlineData("kind=influencer,outreach", "kind")]
    public async Task Invalid_query_parameters_answer_400_naming_them(string query, string field)
    {
        await (await api.Admin.Get($"/api/campaigns?{query}")).ExpectValidationProblem(field);
    }

    [Fact]
    public async Task Limit_of_200_is_accepted()
    {
        var page = await (await api.Admin.Get("/api/campaigns?limit=200")).ExpectJson(HttpStatusCode.OK);

        Assert.NotNull(page["items"]);
    }
}
