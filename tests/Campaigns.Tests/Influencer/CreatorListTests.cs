using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

/// <summary>GET /api/creators: search filters and keyset pagination ?limit=&amp;cursor= → {items, next_cursor}, newest first.</summary>
public sealed class CreatorListTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Pagination_visits_every_creator_once_newest_first()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await admin.CreateCreator()).Str("id"));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await admin.Get($"/api/creators?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ExpectJson(HttpStatusCode.OK);
            Assert.True(page.AsObject().ContainsKey("next_cursor"));
            seen.AddRange(page.Ids());
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(ids.Order(StringComparer.Ordinal).Reverse(), seen);
        var listed = (await admin.AllCreators()).First();
        Assert.True(JsonNode.DeepEquals(listed, await admin.GetCreator(listed.Id())), "A listed item equals the creator read by id.");
    }

    [Fact]
    public async Task Filters_match_a_creator_through_one_of_its_profiles()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var moscow = await admin.CreateCreator(new
        {
            name = "Masha Travels",
            profiles = new[]
            {
                CreatorApi.Profile("instagram", "masha_travels", 45_000, niches: ["travel", "food"], location: "Moscow, Russia"),
                CreatorApi.Profile("tiktok", "masha_tt", 900_000, niches: ["comedy"], location: "Moscow"),
            },
        });
        var berlin = await admin.CreateCreator(new
        {
            name = "Berlin Beats",
            profiles = new[] { CreatorApi.Profile("youtube", "beats_100%", 2_500_000, niches: ["music"], location: "Berlin, Germany") },
        });
        var tiny = await admin.CreateCreator(new { name = "Tiny", profiles = new[] { CreatorApi.Profile("instagram", "tiny_one", 800, niches: ["food"], location: null) } });

        async Task<List<string>> Names(string query) =>
            (await (await admin.Get($"/api/creators?{query}")).ExpectJson(HttpStatusCode.OK))["items"]!.AsArray().Select(i => i!.Str("name")).ToList();

        Assert.Equal(["Tiny", "Masha Travels"], await Names("platform=instagram"));
        Assert.Equal(["Masha Travels"], await Names("platform=TikTok"));
        Assert.Equal(["Tiny", "Masha Travels"], await Names("niche=food"));
        Assert.Equal(["Masha Travels"], await Names("niche=Comedy"));
        Assert.Equal(["Masha Travels"], await Names("location=moscow"));
        Assert.Equal(["Berlin Beats"], await Names("location=germany"));
        Assert.Equal(["Berlin Beats", "Masha Travels"], await Names("min_followers=100000"));
        Assert.Equal(["Tiny", "Masha Travels"], await Names("max_followers=50000"));
        Assert.Equal(["Masha Travels"], await Names("min_followers=10000&max_followers=50000"));
        Assert.Empty(await Names("platform=tiktok&niche=food"));
        Assert.Equal(["Masha Travels"], await Names("platform=instagram&niche=food&location=russia"));
        Assert.Equal(["Masha Travels"], await Names("q=masha"));
        Assert.Equal(["Masha Travels"], await Names("q=@masha_tt"));
        Assert.Equal(["Berlin Beats"], await Names("q=100%25"));
        Assert.Empty(await Names("q=100_"));
        Assert.Equal(3, (await Names("q=%20")).Count);
        Assert.NotNull(moscow);
        Assert.NotNull(berlin);
        Assert.NotNull(tiny);
    }

    [Fact]
    public async Task Pagination_keeps_the_filters()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var tiktokers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tiktokers.Add((await admin.CreateCreator(new { name = $"T{i}", profiles = new[] { CreatorApi.Profile("tiktok") } })).Str("id"));
            await admin.CreateCreator(new { name = $"I{i}", profiles = new[] { CreatorApi.Profile("instagram") } });
        }

        var first = await (await admin.Get("/api/creators?platform=tiktok&limit=2")).ExpectJson(HttpStatusCode.OK);
        var second = await (await admin.Get($"/api/creators?platform=tiktok&limit=2&cursor={first["next_cursor"]!.GetValue<string>()}")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(tiktokers.Order(StringComparer.Ordinal).Reverse(), first.Ids().Concat(second.Ids()));
        Assert.Null(second["next_cursor"]);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=nope", "cursor")]
    [InlineData("platform=myspace", "platform")]
    [InlineData("platform=", "platform")]
    [InlineData("min_followers=-1", "min_followers")]
    [InlineData("min_followers=lots", "min_followers")]
    [InlineData("max_followers=1.5", "max_followers")]
    [InlineData("min_followers=100&max_followers=10", "max_followers")]
    public async Task Invalid_query_parameters_answer_400_naming_them(string query, string field) =>
        await (await api.Admin.Get($"/api/creators?{query}")).ExpectValidationProblem(field);
}
