using Campaigns.Influencer;
using Campaigns.Storage;
using Campaigns.Tests.Infrastructure;
using Npgsql;

namespace Campaigns.Tests.Grains;

/// <summary>
/// <see cref="PostRepository"/>'s lookups for matching: stored posts by id, a detection's allocation, and a profile's
/// stored posts; each only within the organization asking.
/// </summary>
public sealed class PostLookupTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly MatchResult Matched = new(0.9, MatchVerdict.Matched,
        [new MatchedSignal(SignalKind.RequiredHashtag, "#brand", SignalSource.Caption)], [], null);

    private static readonly DateTimeOffset Day = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    private NpgsqlDataSource? source;
    private Guid org;
    private Guid otherOrg;

    private PostRepository Posts => new(source!, TimeProvider.System);

    public async ValueTask InitializeAsync()
    {
        source = NpgsqlDataSource.Create(postgres.ConnectionString);
        org = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
        otherOrg = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (source is not null)
        {
            await source.DisposeAsync();
        }
    }

    private static ScrapedPost Post(DateTimeOffset? publishedAt = null, long? likes = 10) =>
        new(SocialPlatform.Instagram, $"p-{Guid.NewGuid():N}", "https://instagram.com/p/x", "anna.cooks", null, "Lunch #brand",
            ["brand"], ["@shop"], ["https://shop.example/anna"], "image", ["https://cdn.example/1.jpg"],
            likes, 2, null, 400, 0.021, 900, null, publishedAt ?? Day, 12_000, """{"id":"x"}""");

    private async Task<Guid> Profile(Guid organization)
    {
        var creator = await new CreatorRepository(source!, TimeProvider.System).Insert(organization, Guid.CreateVersion7(),
            new CreatorDraft("Anna", null, true, [new SocialProfileDraft("instagram", $"anna{Guid.NewGuid():N}", 12_000)]));
        return creator!.Profiles[0].Id;
    }

    [Fact]
    public async Task Load_for_matching_returns_the_organizations_posts_in_the_order_asked_mapped_as_the_metrics_read_them()
    {
        var mine = await Posts.Upsert(org, null, [Post(), Post(likes: null)]);
        var theirs = await Posts.Upsert(otherOrg, null, [Post()]);

        var loaded = await Posts.LoadForMatching(org, [mine[1], theirs[0], Guid.NewGuid(), mine[0], mine[1]]);

        Assert.Equal([mine[1], mine[0]], loaded.Select(l => l.Id));
        Assert.Null(loaded[0].Post.Likes);
        var allocation = Guid.CreateVersion7();
        await Posts.RecordMatches(org, allocation, Guid.CreateVersion7(), [(mine[0], Matched)]);
        Assert.Equivalent(Assert.Single(await Posts.MatchedPostsForMetrics(allocation)), loaded[1].Post, strict: true);
        Assert.Empty(await Posts.LoadForMatching(org, []));
    }

    [Fact]
    public async Task Find_detection_names_its_allocation_and_campaign_within_the_organization_only()
    {
        var post = (await Posts.Upsert(org, null, [Post()]))[0];
        var (allocation, campaign) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await Posts.RecordMatches(org, allocation, campaign, [(post, Matched)]);
        var detection = Assert.Single((await Posts.ListForAllocation(org, allocation, null, 10)).Items).Id;

        Assert.Equal((allocation, campaign), await Posts.FindDetection(org, detection));
        Assert.Null(await Posts.FindDetection(otherOrg, detection));
        Assert.Null(await Posts.FindDetection(org, Guid.NewGuid()));
    }

    [Fact]
    public async Task Profile_post_ids_are_the_profiles_posts_since_the_date_newest_first()
    {
        var profile = await Profile(org);
        var ids = await Posts.Upsert(org, profile,
            [Post(Day.AddDays(-3)), Post(Day), Post(Day.AddDays(-1)), Post(Day.AddDays(-10))]);
        var undated = (await Posts.Upsert(org, profile, [Post() with { PostedAt = null }]))[0];
        await Posts.Upsert(org, await Profile(org), [Post(Day)]);
        await Posts.Upsert(org, null, [Post(Day)]);

        Assert.Equal([ids[1], ids[2], ids[0]], await Posts.ProfilePostIds(org, profile, Day.AddDays(-3)));
        Assert.Equal([ids[1], ids[2], ids[0], ids[3], undated], await Posts.ProfilePostIds(org, profile, since: null));
        Assert.Empty(await Posts.ProfilePostIds(otherOrg, profile, since: null));
        Assert.Empty(await Posts.ProfilePostIds(org, profile, Day.AddDays(1)));
    }

    [Fact]
    public async Task Profile_post_ids_stop_at_the_limit_keeping_the_newest()
    {
        var profile = await Profile(org);
        var posts = Enumerable.Range(0, PostRepository.ProfilePostLimit + 1).Select(i => Post(Day.AddMinutes(-i))).ToList();
        var ids = await Posts.Upsert(org, profile, posts);

        var listed = await Posts.ProfilePostIds(org, profile, since: null);

        Assert.Equal(ids.Take(PostRepository.ProfilePostLimit), listed);
    }
}
