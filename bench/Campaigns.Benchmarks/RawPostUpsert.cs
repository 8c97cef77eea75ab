using System.Diagnostics;
using Campaigns.Influencer;
using Campaigns.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Benchmarks;

/// <summary>Posts per second of the raw baseline, and the CPU it used.</summary>
public sealed record RawUpsertResult(int Concurrency, bool Prepared, long Posts, TimeSpan Elapsed, CpuUse Cpu)
{
    public double PostsPerSecond => Posts / Elapsed.TotalSeconds;
}

/// <summary>
/// The influencer scenario's baseline: the same posts, already mapped, upserted with plain Npgsql the way
/// <c>PostRepository.Upsert</c> stores a scrape (the same statement and ON CONFLICT, one <see cref="NpgsqlBatch"/> per
/// creator's posts in key order, RETURNING id), by <c>concurrency</c> connections, into an organization of its own.
/// No queue, no HTTP, no JSON: what the database alone allows. Run unprepared (as the product's upsert was) and
/// prepared (the statement parsed and planned once per connection).
/// </summary>
public static class RawPostUpsert
{
    // The product's own statement: the baseline must cost the database exactly what the product's does.
    private const string UpsertPost = Campaigns.Storage.PostRepository.UpsertPost;

    /// <summary>Upserts every creator's posts (one batch per creator) with <paramref name="concurrency"/> connections.</summary>
    public static async Task<RawUpsertResult> Run(
        NpgsqlDataSource db, Guid organizationId, IReadOnlyList<(Guid ProfileId, IReadOnlyList<ScrapedPost> Posts)> scrapes,
        int concurrency, bool prepared, CpuMeter meter, CancellationToken cancellationToken)
    {
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
                Interlocked.Add(ref posts, await Upsert(db, organizationId, profileId, batchPosts, prepared, cancellationToken));
            }
        }, cancellationToken)));
        clock.Stop();
        return new RawUpsertResult(concurrency, prepared, posts, clock.Elapsed, CpuMeter.Between(start, meter.Take()));
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
