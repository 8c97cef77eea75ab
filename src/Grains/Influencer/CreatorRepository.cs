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

/// <summary>All SQL for <c>creators</c> and <c>creator_social_profiles</c>.</summary>
/// <remarks>Over 400 lines because it is one table family with one writer (a creator and its profiles are written
/// together, docs/ARCHITECTURE.md "One writer per table"), and candidate selection reads the same rows.</remarks>
public sealed class CreatorRepository(NpgsqlDataSource db, TimeProvider clock)
{
    private const string UniqueViolation = "23505";

    private const string ProfileColumns =
        "id, platform, username, followers_declared, followers_verified, followers_actual, " +
        "engagement_rate_declared, engagement_rate_verified, engagement_rate_actual, niches, location, bio, " +
        "following_count, posts_count, is_verified, last_verified_at, created_at, updated_at, creator_id";

    /// <returns>The creator, or null when one of its handles is already registered in the organization.</returns>
    public async Task<CreatorView?> Insert(Guid organizationId, Guid creatorId, CreatorDraft draft)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var now = clock.UtcNowMicroseconds();
        try
        {
            await InsertCreator(connection, tx, organizationId, creatorId, draft.Name, draft.Email, draft.IsActive, now);
            foreach (var profile in draft.Profiles)
            {
                await InsertProfile(connection, tx, organizationId, creatorId, profile, now);
            }

            await tx.CommitAsync();
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            return null;
        }

        return await Get(organizationId, creatorId);
    }

    public async Task<CreatorView?> Get(Guid organizationId, Guid creatorId)
    {
        await using var cmd = db.CreateCommand("SELECT id, name, email, is_active, created_at, updated_at FROM creators WHERE id = $1 AND organization_id = $2");
        cmd.Parameters.AddWithValue(creatorId);
        cmd.Parameters.AddWithValue(organizationId);
        return (await ReadCreators(cmd)).SingleOrDefault();
    }

    /// <returns>The creator as changed; or, with nothing written, which creator or profile was missing or that a handle is taken.</returns>
    public async Task<CreatorUpdate> Update(Guid organizationId, Guid creatorId, CreatorChanges changes)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var now = clock.UtcNowMicroseconds();

        await using (var update = new NpgsqlCommand("""
            UPDATE creators SET
                name = coalesce($3, name),
                email = CASE WHEN $4 THEN NULL ELSE coalesce($5, email) END,
                is_active = coalesce($6, is_active),
                updated_at = $7
            WHERE id = $1 AND organization_id = $2
            """, connection, tx))
        {
            var p = update.Parameters;
            p.AddWithValue(creatorId);
            p.AddWithValue(organizationId);
            p.AddWithValue(NpgsqlDbType.Text, (object?)changes.Name ?? DBNull.Value);
            p.AddWithValue(changes.ClearEmail);
            p.AddWithValue(NpgsqlDbType.Text, (object?)changes.Email ?? DBNull.Value);
            p.AddWithValue(NpgsqlDbType.Boolean, changes.IsActive is { } active ? active : DBNull.Value);
            p.AddWithValue(now);
            if (await update.ExecuteNonQueryAsync() == 0)
            {
                return new CreatorUpdate(CommandOutcome.NotFound);
            }
        }

        try
        {
            foreach (var change in changes.ProfileChanges)
            {
                if (await LockProfile(connection, tx, organizationId, change.ProfileId, creatorId) is not { Profile: var current })
                {
                    return new CreatorUpdate(CommandOutcome.Invalid, ForeignProfileId: change.ProfileId);
                }

                await UpdateProfile(connection, tx, current.Id, ProfileEditing.Apply(current.Declared(), change.Values, change.Fields), now);
            }

            foreach (var profile in changes.NewProfiles)
            {
                await InsertProfile(connection, tx, organizationId, creatorId, profile, now);
            }

            await tx.CommitAsync();
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            return new CreatorUpdate(CommandOutcome.Conflict);
        }

        return new CreatorUpdate(CommandOutcome.Ok, await Get(organizationId, creatorId));
    }

    /// <summary>Newest first, keyset-paginated on the time-ordered id.</summary>
    public async Task<Page<CreatorView>> List(Guid organizationId, CreatorQuery query)
    {
        var profileFilter = query.Platform is not null || query.Niche is not null || query.Location is not null
                            || query.MinFollowers is not null || query.MaxFollowers is not null;
        await using var cmd = db.CreateCommand("""
            SELECT c.id, c.name, c.email, c.is_active, c.created_at, c.updated_at
            FROM creators c
            WHERE c.organization_id = $1
              AND ($2::uuid IS NULL OR c.id < $2)
              AND ($3::text IS NULL OR c.name ILIKE $3 OR EXISTS (
                    SELECT 1 FROM creator_social_profiles t
                    WHERE t.creator_id = c.id AND t.organization_id = $1 AND t.username ILIKE $3))
              AND (NOT $4 OR EXISTS (
                    SELECT 1 FROM creator_social_profiles p
                    WHERE p.creator_id = c.id AND p.organization_id = $1
                      AND ($5::text IS NULL OR p.platform = $5)
                      AND ($6::text IS NULL OR p.niches @> ARRAY[$6])
                      AND ($7::text IS NULL OR p.location ILIKE $7)
                      AND ($8::bigint IS NULL OR p.followers_actual >= $8)
                      AND ($9::bigint IS NULL OR p.followers_actual <= $9)))
            ORDER BY c.id DESC
            LIMIT $10
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Uuid, query.After is { } after ? after : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, query.Text is { } text ? LikePattern.Containing(text) : DBNull.Value);
        p.AddWithValue(profileFilter);
        p.AddWithValue(NpgsqlDbType.Text, (object?)query.Platform ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)query.Niche ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, query.Location is { } location ? LikePattern.Containing(location) : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Bigint, query.MinFollowers is { } min ? min : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Bigint, query.MaxFollowers is { } max ? max : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(query.Limit));

        var (items, next) = Keyset.Page((await ReadCreators(cmd)).ToList(), query.Limit, creator => creator.Id);
        return new Page<CreatorView>(items, next);
    }

    /// <summary>
    /// Upserts every row by (platform, username) in one transaction. Row-level refusals the database decides
    /// (an unknown creator id, a profile of another creator) roll the whole import back.
    /// </summary>
    /// <returns>The counts when written; otherwise, with nothing written, the rows the database refused.</returns>
    public async Task<CreatorImportOutcome> Import(Guid organizationId, IReadOnlyList<CreatorImportRow> rows)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var now = clock.UtcNowMicroseconds();
        var refusals = new List<ImportRefusal>();
        int created = 0, updated = 0, creatorsCreated = 0;

        foreach (var row in rows)
        {
            if (await LockProfile(connection, tx, organizationId, row.Values.Platform, row.Values.Username) is (var existing, var owner))
            {
                if (row.CreatorId is { } named && named != owner)
                {
                    refusals.Add(new ImportRefusal(row.Row, named, owner));
                    continue;
                }

                await UpdateProfile(connection, tx, existing.Id, ProfileEditing.Apply(existing.Declared(), row.Values, row.Fields), now);
                await UpdateCreator(connection, tx, owner, row, now);
                updated++;
                continue;
            }

            Guid creatorId;
            if (row.CreatorId is { } given)
            {
                if (!await CreatorExists(connection, tx, organizationId, given))
                {
                    refusals.Add(new ImportRefusal(row.Row, given, Owner: null));
                    continue;
                }

                creatorId = given;
                await UpdateCreator(connection, tx, creatorId, row, now);
            }
            else
            {
                creatorId = TimeOrderedId.New();
                await InsertCreator(connection, tx, organizationId, creatorId, row.Name ?? row.Values.Username, row.Email, row.IsActive ?? true, now);
                creatorsCreated++;
            }

            await InsertProfile(connection, tx, organizationId, creatorId, row.Values, now);
            created++;
        }

        if (refusals.Count > 0)
        {
            await tx.RollbackAsync();
            return new CreatorImportOutcome(null, refusals);
        }

        await tx.CommitAsync();
        return new CreatorImportOutcome(new CreatorImportCounts(rows.Count, created, updated, creatorsCreated), []);
    }

    /// <summary>
    /// The seed's stage-2 selection: platform, audience-size band on followers_actual, location ILIKE, creator active,
    /// some declared or verified data; verified first, then engagement rate highest first. One row per creator, through
    /// its best-ranked matching profile. No platforms means any platform.
    /// </summary>
    public async Task<IReadOnlyList<CreatorCandidate>> SelectCandidates(
        Guid organizationId, IReadOnlyList<string> platforms, AudienceSize? audienceSize, string? location,
        IReadOnlyList<Guid> excludedCreatorIds, int limit)
    {
        var (min, maxExclusive) = audienceSize is { } size ? AudienceSizes.Bounds(size) : (0L, (long?)null);
        await using var cmd = db.CreateCommand("""
            SELECT profile_id, creator_id, platform, username, followers_actual, engagement_rate_actual, verified, niches, location
            FROM (
                SELECT DISTINCT ON (p.creator_id)
                       p.id AS profile_id, p.creator_id, p.platform, p.username, p.followers_actual,
                       p.engagement_rate_actual, p.followers_verified IS NOT NULL AS verified, p.niches, p.location
                FROM creator_social_profiles p
                JOIN creators c ON c.id = p.creator_id AND c.organization_id = $1
                WHERE p.organization_id = $1
                  AND (cardinality($2::text[]) = 0 OR p.platform = ANY($2))
                  AND p.followers_actual IS NOT NULL
                  AND p.followers_actual >= $3
                  AND ($4::bigint IS NULL OR p.followers_actual < $4)
                  AND ($5::text IS NULL OR p.location ILIKE $5)
                  AND c.is_active
                  AND NOT (p.creator_id = ANY($6))
                ORDER BY p.creator_id, verified DESC, p.engagement_rate_actual DESC NULLS LAST, p.id
            ) best
            ORDER BY verified DESC, engagement_rate_actual DESC NULLS LAST, creator_id
            LIMIT $7
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(platforms.ToArray());
        p.AddWithValue(min);
        p.AddWithValue(NpgsqlDbType.Bigint, maxExclusive is { } max ? max : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, string.IsNullOrWhiteSpace(location) ? DBNull.Value : LikePattern.Containing(location.Trim()));
        p.AddWithValue(excludedCreatorIds.ToArray());
        p.AddWithValue(limit);

        var candidates = new List<CreatorCandidate>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            candidates.Add(new CreatorCandidate(
                r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetInt64(4),
                r.IsDBNull(5) ? null : Rate(r.GetDecimal(5)), r.GetBoolean(6), r.GetFieldValue<List<string>>(7),
                r.IsDBNull(8) ? null : r.GetString(8)));
        }

        return candidates;
    }

    /// <summary>
    /// Why <see cref="SelectCandidates"/> finds nobody: its criteria counted cumulatively over the organization's profiles
    /// in one query (<see cref="CandidateFunnel"/>), then put in words by <see cref="CandidateShortfall"/>.
    /// </summary>
    public async Task<string> ExplainNoCandidates(Guid organizationId, CandidateCriteria criteria)
    {
        var (min, maxExclusive) = criteria.AudienceSize is { } size ? AudienceSizes.Bounds(size) : ((long?)null, (long?)null);
        // The same conditions as SelectCandidates, each made a never-null flag so the cumulative ANDs count plainly.
        await using var cmd = db.CreateCommand("""
            SELECT count(*),
                   count(*) FILTER (WHERE band),
                   count(*) FILTER (WHERE band AND located),
                   count(*) FILTER (WHERE band AND located AND active),
                   count(*) FILTER (WHERE band AND located AND active AND known),
                   count(*) FILTER (WHERE band AND located AND active AND known AND included)
            FROM creator_social_profiles p
            JOIN creators c ON c.id = p.creator_id AND c.organization_id = $1
            CROSS JOIN LATERAL (SELECT
                coalesce($3::bigint IS NULL OR (p.followers_actual >= $3 AND ($4::bigint IS NULL OR p.followers_actual < $4)), false) AS band,
                coalesce($5::text IS NULL OR p.location ILIKE $5, false) AS located,
                c.is_active AS active,
                p.followers_actual IS NOT NULL AS known,
                NOT (p.creator_id = ANY($6)) AS included) f
            WHERE p.organization_id = $1
              AND (cardinality($2::text[]) = 0 OR p.platform = ANY($2))
            """);
        var p = cmd.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(criteria.Platforms.ToArray());
        p.AddWithValue(NpgsqlDbType.Bigint, min is { } low ? low : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Bigint, maxExclusive is { } max ? max : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, string.IsNullOrWhiteSpace(criteria.Location) ? DBNull.Value : LikePattern.Containing(criteria.Location.Trim()));
        p.AddWithValue(criteria.ExcludedCreatorIds.ToArray());

        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        var funnel = new CandidateFunnel(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
        return CandidateShortfall.Explain(criteria, funnel);
    }

    /// <summary>Seed stage 3: a profile scrape's numbers become the verified side. Null numbers keep what was verified before.</summary>
    /// <remarks>Part of the scrape pipeline, so it commits asynchronously (<see cref="AsynchronousCommit"/>): a lost verification is redone by the next profile scrape.</remarks>
    public async Task<bool> RecordVerification(Guid organizationId, Guid profileId, ProfileVerification v)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(AsynchronousCommit.Command());
        var cmd = new NpgsqlBatchCommand("""
            UPDATE creator_social_profiles SET
                followers_verified = coalesce($3, followers_verified),
                engagement_rate_verified = coalesce($4, engagement_rate_verified),
                following_count = coalesce($5, following_count),
                posts_count = coalesce($6, posts_count),
                bio = coalesce($7, bio),
                is_verified = $8,
                last_verified_at = $9,
                updated_at = $9
            WHERE id = $1 AND organization_id = $2
            """);
        var p = cmd.Parameters;
        p.AddWithValue(profileId);
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Bigint, v.Followers is { } followers ? followers : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Numeric, v.EngagementRate is { } rate ? rate : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Integer, v.FollowingCount is { } following ? following : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Integer, v.PostsCount is { } posts ? posts : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)v.Bio ?? DBNull.Value);
        p.AddWithValue(v.IsVerified);
        p.AddWithValue(PostgresTime.Truncate(v.VerifiedAt));
        batch.BatchCommands.Add(cmd);
        await batch.ExecuteNonQueryAsync();
        return cmd.RecordsAffected == 1;
    }

    private static async Task InsertCreator(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, Guid creatorId, string name, string? email, bool isActive, DateTimeOffset now)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO creators (id, organization_id, name, email, is_active, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $6)
            """, connection, tx);
        var p = cmd.Parameters;
        p.AddWithValue(creatorId);
        p.AddWithValue(organizationId);
        p.AddWithValue(name);
        p.AddWithValue(NpgsqlDbType.Text, (object?)email ?? DBNull.Value);
        p.AddWithValue(isActive);
        p.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>An imported row's creator columns change the creator only where the row has them.</summary>
    private static async Task UpdateCreator(NpgsqlConnection connection, NpgsqlTransaction tx, Guid creatorId, CreatorImportRow row, DateTimeOffset now)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE creators SET name = coalesce($2, name), email = coalesce($3, email), is_active = coalesce($4, is_active), updated_at = $5
            WHERE id = $1
            """, connection, tx);
        var p = cmd.Parameters;
        p.AddWithValue(creatorId);
        p.AddWithValue(NpgsqlDbType.Text, (object?)row.Name ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)row.Email ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Boolean, row.IsActive is { } active ? active : DBNull.Value);
        p.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task InsertProfile(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, Guid creatorId, SocialProfileDraft profile, DateTimeOffset now)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO creator_social_profiles (id, organization_id, creator_id, platform, username, followers_declared,
                engagement_rate_declared, niches, location, bio, following_count, posts_count, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
            """, connection, tx);
        var p = cmd.Parameters;
        p.AddWithValue(TimeOrderedId.New());
        p.AddWithValue(organizationId);
        p.AddWithValue(creatorId);
        AddDeclared(p, profile);
        p.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task UpdateProfile(NpgsqlConnection connection, NpgsqlTransaction tx, Guid profileId, SocialProfileDraft profile, DateTimeOffset now)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE creator_social_profiles SET platform = $2, username = $3, followers_declared = $4, engagement_rate_declared = $5,
                niches = $6, location = $7, bio = $8, following_count = $9, posts_count = $10, updated_at = $11
            WHERE id = $1
            """, connection, tx);
        var p = cmd.Parameters;
        p.AddWithValue(profileId);
        AddDeclared(p, profile);
        p.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The declared columns in the order both profile writes list them.</summary>
    private static void AddDeclared(NpgsqlParameterCollection p, SocialProfileDraft profile)
    {
        p.AddWithValue(profile.Platform);
        p.AddWithValue(profile.Username);
        p.AddWithValue(NpgsqlDbType.Bigint, profile.FollowersDeclared is { } followers ? followers : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Numeric, profile.EngagementRateDeclared is { } rate ? rate : DBNull.Value);
        p.AddWithValue((profile.Niches ?? []).ToArray());
        p.AddWithValue(NpgsqlDbType.Text, (object?)profile.Location ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)profile.Bio ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Integer, profile.FollowingCount is { } following ? following : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Integer, profile.PostsCount is { } posts ? posts : DBNull.Value);
    }

    /// <summary>Reads and row-locks one profile of <paramref name="creatorId"/>.</summary>
    private static Task<(SocialProfileView Profile, Guid CreatorId)?> LockProfile(NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, Guid profileId, Guid creatorId) =>
        ReadLocked(new NpgsqlCommand(
            $"SELECT {ProfileColumns} FROM creator_social_profiles WHERE organization_id = $1 AND id = $2 AND creator_id = $3 FOR UPDATE",
            connection, tx), organizationId, profileId, creatorId);

    /// <summary>Reads and row-locks the organization's profile on this handle, matched case-insensitively.</summary>
    private static Task<(SocialProfileView Profile, Guid CreatorId)?> LockProfile(NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, string platform, string username) =>
        ReadLocked(new NpgsqlCommand(
            $"SELECT {ProfileColumns} FROM creator_social_profiles WHERE organization_id = $1 AND platform = $2 AND lower(username) = lower($3) FOR UPDATE",
            connection, tx), organizationId, platform, username);

    private static async Task<(SocialProfileView Profile, Guid CreatorId)?> ReadLocked(NpgsqlCommand command, params object[] parameters)
    {
        await using var cmd = command;
        foreach (var parameter in parameters)
        {
            cmd.Parameters.AddWithValue(parameter);
        }

        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (ReadProfile(r), r.GetGuid(18)) : null;
    }

    private static async Task<bool> CreatorExists(NpgsqlConnection connection, NpgsqlTransaction tx, Guid organizationId, Guid creatorId)
    {
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM creators WHERE id = $1 AND organization_id = $2 FOR UPDATE", connection, tx);
        cmd.Parameters.AddWithValue(creatorId);
        cmd.Parameters.AddWithValue(organizationId);
        return await cmd.ExecuteScalarAsync() is not null;
    }

    /// <summary>Creators from <paramref name="cmd"/> (id, name, email, is_active, created_at, updated_at), each with its profiles, in order.</summary>
    private async Task<IReadOnlyList<CreatorView>> ReadCreators(NpgsqlCommand cmd)
    {
        var rows = new List<(Guid Id, string Name, string? Email, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)>();
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                rows.Add((r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetBoolean(3),
                    r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<DateTimeOffset>(5)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        await using var profiles = db.CreateCommand($"SELECT {ProfileColumns} FROM creator_social_profiles WHERE creator_id = ANY($1) ORDER BY id");
        profiles.Parameters.AddWithValue(rows.Select(c => c.Id).ToArray());
        var byCreator = new Dictionary<Guid, List<SocialProfileView>>();
        await using (var r = await profiles.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                var creatorId = r.GetGuid(18);
                if (!byCreator.TryGetValue(creatorId, out var list))
                {
                    byCreator[creatorId] = list = [];
                }

                list.Add(ReadProfile(r));
            }
        }

        return rows.Select(c => new CreatorView(c.Id, c.Name, c.Email, c.IsActive, byCreator.GetValueOrDefault(c.Id) ?? [], c.CreatedAt, c.UpdatedAt)).ToList();
    }

    /// <summary>numeric(9,6) reads back as 0.042000; callers sent 0.042 and should see it again.</summary>
    private static decimal Rate(decimal stored) => stored / 1.000000000000000000000000000000000m;

    private static SocialProfileView ReadProfile(NpgsqlDataReader r) => new(
        Id: r.GetGuid(0),
        Platform: r.GetString(1),
        Username: r.GetString(2),
        FollowersDeclared: r.IsDBNull(3) ? null : r.GetInt64(3),
        FollowersVerified: r.IsDBNull(4) ? null : r.GetInt64(4),
        FollowersActual: r.IsDBNull(5) ? null : r.GetInt64(5),
        EngagementRateDeclared: r.IsDBNull(6) ? null : Rate(r.GetDecimal(6)),
        EngagementRateVerified: r.IsDBNull(7) ? null : Rate(r.GetDecimal(7)),
        EngagementRateActual: r.IsDBNull(8) ? null : Rate(r.GetDecimal(8)),
        Niches: r.GetFieldValue<string[]>(9),
        Location: r.IsDBNull(10) ? null : r.GetString(10),
        Bio: r.IsDBNull(11) ? null : r.GetString(11),
        FollowingCount: r.IsDBNull(12) ? null : r.GetInt32(12),
        PostsCount: r.IsDBNull(13) ? null : r.GetInt32(13),
        IsVerified: r.GetBoolean(14),
        LastVerifiedAt: r.IsDBNull(15) ? null : r.GetFieldValue<DateTimeOffset>(15),
        CreatedAt: r.GetFieldValue<DateTimeOffset>(16),
        UpdatedAt: r.GetFieldValue<DateTimeOffset>(17));
}
