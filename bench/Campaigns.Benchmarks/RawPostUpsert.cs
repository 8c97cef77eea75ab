using System.Diagnostics;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Benchmarks;

/// <summary>How the raw baseline writes a creator's posts.</summary>
public enum RawUpsertForm
{
    /// <summary>One single-row upsert per post, the creator's posts in one <see cref="NpgsqlBatch"/>, unprepared.</summary>
    Batched,

    /// <summary>The same batch, prepared (parsed and planned once per connection).</summary>
    BatchedPrepared,

    /// <summary>The product's own statement (<see cref="PostUpsertBatch"/>): one multi-row upsert per creator, prepared as the product prepares it.</summary>
    ProductStatement,
}

/// <summary>Posts per second of the raw baseline, and the CPU it used.</summary>
public sealed record RawUpsertResult(int Concurrency, RawUpsertForm Form, long Posts, TimeSpan Elapsed, CpuUse Cpu)
{
    public double PostsPerSecond => Posts / Elapsed.TotalSeconds;
}

/// <summary>
/// The influencer scenario's baseline: the same posts, already mapped, upserted with plain Npgsql (the same columns and
/// ON CONFLICT rule as the product, RETURNING id), by <c>concurrency</c> connections, into an organization of its own.
/// No queue, no HTTP, no JSON: what the database alone allows. The yardstick is the batched single-row form
/// (<see cref="RawUpsertForm.Batched"/>, <see cref="RawUpsertForm.BatchedPrepared"/>: how the product stored a scrape
/// until it moved to one multi-row statement); <see cref="RawUpsertForm.ProductStatement"/> is that statement alone.
/// </summary>
public static class RawPostUpsert
{
    /// <summary>The single-row upsert of one post; the product's multi-row statement sets the same columns the same way.</summary>
    private const string UpsertPost = $"""
        INSERT INTO posts (id, organization_id, creator_profile_id, platform, platform_post_id, url, author_username,
            title, caption, hashtags, mentions, links, content_type, media_urls, published_at,
            likes, comments, shares, views, reach, impressions, engagement_rate, followers_at_scrape, raw,
            first_seen_at, last_scraped_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
            $24::jsonb, $25, $25)
        {PostUpsertBatch.OnConflict}
        RETURNING id
        """;

    /// <summary>Upserts every creator's posts (one batch per creator) with <paramref name="concurrency"/> connections.</summary>
    public static async Task<RawUpsertResult> Run(
        NpgsqlDataSource db, Guid organizationId, IReadOnlyList<(Guid ProfileId, IReadOnlyList<ScrapedPost> Posts)> scrapes,
        int concurrency, RawUpsertForm form, CpuMeter meter, CancellationToken cancellationToken)
    {
        await Checkpoint.Now(db, cancellationToken);
        var next = -1;
        long posts = 0;
        var start = meter.Take();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < scrapes.Count)
            {
                var (profileId, batchPosts) = scrapes[i];
                Interlocked.Add(ref posts, form == RawUpsertForm.ProductStatement
                    ? await UpsertAsProduct(db, organizationId, profileId, batchPosts, cancellationToken)
                    : await Upsert(db, organizationId, profileId, batchPosts, form == RawUpsertForm.BatchedPrepared, cancellationToken));
            }
        }, cancellationToken)));
        clock.Stop();
        return new RawUpsertResult(concurrency, form, posts, clock.Elapsed, CpuMeter.Between(start, meter.Take()));
    }

    private static async Task<int> UpsertAsProduct(NpgsqlDataSource db, Guid organizationId, Guid profileId, IReadOnlyList<ScrapedPost> posts, CancellationToken cancellationToken)
    {
        // Prepared, as PostRepository.Upsert prepares it: the product's statement at its own best.
        await using var batch = await PreparedBatch.Prepare(db, [PostUpsertBatch.Command(organizationId, profileId, posts, PostgresTime.Truncate(DateTimeOffset.UtcNow))], cancellationToken);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return (await PostUpsertBatch.ReadIds(reader, posts, cancellationToken)).Length;
    }

    private static async Task<int> Upsert(NpgsqlDataSource db, Guid organizationId, Guid profileId, IReadOnlyList<ScrapedPost> posts, bool prepared, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % 10));
        var order = Enumerable.Range(0, posts.Count)
            .OrderBy(i => DbNames.Of(posts[i].Platform), StringComparer.Ordinal)
            .ThenBy(i => posts[i].PlatformPostId, StringComparer.Ordinal)
            .ToArray();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var i in order)
        {
            var post = posts[i];
            var command = new NpgsqlBatchCommand(UpsertPost);
            var p = command.Parameters;
            p.AddWithValue(Guid.CreateVersion7());
            p.AddWithValue(organizationId);
            p.AddWithValue(profileId);
            p.AddWithValue(DbNames.Of(post.Platform));
            p.AddWithValue(post.PlatformPostId);
            p.AddText(post.Url);
            p.AddText(post.AuthorUsername);
            p.AddText(post.Title);
            p.AddText(post.Text);
            p.AddTexts(post.Hashtags);
            p.AddTexts(post.Mentions);
            p.AddTexts(post.Links);
            p.AddText(post.ContentType);
            p.AddTexts(post.MediaUrls);
            p.AddWithValue(NpgsqlDbType.TimestampTz, post.PostedAt is { } posted ? PostgresTime.Truncate(posted) : DBNull.Value);
            p.AddCount(post.Likes);
            p.AddCount(post.Comments);
            p.AddCount(post.Shares);
            p.AddCount(post.Views);
            p.AddCount(post.Reach);
            p.AddCount(post.Impressions);
            p.AddWithValue(NpgsqlDbType.Double, post.EngagementRate is { } rate ? rate : DBNull.Value);
            p.AddCount(post.FollowersAtScrape);
            p.AddText(post.RawJson);
            p.AddWithValue(now);
            batch.BatchCommands.Add(command);
        }

        if (prepared)
        {
            await batch.PrepareAsync(cancellationToken);
        }

        var count = 0;
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var k = 0; k < order.Length; k++)
        {
            await reader.ReadAsync(cancellationToken);
            _ = reader.GetGuid(0);
            count++;
            await reader.NextResultAsync(cancellationToken);
        }

        return count;
    }

    // PostRows' parameter helpers are internal to the product; the same three, here.
    private static void AddText(this NpgsqlParameterCollection p, string? value) =>
        p.AddWithValue(NpgsqlDbType.Text, (object?)value ?? DBNull.Value);

    private static void AddCount(this NpgsqlParameterCollection p, long? value) =>
        p.AddWithValue(NpgsqlDbType.Bigint, value is { } known ? known : DBNull.Value);

    private static void AddTexts(this NpgsqlParameterCollection p, IEnumerable<string> values) =>
        p.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, values.ToArray());
}
