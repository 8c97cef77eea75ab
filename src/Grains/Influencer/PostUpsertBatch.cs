using System.Text;
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

namespace Campaigns.Influencer;

/// <summary>
/// A whole scrape as one <c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE</c>: PostgreSQL parses, plans and
/// prepares the table's check constraints once per scrape instead of once per post, which made a 50-post scrape about
/// twice as cheap for the database as 50 single-row upserts in one batch (docs/BENCHMARKS.md, influencer pipeline).
/// Public so the benchmark's raw baseline sends exactly what the product sends.
/// </summary>
public static class PostUpsertBatch
{
    // On conflict the latest scrape wins, except that a field this scrape did not report (null) keeps the last known
    // value: an actor that omits shares once must not turn a known count into "unknown". Captions and tag arrays are
    // replaced outright because creators edit them, sometimes adding the campaign hashtag after publishing.
    /// <summary>What a scrape does to a post already stored; the benchmark's single-row baseline shares it.</summary>
    public const string OnConflict = """
        ON CONFLICT (organization_id, platform, platform_post_id) DO UPDATE SET
            creator_profile_id = coalesce(EXCLUDED.creator_profile_id, posts.creator_profile_id),
            url = coalesce(EXCLUDED.url, posts.url),
            author_username = coalesce(EXCLUDED.author_username, posts.author_username),
            title = coalesce(EXCLUDED.title, posts.title),
            caption = coalesce(EXCLUDED.caption, posts.caption),
            hashtags = EXCLUDED.hashtags,
            mentions = EXCLUDED.mentions,
            links = EXCLUDED.links,
            content_type = coalesce(EXCLUDED.content_type, posts.content_type),
            media_urls = EXCLUDED.media_urls,
            published_at = coalesce(EXCLUDED.published_at, posts.published_at),
            likes = coalesce(EXCLUDED.likes, posts.likes),
            comments = coalesce(EXCLUDED.comments, posts.comments),
            shares = coalesce(EXCLUDED.shares, posts.shares),
            views = coalesce(EXCLUDED.views, posts.views),
            reach = coalesce(EXCLUDED.reach, posts.reach),
            impressions = coalesce(EXCLUDED.impressions, posts.impressions),
            engagement_rate = coalesce(EXCLUDED.engagement_rate, posts.engagement_rate),
            followers_at_scrape = coalesce(EXCLUDED.followers_at_scrape, posts.followers_at_scrape),
            raw = EXCLUDED.raw,
            last_scraped_at = EXCLUDED.last_scraped_at
        """;

    // Rows go in key order, so two concurrent scrapes of one profile lock them in the same order, not into a deadlock.
    // Tag arrays travel as array literals (one text per post) because a post's tags are a list of their own, which a
    // rectangular parameter array cannot carry.
    public const string Statement = $"""
        INSERT INTO posts (id, organization_id, creator_profile_id, platform, platform_post_id, url, author_username,
            title, caption, hashtags, mentions, links, content_type, media_urls, published_at,
            likes, comments, shares, views, reach, impressions, engagement_rate, followers_at_scrape, raw,
            first_seen_at, last_scraped_at)
        SELECT r.id, $1, $2, r.platform, r.platform_post_id, r.url, r.author_username,
            r.title, r.caption, r.hashtags::text[], r.mentions::text[], r.links::text[], r.content_type, r.media_urls::text[], r.published_at,
            r.likes, r.comments, r.shares, r.views, r.reach, r.impressions, r.engagement_rate, r.followers_at_scrape, r.raw::jsonb,
            $3, $3
        FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                    $12::text[], $13::text[], $14::text[], $15::text[], $16::timestamptz[], $17::bigint[], $18::bigint[],
                    $19::bigint[], $20::bigint[], $21::bigint[], $22::bigint[], $23::float8[], $24::bigint[], $25::text[])
             AS r(id, platform, platform_post_id, url, author_username, title, caption, hashtags, mentions, links,
                  content_type, media_urls, published_at, likes, comments, shares, views, reach, impressions,
                  engagement_rate, followers_at_scrape, raw)
        ORDER BY r.platform COLLATE "C", r.platform_post_id COLLATE "C"
        {OnConflict}
        RETURNING id, platform, platform_post_id
        """;

    /// <summary>
    /// The statement for <paramref name="posts"/>, each post once: a statement may not update the same row twice, so
    /// when a scrape repeats a post its last occurrence is the one stored.
    /// </summary>
    public static NpgsqlBatchCommand Command(Guid organizationId, Guid? creatorProfileId, IReadOnlyList<ScrapedPost> posts, DateTimeOffset now)
    {
        var unique = posts
            .GroupBy(Key)
            .Select(g => g.Last())
            .ToList();

        var command = new NpgsqlBatchCommand(Statement);
        var p = command.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Uuid, creatorProfileId is { } profile ? profile : DBNull.Value);
        p.AddWithValue(now);
        p.AddWithValue(unique.Select(_ => TimeOrderedId.New()).ToArray());
        Texts(p, unique.Select(x => (string?)DbNames.Of(x.Platform)));
        Texts(p, unique.Select(x => (string?)x.PlatformPostId));
        Texts(p, unique.Select(x => x.Url));
        Texts(p, unique.Select(x => x.AuthorUsername));
        Texts(p, unique.Select(x => x.Title));
        Texts(p, unique.Select(x => x.Text));
        Texts(p, unique.Select(x => (string?)ArrayLiteral(x.Hashtags)));
        Texts(p, unique.Select(x => (string?)ArrayLiteral(x.Mentions)));
        Texts(p, unique.Select(x => (string?)ArrayLiteral(x.Links)));
        Texts(p, unique.Select(x => x.ContentType));
        Texts(p, unique.Select(x => (string?)ArrayLiteral(x.MediaUrls)));
        p.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            unique.Select(x => x.PostedAt is { } posted ? PostgresTime.Truncate(posted) : (DateTimeOffset?)null).ToArray());
        Counts(p, unique.Select(x => x.Likes));
        Counts(p, unique.Select(x => x.Comments));
        Counts(p, unique.Select(x => x.Shares));
        Counts(p, unique.Select(x => x.Views));
        Counts(p, unique.Select(x => x.Reach));
        Counts(p, unique.Select(x => x.Impressions));
        p.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Double, unique.Select(x => x.EngagementRate).ToArray());
        Counts(p, unique.Select(x => x.FollowersAtScrape));
        Texts(p, unique.Select(x => (string?)x.RawJson));
        return command;
    }

    /// <summary>Reads the statement's rows into each post's id, in the order of <paramref name="posts"/>.</summary>
    public static async Task<Guid[]> ReadIds(NpgsqlDataReader reader, IReadOnlyList<ScrapedPost> posts, CancellationToken cancellationToken = default)
    {
        var idsByKey = new Dictionary<(string, string), Guid>(posts.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            idsByKey[(reader.GetString(1), reader.GetString(2))] = reader.GetGuid(0);
        }

        var ids = new Guid[posts.Count];
        for (var i = 0; i < posts.Count; i++)
        {
            ids[i] = idsByKey.TryGetValue(Key(posts[i]), out var id)
                ? id
                : throw new InvalidOperationException($"The posts upsert returned no row for {posts[i].Platform} post {posts[i].PlatformPostId}.");
        }

        return ids;
    }

    /// <summary>PostgreSQL's text form of a text array: every element quoted, quotes and backslashes escaped.</summary>
    public static string ArrayLiteral(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return "{}";
        }

        var text = new StringBuilder("{");
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append('"');
            foreach (var c in values[i])
            {
                if (c is '"' or '\\')
                {
                    text.Append('\\');
                }

                text.Append(c);
            }

            text.Append('"');
        }

        return text.Append('}').ToString();
    }

    private static (string, string) Key(ScrapedPost post) => (DbNames.Of(post.Platform), post.PlatformPostId);

    private static void Texts(NpgsqlParameterCollection p, IEnumerable<string?> values) =>
        p.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, values.ToArray());

    private static void Counts(NpgsqlParameterCollection p, IEnumerable<long?> values) =>
        p.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Bigint, values.ToArray());
}
