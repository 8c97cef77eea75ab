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
/// All SQL for <c>posts</c> and <c>campaign_posts</c>: storing a scrape, recording what matching concluded, people's
/// decisions, and the posts an allocation's metrics count.
/// </summary>
public sealed class PostRepository(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>The verdict column of a post a person added that matching has not looked at yet (read as no verdict).</summary>
    private const string NotEvaluated = "not_evaluated";

    /// <summary>
    /// Stores a whole scrape in one round trip and one transaction: new posts inserted, known ones refreshed, never a
    /// duplicate (the key is organization, platform and platform post id).
    /// </summary>
    /// <param name="creatorProfileId">The scraped profile, when known; an existing post keeps its profile otherwise.</param>
    /// <returns>Each post's id, in the order of <paramref name="posts"/>.</returns>
    public async Task<IReadOnlyList<Guid>> Upsert(Guid organizationId, Guid? creatorProfileId, IReadOnlyList<ScrapedPost> posts)
    {
        if (posts.Count == 0)
        {
            return [];
        }

        // One implicit transaction, so the commit setting applies. Prepared: the statement reads no table (the conflict
        // check is the unique index's).
        await using var batch = await PreparedBatch.Prepare(db, [
            AsynchronousCommit.Command(),
            PostUpsertBatch.Command(organizationId, creatorProfileId, posts, clock.UtcNowMicroseconds()),
        ]);
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync(); // past the commit setting
        return await PostUpsertBatch.ReadIds(reader, posts);
    }

    /// <summary>
    /// Records automatic matching's verdicts for an allocation, one statement for the whole set. A post already recorded
    /// gets the new verdict, confidence and signals, but its decision stays exactly as a person set it. Posts of another
    /// organization are ignored.
    /// </summary>
    /// <returns>The posts the allocation's metrics now count (as <see cref="MatchedPostsForMetrics"/>), read in the same round trip.</returns>
    public async Task<IReadOnlyList<ScrapedPost>> RecordMatches(
        Guid organizationId, Guid allocationId, Guid campaignId, IEnumerable<(Guid PostId, MatchResult Match)> matches)
    {
        // One row per post: a statement may not update the same row twice, and the last verdict is the current one.
        var rows = matches.GroupBy(m => m.PostId).Select(g => g.Last()).OrderBy(m => m.PostId).ToList();
        // Prepared: both are calls of functions that keep index plans (sql/0025).
        await using var batch = await PreparedBatch.Prepare(db, rows.Count > 0
            ? [AsynchronousCommit.Command(), RecordMatchesCommand(organizationId, allocationId, campaignId, rows), CountedPostsCommand(allocationId)]
            : [CountedPostsCommand(allocationId)]);
        await using var reader = await batch.ExecuteReaderAsync();
        if (rows.Count > 0)
        {
            // Past the commit setting's row and the verdicts call's (void) row: the next result is the counted posts.
            await reader.NextResultAsync();
            await reader.NextResultAsync();
        }

        return await ReadCountedPosts(reader);
    }

    /// <summary>The verdicts call of <see cref="RecordMatches"/>, one row per post; public so a test can read its plan.</summary>
    public NpgsqlBatchCommand RecordMatchesCommand(Guid organizationId, Guid allocationId, Guid campaignId, List<(Guid PostId, MatchResult Match)> rows)
    {
        // sql/0025–0026: the statement of sql/0022–0023 in a function whose plans look each post up by its key alone, so
        // the call can be prepared; posts of another organization are ignored.
        var cmd = new NpgsqlBatchCommand("SELECT campaign_posts_record_matches($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(allocationId);
        p.AddWithValue(campaignId);
        p.AddWithValue(rows.Select(_ => TimeOrderedId.New()).ToArray());
        p.AddWithValue(rows.Select(r => r.PostId).ToArray());
        p.AddWithValue(rows.Select(r => r.Match.Confidence).ToArray());
        p.AddWithValue(rows.Select(r => r.Match.IsCampaignContent).ToArray());
        p.AddWithValue(rows.Select(r => DbNames.Of(r.Match.Verdict)).ToArray());
        p.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Match.Reason).ToArray());
        p.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Jsonb, rows.Select(r => MatchSignalsJson.Write(r.Match.Signals)).ToArray());
        p.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => PostUpsertBatch.ArrayLiteral(r.Match.MissingRequired)).ToArray());
        p.AddWithValue(clock.UtcNowMicroseconds());
        return cmd;
    }

    /// <summary>
    /// A person confirms or rejects a detection, or sets it back to pending so automatic matching decides again.
    /// </summary>
    /// <returns>False when the detection does not exist in the organization.</returns>
    public async Task<bool> Decide(Guid organizationId, Guid campaignPostId, PostDecision decision, Guid userId)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE campaign_posts SET
                decision = $3,
                decided_by = CASE WHEN $3 = 'pending' THEN NULL ELSE $4 END,
                decided_at = CASE WHEN $3 = 'pending' THEN NULL ELSE $5 END,
                updated_at = $5
            WHERE id = $2 AND organization_id = $1
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(campaignPostId);
        p.AddWithValue(DbNames.Of(decision));
        p.AddWithValue(userId);
        p.AddWithValue(clock.UtcNowMicroseconds());
        return await cmd.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>
    /// A person adds a post of the organization to an allocation as confirmed campaign content, for posts automatic
    /// matching missed entirely; a post already listed is simply confirmed.
    /// </summary>
    /// <returns>The detection's id, or null when the post does not exist in the organization.</returns>
    public async Task<Guid?> AddManually(Guid organizationId, Guid allocationId, Guid campaignId, Guid postId, Guid userId)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO campaign_posts (id, organization_id, allocation_id, campaign_id, post_id, confidence, auto_matched,
                verdict, detection, decision, decided_by, decided_at, created_at, updated_at)
            SELECT $6, p.organization_id, $2, $3, p.id, 0, false, 'not_evaluated', 'manual', 'confirmed', $5, $7, $7, $7
            FROM posts p
            WHERE p.id = $4 AND p.organization_id = $1
            ON CONFLICT (allocation_id, post_id) DO UPDATE SET
                decision = 'confirmed', decided_by = $5, decided_at = $7, updated_at = $7
            RETURNING id
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(allocationId);
        p.AddWithValue(campaignId);
        p.AddWithValue(postId);
        p.AddWithValue(userId);
        p.AddWithValue(TimeOrderedId.New());
        p.AddWithValue(clock.UtcNowMicroseconds());
        return await cmd.ExecuteScalarAsync() is Guid id ? id : null;
    }

    // A detection with its post, as ReadDetection expects the columns.
    private const string DetectionSelect = $"""
        SELECT cp.id, cp.post_id, cp.confidence, cp.auto_matched, cp.verdict, cp.reason, cp.signals::text,
               cp.missing_required, cp.detection, cp.decision, cp.decided_by, cp.decided_at,
               p.first_seen_at, p.last_scraped_at, {PostRows.Columns}
        FROM campaign_posts cp
        JOIN posts p ON p.id = cp.post_id
        """;

    /// <summary>An allocation's posts, newest detection first, keyset-paginated on the detection id.</summary>
    public async Task<Page<AllocationPost>> ListForAllocation(Guid organizationId, Guid allocationId, Guid? after, int limit)
    {
        await using var cmd = db.CreateCommand($"""
            {DetectionSelect}
            WHERE cp.allocation_id = $2 AND cp.organization_id = $1 AND ($3::uuid IS NULL OR cp.id < $3)
            ORDER BY cp.id DESC
            LIMIT $4
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(allocationId);
        p.AddWithValue(NpgsqlDbType.Uuid, after is { } cursor ? cursor : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(limit));

        var items = new List<AllocationPost>();
        await using var row = await cmd.ExecuteReaderAsync();
        while (await row.ReadAsync())
        {
            items.Add(ReadDetection(row));
        }

        var (page, next) = Keyset.Page(items, limit, post => post.Id);
        return new Page<AllocationPost>(page, next);
    }

    /// <summary>One detection of the organization, or null.</summary>
    public async Task<AllocationPost?> GetDetection(Guid organizationId, Guid campaignPostId)
    {
        await using var cmd = db.CreateCommand($"""
            {DetectionSelect}
            WHERE cp.id = $2 AND cp.organization_id = $1
            """);
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(campaignPostId);
        await using var row = await cmd.ExecuteReaderAsync();
        return await row.ReadAsync() ? ReadDetection(row) : null;
    }

    private static AllocationPost ReadDetection(NpgsqlDataReader row) => new(
        Id: row.GetGuid(0),
        PostId: row.GetGuid(1),
        Post: PostRows.Read(row, 14),
        Confidence: row.GetDouble(2),
        AutoMatched: row.GetBoolean(3),
        Verdict: row.GetString(4) is NotEvaluated ? null : DbNames.From<MatchVerdict>(row.GetString(4)),
        Reason: row.IsDBNull(5) ? null : row.GetString(5),
        Signals: MatchSignalsJson.Read(row.GetString(6)),
        MissingRequired: row.GetFieldValue<string[]>(7),
        Detection: DbNames.From<PostDetection>(row.GetString(8)),
        Decision: DbNames.From<PostDecision>(row.GetString(9)),
        DecidedBy: row.IsDBNull(10) ? null : row.GetGuid(10),
        DecidedAt: row.IsDBNull(11) ? null : row.GetFieldValue<DateTimeOffset>(11),
        FirstSeenAt: row.GetFieldValue<DateTimeOffset>(12),
        LastScrapedAt: row.GetFieldValue<DateTimeOffset>(13));

    /// <summary>
    /// The posts <see cref="AllocationMetricsCalculator"/> counts for an allocation: confirmed by a person, or matched
    /// automatically and not decided; rejected posts never count, whatever matching says. Only the fields the metrics
    /// read are filled: texts, tags and links come back empty.
    /// </summary>
    public async Task<IReadOnlyList<ScrapedPost>> MatchedPostsForMetrics(Guid allocationId)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(CountedPostsCommand(allocationId));
        await using var reader = await batch.ExecuteReaderAsync();
        return await ReadCountedPosts(reader);
    }

    private static NpgsqlBatchCommand CountedPostsCommand(Guid allocationId) => new("""
        SELECT platform, platform_post_id, likes, comments, shares, views, engagement_rate, reach, impressions,
               published_at, followers_at_scrape
        FROM allocation_counted_posts($1)
        """)
    {
        Parameters = { new() { Value = allocationId } },
    };

    private static async Task<IReadOnlyList<ScrapedPost>> ReadCountedPosts(NpgsqlDataReader row)
    {
        var posts = new List<ScrapedPost>();
        while (await row.ReadAsync())
        {
            posts.Add(new ScrapedPost(
                DbNames.From<SocialPlatform>(row.GetString(0)), row.GetString(1), Url: null, AuthorUsername: null, Title: null, Text: null,
                Hashtags: [], Mentions: [], Links: [], ContentType: null, MediaUrls: [],
                Likes: Count(2), Comments: Count(3), Shares: Count(4), Views: Count(5),
                EngagementRate: row.IsDBNull(6) ? null : row.GetDouble(6), Reach: Count(7), Impressions: Count(8),
                PostedAt: row.IsDBNull(9) ? null : row.GetFieldValue<DateTimeOffset>(9), FollowersAtScrape: Count(10), RawJson: ""));
        }

        return posts;

        long? Count(int ordinal) => row.IsDBNull(ordinal) ? null : row.GetInt64(ordinal);
    }

    /// <summary>The allocation and campaign a detection belongs to, so a decision on it reaches the right allocation.</summary>
    /// <returns>Null when the detection does not exist in the organization.</returns>
    public async Task<(Guid AllocationId, Guid CampaignId)?> FindDetection(Guid organizationId, Guid campaignPostId)
    {
        await using var cmd = db.CreateCommand(
            "SELECT allocation_id, campaign_id FROM campaign_posts WHERE id = $2 AND organization_id = $1");
        cmd.Parameters.AddWithValue(organizationId);
        cmd.Parameters.AddWithValue(campaignPostId);
        await using var row = await cmd.ExecuteReaderAsync();
        return await row.ReadAsync() ? (row.GetGuid(0), row.GetGuid(1)) : null;
    }
}
