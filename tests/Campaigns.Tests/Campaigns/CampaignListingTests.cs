using Campaigns.Campaigns;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Campaigns;

/// <summary>The listing projection through <see cref="ICampaignCatalogGrain"/>; each test has its own organization.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CampaignListingTests(ClusterFixture fixture)
{
    private ICampaignCatalogGrain Catalog => fixture.Grains.GetGrain<ICampaignCatalogGrain>(0);

    private async Task<Guid> Create(Guid org, string name, CampaignKind kind = CampaignKind.Marketing, string? description = null, CampaignTransition? then = null)
    {
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(Guid.CreateVersion7());
        Campaign.Ok(await grain.Create(org, Campaign.Draft(name, kind, description: description)));
        if (then is { } transition)
        {
            Campaign.Ok(await grain.Transition(org, new CampaignTransitionRequest(transition)));
        }

        return grain.GetPrimaryKey();
    }

    private static CampaignQuery Query(CampaignStatus? status = null, CampaignKind? kind = null, string? text = null, int limit = 50, Guid? after = null) =>
        new(status, kind, text, limit, after);

    /// <summary>PostgreSQL orders uuids bytewise, which is the order of their canonical text.</summary>
    private static List<Guid> NewestFirst(IEnumerable<Guid> ids) => ids.OrderByDescending(i => i.ToString(), StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Keyset_pagination_walks_every_campaign_once_newest_first()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await Create(org.Id, $"Campaign {i}"));
        }

        var seen = new List<Guid>();
        var pages = 0;
        Guid? cursor = null;
        do
        {
            var page = await Catalog.List(org.Id, Query(limit: 3, after: cursor));
            pages++;
            Assert.True(page.Items.Count is > 0 and <= 3);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
            if (cursor is { } c)
            {
                Assert.Equal(page.Items[^1].Id, c);
            }
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(NewestFirst(ids), seen);
    }

    [Fact]
    public async Task Exactly_full_last_page_has_no_next_cursor()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        for (var i = 0; i < 4; i++)
        {
            await Create(org.Id, $"Campaign {i}");
        }

        var first = await Catalog.List(org.Id, Query(limit: 2));
        Assert.NotNull(first.NextCursor);
        var second = await Catalog.List(org.Id, Query(limit: 2, after: first.NextCursor));
        Assert.Equal(2, second.Items.Count);
        Assert.Null(second.NextCursor);

        var empty = await Catalog.List(org.Id, Query(limit: 2, after: second.Items[^1].Id));
        Assert.Empty(empty.Items);
        Assert.Null(empty.NextCursor);
    }

    [Fact]
    public async Task Status_and_kind_filters_combine()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var draftAds = await Create(org.Id, "Draft ads", CampaignKind.Ads);
        var activeAds = await Create(org.Id, "Active ads", CampaignKind.Ads, then: CampaignTransition.Launch);
        // An outreach campaign only starts with steps, an account and an audience (see the outreach tests): a marketing one here.
        var activeMarketing = await Create(org.Id, "Active marketing", CampaignKind.Marketing, then: CampaignTransition.Launch);
        var draftOutreach = await Create(org.Id, "Draft outreach", CampaignKind.Outreach);
        var cancelled = await Create(org.Id, "Cancelled influencer", CampaignKind.Influencer, then: CampaignTransition.Cancel);

        Assert.Equal(NewestFirst([activeAds, activeMarketing]), Ids(await Catalog.List(org.Id, Query(status: CampaignStatus.Active))));
        Assert.Equal(NewestFirst([draftAds, activeAds]), Ids(await Catalog.List(org.Id, Query(kind: CampaignKind.Ads))));
        Assert.Equal([activeAds], Ids(await Catalog.List(org.Id, Query(status: CampaignStatus.Active, kind: CampaignKind.Ads))));
        Assert.Equal([cancelled], Ids(await Catalog.List(org.Id, Query(status: CampaignStatus.Cancelled))));
        Assert.Empty((await Catalog.List(org.Id, Query(status: CampaignStatus.Paused))).Items);
        Assert.Equal([draftOutreach], Ids(await Catalog.List(org.Id, Query(status: CampaignStatus.Draft, kind: CampaignKind.Outreach))));
        Assert.Empty((await Catalog.List(org.Id, Query(status: CampaignStatus.Active, kind: CampaignKind.Outreach))).Items);

        var listed = Assert.Single((await Catalog.List(org.Id, Query(status: CampaignStatus.Active, kind: CampaignKind.Marketing))).Items);
        Assert.Equal("Active marketing", listed.Name);
        Assert.Equal(CampaignStatus.Active, listed.Status);
        Assert.NotNull(listed.StartedAt);
    }

    [Fact]
    public async Task Text_search_treats_percent_underscore_and_backslash_literally()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var fiftyPercent = await Create(org.Id, "50% off spring");
        var fiveHundred = await Create(org.Id, "500 off spring");
        var underscore = await Create(org.Id, "promo_code drive");
        var noUnderscore = await Create(org.Id, "promoXcode drive");
        var backslash = await Create(org.Id, @"path\to\win");
        var inDescription = await Create(org.Id, "Plain name", description: "Mentions SECRET sauce");

        Assert.Equal([fiftyPercent], Ids(await Catalog.List(org.Id, Query(text: "50%"))));
        Assert.Equal([underscore], Ids(await Catalog.List(org.Id, Query(text: "promo_code"))));
        Assert.Equal([backslash], Ids(await Catalog.List(org.Id, Query(text: @"h\t"))));
        Assert.Equal([inDescription], Ids(await Catalog.List(org.Id, Query(text: "secret"))));
        Assert.Equal(NewestFirst([fiftyPercent, fiveHundred]), Ids(await Catalog.List(org.Id, Query(text: "  OFF SPRING  "))));
        Assert.Equal(NewestFirst([underscore, noUnderscore]), Ids(await Catalog.List(org.Id, Query(text: "drive"))));
        Assert.Equal([fiftyPercent], Ids(await Catalog.List(org.Id, Query(text: "%"))));
        Assert.Equal([underscore], Ids(await Catalog.List(org.Id, Query(text: "_"))));
        Assert.Equal(6, (await Catalog.List(org.Id, Query(text: "  "))).Items.Count);
    }

    [Fact]
    public async Task Filters_and_pagination_compose()
    {
        var org = await TestOrganizations.Create(fixture.Postgres.ConnectionString);
        var active = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            active.Add(await Create(org.Id, $"Live {i}", then: CampaignTransition.Launch));
            await Create(org.Id, $"Idle {i}");
        }

        var first = await Catalog.List(org.Id, Query(status: CampaignStatus.Active, limit: 3));
        var second = await Catalog.List(org.Id, Query(status: CampaignStatus.Active, limit: 3, after: first.NextCursor));

        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
        Assert.Equal(NewestFirst(active), Ids(first).Concat(Ids(second)).ToList());
    }

    private static List<Guid> Ids(CampaignPage page) => page.Items.Select(c => c.Id).ToList();
}
