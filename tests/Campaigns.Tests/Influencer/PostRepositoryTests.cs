using System.Diagnostics;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Npgsql;

namespace Campaigns.Tests.Influencer;

/// <summary><see cref="PostRepository"/> against the real PostgreSQL: scrapes stored once, decisions kept, tenants apart.</summary>
public sealed class PostRepositoryTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly MatchResult Matched = new(0.85, MatchVerdict.Matched,
        [new MatchedSignal(SignalKind.RequiredHashtag, "#brand", SignalSource.Caption)], [], null);
    private static readonly MatchResult NoSignals = new(0, MatchVerdict.NoSignals, [], ["#brand"],
        "None of the campaign's hashtags, mentions or tracking link appear in the post.");

    private NpgsqlDataSource? source;
    private PostRepository? repository;
    private TestOrganization? organization;

    private PostRepository Posts => repository ?? throw new InvalidOperationException("Not initialized.");
    private Guid Org => organization?.Id ?? throw new InvalidOperationException("Not initialized.");
    private Guid User => organization?.AdminUserId ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        source = NpgsqlDataSource.Create(postgres.ConnectionString);
        repository = new PostRepository(source, TimeProvider.System);
        organization = await TestOrganizations.Create(postgres.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (source is not null)
        {
            await source.DisposeAsync();
        }
    }

    private static ScrapedPost Post(string id, long? likes = null, long? comments = null, long? shares = null, long? reach = null,
        double? rate = null, string? caption = null) =>
        new(SocialPlatform.Instagram, id, $"https://instagram.com/p/{id}", "anna.cooks", null, caption, ["brand"], [], [], "image", [],
            likes, comments, shares, null, rate, reach, null, new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero), null,
            $$"""{"id":"{{id}}"}""");

    private static string NewPostId() => $"p-{Guid.NewGuid():N}";

    private async Task<AllocationPost> Listed(Guid allocation, Guid postId) =>
        (await Posts.ListForAllocation(Org, allocation, null, 100)).Items.Single(item => item.PostId == postId);

    [Fact]
    public async Task Upserting_a_post_again_refreshes_its_metrics_and_caption_without_a_duplicate()
    {
        var platformId = NewPostId();
        var first = await Posts.Upsert(Org, null, [Post(platformId, likes: 10, comments: 2, reach: 100, rate: 0.01, caption: "old")]);
        var second = await Posts.Upsert(Org, null, [Post(platformId, likes: 25, comments: 4, reach: 300, rate: 0.03, caption: "new #brand")]);
        var allocation = Guid.CreateVersion7();
        await Posts.RecordMatches(Org, allocation, Guid.CreateVersion7(), [(second[0], Matched)]);

        Assert.Equal(first, second);
        var listed = Assert.Single((await Posts.ListForAllocation(Org, allocation, null, 100)).Items);
        Assert.Equal((25L, 4L, 300L, 0.03, "new #brand"), (listed.Post.Likes, listed.Post.Comments, listed.Post.Reach, listed.Post.EngagementRate, listed.Post.Text));
        Assert.True(listed.LastScrapedAt >= listed.FirstSeenAt);
    }

    [Fact]
    public async Task Tags_with_quotes_backslashes_commas_and_braces_are_stored_exactly()
    {
        // The multi-row upsert carries each post's tags as an array literal: every character that literal syntax gives
        // a meaning to must come back as it went in.
        string[] hashtags = ["plain", "with \"quote\"", "back\\slash", "a,b", "{brace}", "NULL", " spaced ", "日本語", ""];
        var platformId = NewPostId();
        var post = Post(platformId) with { Hashtags = hashtags, Mentions = ["x\\\"y"], Links = [], MediaUrls = ["https://cdn.example/a?b=c,d"] };

        var ids = await Posts.Upsert(Org, null, [post]);
        var allocation = Guid.CreateVersion7();
        await Posts.RecordMatches(Org, allocation, Guid.CreateVersion7(), [(ids[0], Matched)]);

        var stored = (await Listed(allocation, ids[0])).Post;
        Assert.Equal(hashtags, stored.Hashtags);
        Assert.Equal(["x\\\"y"], stored.Mentions);
        Assert.Empty(stored.Links);
        Assert.Equal(["https://cdn.example/a?b=c,d"], stored.MediaUrls);
    }

    [Fact]
    public async Task A_scrape_that_repeats_a_post_stores_it_once_with_its_last_occurrence()
    {
        var repeated = NewPostId();
        var other = NewPostId();

        var ids = await Posts.Upsert(Org, null, [Post(repeated, likes: 1), Post(other, likes: 7), Post(repeated, likes: 2)]);

        Assert.Equal(ids[0], ids[2]);
        Assert.NotEqual(ids[0], ids[1]);
        var allocation = Guid.CreateVersion7();
        await Posts.RecordMatches(Org, allocation, Guid.CreateVersion7(), [(ids[0], Matched), (ids[1], Matched)]);
        Assert.Equal(2L, (await Listed(allocation, ids[0])).Post.Likes);
        Assert.Equal(7L, (await Listed(allocation, ids[1])).Post.Likes);
    }

    [Fact]
    public async Task A_rescrape_with_the_same_verdict_leaves_the_row_unwritten_and_a_new_verdict_rewrites_it()
    {
        var ids = await Posts.Upsert(Org, null, [Post(NewPostId())]);
        var allocation = Guid.CreateVersion7();
        var campaign = Guid.CreateVersion7();
        await Posts.RecordMatches(Org, allocation, campaign, [(ids[0], Matched)]);
        var first = await RowVersion(allocation, ids[0]);

        await Posts.RecordMatches(Org, allocation, campaign, [(ids[0], Matched)]);
        Assert.Equal(first, await RowVersion(allocation, ids[0]));

        await Posts.RecordMatches(Org, allocation, campaign, [(ids[0], NoSignals)]);
        var rewritten = await RowVersion(allocation, ids[0]);
        Assert.NotEqual(first.Xmin, rewritten.Xmin);
        Assert.Equal(MatchVerdict.NoSignals, (await Listed(allocation, ids[0])).Verdict);
    }

    private async Task<(uint Xmin, DateTimeOffset UpdatedAt)> RowVersion(Guid allocation, Guid postId)
    {
        await using var cmd = source!.CreateCommand("SELECT xmin, updated_at FROM campaign_posts WHERE allocation_id = $1 AND post_id = $2");
        cmd.Parameters.AddWithValue(allocation);
        cmd.Parameters.AddWithValue(postId);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return (r.GetFieldValue<uint>(0), r.GetFieldValue<DateTimeOffset>(1));
    }

    [Fact]
    public async Task A_two_thousand_post_scrape_is_stored_in_one_batch_with_one_id_per_post()
    {
        var scrape = Enumerable.Range(0, 2_000).Select(i => Post(NewPostId(), likes: i, comments: 1, reach: 10 * i)).ToList();

        var watch = Stopwatch.StartNew();
        var inserted = await Posts.Upsert(Org, null, scrape);
        var insertTime = watch.Elapsed;
        watch.Restart();
        var refreshed = await Posts.Upsert(Org, null, scrape.Select(post => post with { Likes = post.Likes + 1 }).Reverse().ToList());
        var refreshTime = watch.Elapsed;
        output.WriteLine($"2,000 posts: insert {insertTime.TotalMilliseconds:0} ms, refresh {refreshTime.TotalMilliseconds:0} ms");

        Assert.Equal(2_000, inserted.Distinct().Count());
        Assert.Equal(inserted.Reverse(), refreshed);
        var allocation = Guid.CreateVersion7();
        await Posts.RecordMatches(Org, allocation, Guid.CreateVersion7(), inserted.Select(id => (id, Matched)));
        var counted = await Posts.MatchedPostsForMetrics(allocation);
        Assert.Equal(2_000, counted.Count);
        Assert.Equal(Enumerable.Range(1, 2_000).Sum(i => (long)i), counted.Sum(post => post.Likes));
    }

    [Fact]
    public async Task A_post_listed_twice_in_one_scrape_is_stored_once_with_its_last_figures()
    {
        var platformId = NewPostId();

        var ids = await Posts.Upsert(Org, null, [Post(platformId, likes: 1), Post(NewPostId()), Post(platformId, likes: 2)]);

        Assert.Equal(ids[0], ids[2]);
        var allocation = Guid.CreateVersion7();
        var counted = await Posts.RecordMatches(Org, allocation, Guid.CreateVersion7(), [(ids[0], Matched), (ids[2], Matched)]);
        Assert.Equal([2L], counted.Select(post => post.Likes));
        Assert.Equal([2L], (await Posts.MatchedPostsForMetrics(allocation)).Select(post => post.Likes));
    }

    [Fact]
    public async Task Concurrent_scrapes_of_the_same_posts_in_opposite_orders_both_succeed()
    {
        var scrape = Enumerable.Range(0, 200).Select(i => Post(NewPostId(), likes: i)).ToList();
        await Posts.Upsert(Org, null, scrape);

        var results = await Task.WhenAll(
            Posts.Upsert(Org, null, scrape),
            Posts.Upsert(Org, null, scrape.AsEnumerable().Reverse().ToList()));

        Assert.Equal(results[0], results[1].Reverse());
    }

    [Fact]
    public async Task A_decision_a_person_made_survives_automatic_rematching()
    {
        var ids = await Posts.Upsert(Org, null, [Post(NewPostId(), likes: 10), Post(NewPostId(), likes: 20)]);
        var (missed, wronglyMatched) = (ids[0], ids[1]);
        var allocation = Guid.CreateVersion7();
        var campaign = Guid.CreateVersion7();
        await Posts.RecordMatches(Org, allocation, campaign, [(missed, NoSignals), (wronglyMatched, Matched)]);
        Assert.True(await Posts.Decide(Org, (await Listed(allocation, missed)).Id, PostDecision.Confirmed, User));
        Assert.True(await Posts.Decide(Org, (await Listed(allocation, wronglyMatched)).Id, PostDecision.Rejected, User));

        await Posts.RecordMatches(Org, allocation, campaign, [(missed, NoSignals), (wronglyMatched, Matched with { Confidence = 1 })]);

        var confirmed = await Listed(allocation, missed);
        var rejected = await Listed(allocation, wronglyMatched);
        Assert.Equal((PostDecision.Confirmed, User, false, true), (confirmed.Decision, confirmed.DecidedBy, confirmed.AutoMatched, confirmed.Counts));
        Assert.Equal((PostDecision.Rejected, User, 1.0, false), (rejected.Decision, rejected.DecidedBy, rejected.Confidence, rejected.Counts));
        Assert.NotNull(rejected.DecidedAt);
        Assert.Equal([10L], (await Posts.MatchedPostsForMetrics(allocation)).Select(post => post.Likes));
    }

    [Fact]
    public async Task Rejected_posts_are_left_out_of_allocation_metrics_and_pending_hands_the_call_back_to_matching()
    {
        var ids = await Posts.Upsert(Org, null,
            [Post(NewPostId(), likes: 100, comments: 10, reach: 1_000, rate: 0.05), Post(NewPostId(), likes: 7, comments: 3, reach: 50, rate: 0.01)]);
        var allocation = Guid.CreateVersion7();
        await Posts.RecordMatches(Org, allocation, Guid.CreateVersion7(), ids.Select(id => (id, Matched)));
        var detection = (await Listed(allocation, ids[0])).Id;

        await Posts.Decide(Org, detection, PostDecision.Rejected, User);
        var withoutRejected = AllocationMetricsCalculator.Compute(await Posts.MatchedPostsForMetrics(allocation), DateTimeOffset.UtcNow);
        await Posts.Decide(Org, detection, PostDecision.Pending, User);
        var backToMatching = AllocationMetricsCalculator.Compute(await Posts.MatchedPostsForMetrics(allocation), DateTimeOffset.UtcNow);

        Assert.Equal((1, 50L, 10L), (withoutRejected.PostsCount, withoutRejected.Reach, withoutRejected.Engagement));
        Assert.Equal((2, 1_050L, 120L), (backToMatching.PostsCount, backToMatching.Reach, backToMatching.Engagement));
        Assert.Null((await Listed(allocation, ids[0])).DecidedBy);
    }

    [Fact]
    public async Task A_person_can_add_a_post_matching_never_recorded()
    {
        var ids = await Posts.Upsert(Org, null, [Post(NewPostId(), likes: 5)]);
        var allocation = Guid.CreateVersion7();

        var detection = await Posts.AddManually(Org, allocation, Guid.CreateVersion7(), ids[0], User);

        var listed = await Listed(allocation, ids[0]);
        Assert.Equal((detection, PostDetection.Manual, PostDecision.Confirmed, (MatchVerdict?)null), (listed.Id, listed.Detection, listed.Decision, listed.Verdict));
        Assert.Equal([5L], (await Posts.MatchedPostsForMetrics(allocation)).Select(post => post.Likes));
    }

    [Fact]
    public async Task Two_organizations_tracking_the_same_post_never_see_or_overwrite_each_other()
    {
        var other = await TestOrganizations.Create(postgres.ConnectionString);
        var platformId = NewPostId();
        var ours = await Posts.Upsert(Org, null, [Post(platformId, likes: 10, caption: "ours")]);
        var theirs = await Posts.Upsert(other.Id, null, [Post(platformId, likes: 999, caption: "theirs")]);
        var allocation = Guid.CreateVersion7();
        var campaign = Guid.CreateVersion7();
        await Posts.RecordMatches(Org, allocation, campaign, [(ours[0], Matched), (theirs[0], Matched)]);

        Assert.NotEqual(ours, theirs);
        var listed = Assert.Single((await Posts.ListForAllocation(Org, allocation, null, 100)).Items);
        Assert.Equal((10L, "ours"), (listed.Post.Likes, listed.Post.Text));
        Assert.Empty((await Posts.ListForAllocation(other.Id, allocation, null, 100)).Items);
        Assert.False(await Posts.Decide(other.Id, listed.Id, PostDecision.Rejected, other.AdminUserId));
        Assert.Null(await Posts.AddManually(other.Id, allocation, campaign, ours[0], other.AdminUserId));
        Assert.Null(await Posts.AddManually(Org, allocation, campaign, theirs[0], User));
        Assert.Equal([10L], (await Posts.MatchedPostsForMetrics(allocation)).Select(post => post.Likes));
    }

    [Fact]
    public async Task Unreported_metrics_stay_null_and_a_later_scrape_that_omits_them_keeps_the_last_known_figure()
    {
        var platformId = NewPostId();
        var ids = await Posts.Upsert(Org, null, [Post(platformId)]);
        var allocation = Guid.CreateVersion7();
        await Posts.RecordMatches(Org, allocation, Guid.CreateVersion7(), [(ids[0], Matched)]);
        var unreported = (await Listed(allocation, ids[0])).Post;

        await Posts.Upsert(Org, null, [Post(platformId, likes: 40)]);
        await Posts.Upsert(Org, null, [Post(platformId)]);
        var afterOmission = (await Listed(allocation, ids[0])).Post;

        Assert.Equal(((long?)null, (long?)null, (long?)null, (long?)null, (double?)null),
            (unreported.Likes, unreported.Comments, unreported.Shares, unreported.Reach, unreported.EngagementRate));
        Assert.Equal(((long?)40, (long?)null, (long?)null), (afterOmission.Likes, afterOmission.Shares, afterOmission.Reach));
        var metrics = AllocationMetricsCalculator.Compute(await Posts.MatchedPostsForMetrics(allocation), DateTimeOffset.UtcNow);
        Assert.Equal((0L, 40L, 1), (metrics.Reach, metrics.Engagement, metrics.PostsCount));
    }

    [Fact]
    public async Task An_allocations_posts_are_listed_newest_detection_first_in_keyset_pages()
    {
        var ids = await Posts.Upsert(Org, null, Enumerable.Range(0, 5).Select(_ => Post(NewPostId())).ToList());
        var allocation = Guid.CreateVersion7();
        await Posts.RecordMatches(Org, allocation, Guid.CreateVersion7(), ids.Select(id => (id, Matched)));
        await Posts.RecordMatches(Org, Guid.CreateVersion7(), Guid.CreateVersion7(), ids.Select(id => (id, Matched)));

        var first = await Posts.ListForAllocation(Org, allocation, null, 3);
        var second = await Posts.ListForAllocation(Org, allocation, first.NextCursor, 3);

        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal((3, 2), (first.Items.Count, second.Items.Count));
        Assert.Null(second.NextCursor);
        Assert.Equal(all.Select(item => item.Id).OrderDescending(), all.Select(item => item.Id));
        Assert.Equal(ids.Order(), all.Select(item => item.PostId).Order());
        Assert.Equal(["#brand"], all[0].Signals.Select(signal => signal.Value));
    }
}
