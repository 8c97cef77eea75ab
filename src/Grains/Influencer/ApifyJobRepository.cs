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
/// All SQL for <c>apify_jobs_queue</c> (enqueue, the workers' take/complete/fail/hold, the API's reads and retry) and the
/// writes of <c>apify_usage</c>, which only the queue's take, complete and fail make: one writer per table
/// (docs/ARCHITECTURE.md, "One writer per table"); <see cref="ApifyLimitRepository"/> reads usage against the limits.
/// </summary>
/// <remarks>Over 400 lines because the queue's whole lifecycle is one table family: splitting the take from the fail
/// would put two writers on the same rows.</remarks>
public sealed class ApifyJobRepository(NpgsqlDataSource db, TimeProvider clock, ApifyRetryBackoff backoff)
{
    private const string Columns =
        "id, organization_id, job_type, platform, target, input::text, priority, status, held_reason, retry_count, max_retries, " +
        "error_message, result_data::text, estimated_cost, cost_usd, allocation_id, campaign_id, creator_profile_id, " +
        "scheduled_at, started_at, completed_at, created_at";

    private const int ColumnCount = 22;

    private const string OpenStatuses = "('pending', 'running', 'held')";

    /// <summary>
    /// Queues a new allocation's first jobs in one round trip, committed without waiting for the WAL flush: the caller
    /// writes its own state durably right after, which flushes these too. A job of a type already outstanding for the
    /// allocation is skipped, as in <see cref="Enqueue"/>.
    /// </summary>
    public async Task EnqueueFirst(Guid organizationId, IReadOnlyList<ApifyJobDraft> drafts)
    {
        var now = clock.UtcNowMicroseconds();
        var commands = new List<NpgsqlBatchCommand> { AsynchronousCommit.Command() };
        foreach (var draft in drafts)
        {
            var insert = new NpgsqlBatchCommand($"""
                INSERT INTO apify_jobs_queue (id, organization_id, job_type, platform, target, input, priority, status,
                    max_retries, allocation_id, campaign_id, creator_profile_id, scheduled_at, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, 'pending', $8, $9, $10, $11, $12, $12, $12)
                ON CONFLICT (allocation_id, job_type) WHERE allocation_id IS NOT NULL AND status IN {OpenStatuses} DO NOTHING
                """);
            AddInsertParameters(insert.Parameters, organizationId, TimeOrderedId.New(), draft, now);
            commands.Add(insert);
        }

        // Prepared, as an activation queues two jobs per creator: the conflict check is the partial unique index's.
        await using var batch = await PreparedBatch.Prepare(db, commands);
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Queues a job due now. While a job of the same type is outstanding for the allocation, returns that one instead
    /// (<see cref="EnqueuedJob.Created"/> false), so a repeated reminder tick does not duplicate work.
    /// </summary>
    public async Task<EnqueuedJob> Enqueue(Guid organizationId, Guid jobId, ApifyJobDraft draft)
    {
        // Two attempts: the open job found by the conflict can finish before it is read back, and then a new one is due.
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.UtcNowMicroseconds();
            await using (var insert = db.CreateCommand($"""
                INSERT INTO apify_jobs_queue (id, organization_id, job_type, platform, target, input, priority, status,
                    max_retries, allocation_id, campaign_id, creator_profile_id, scheduled_at, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, 'pending', $8, $9, $10, $11, $12, $12, $12)
                ON CONFLICT (allocation_id, job_type) WHERE allocation_id IS NOT NULL AND status IN {OpenStatuses} DO NOTHING
                RETURNING {Columns}
                """))
            {
                AddInsertParameters(insert.Parameters, organizationId, jobId, draft, now);
                if ((await ReadJobs(insert)).SingleOrDefault() is { } created)
                {
                    return new EnqueuedJob(created, true);
                }
            }

            await using var open = db.CreateCommand(
                $"SELECT {Columns} FROM apify_jobs_queue WHERE allocation_id = $1 AND job_type = $2 AND status IN {OpenStatuses}");
            open.Parameters.AddWithValue(draft.AllocationId!.Value);
            open.Parameters.AddWithValue(DbNames.Of(draft.JobType));
            var existing = (await ReadJobs(open)).SingleOrDefault();
            if (existing is not null)
            {
                return new EnqueuedJob(existing, false);
            }

            if (attempt == 1)
            {
                throw new InvalidOperationException("The outstanding job this enqueue conflicted with finished twice before it could be read.");
            }
        }
    }

    /// <summary>
    /// The top due job (priority, then earliest scheduled), marked running, in one transaction with
    /// <c>FOR UPDATE SKIP LOCKED</c> so concurrent workers never take the same job. The call is counted against the
    /// organization's limits as it is taken; an organization its limits refuse has its due jobs held with the reason.
    /// </summary>
    /// <param name="organizationId">Null takes across organizations (the worker); a value serves only that tenant.</param>
    public async Task<ApifyJob?> TakeNext(Guid? organizationId = null) => (await TakeNextWithFollowers(organizationId))?.Job;

    /// <summary>
    /// <see cref="TakeNext"/>, with the followers of the job's creator profile read in the same statement: a posts
    /// scrape needs them for the engagement rate of Instagram posts, and one round trip per job fewer adds up in a
    /// campaign of thousands of creators.
    /// </summary>
    public async Task<(ApifyJob Job, long? ProfileFollowers)?> TakeNextWithFollowers(Guid? organizationId = null)
    {
        // One call (sql/0011, counting as in sql/0013, plans as in sql/0024, the followers as in sql/0025): the call is
        // counted on this backend's shard of the organization's usage; only an organization with a limit locks its limits
        // row, for the statement and the commit. The followers are the profile's followers_actual (verified when known,
        // else declared), null when unknown or the profile is not the organization's. Prepared: the functions keep index
        // plans.
        var take = new NpgsqlBatchCommand($"""
            SELECT {Columns}, t.profile_followers
            FROM apify_take_next_with_followers($1, $2) t CROSS JOIN LATERAL (SELECT (t.job).*) j
            """);
        take.Parameters.AddWithValue(NpgsqlDbType.Uuid, organizationId is { } org ? org : DBNull.Value);
        take.Parameters.AddWithValue(clock.UtcNowMicroseconds());
        await using var batch = await PreparedBatch.Prepare(db, [take]);
        await using var r = await batch.ExecuteReaderAsync();
        return await r.ReadAsync() ? (ReadJob(r), r.IsDBNull(ColumnCount) ? null : r.GetInt64(ColumnCount)) : null;
    }

    /// <summary>A running job done: its result kept and Apify's cost added to the month's spend.</summary>
    /// <returns>False when the job was not running (already finished, or retried meanwhile).</returns>
    public async Task<bool> Complete(Guid jobId, string resultData, decimal costUsd)
    {
        // One call (sql/0025, as the statement of sql/0013): the cost goes to this backend's shard of the organization's
        // usage, so completes do not wait for each other or for takes; a run that cost nothing writes no usage at all.
        // Prepared, since every scrape completes a job: the function keeps its own plans, which use the indexes.
        var complete = new NpgsqlBatchCommand("SELECT apify_complete($1, $2, $3::jsonb, $4)");
        var p = complete.Parameters;
        p.AddWithValue(jobId);
        p.AddWithValue(clock.UtcNowMicroseconds());
        p.AddWithValue(resultData);
        p.AddWithValue(costUsd);
        await using var batch = await PreparedBatch.Prepare(db, [AsynchronousCommit.Command(), complete]);
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync(); // past the commit setting
        return await reader.ReadAsync() && reader.GetBoolean(0);
    }

    /// <summary>
    /// A running job's attempt failed: back to pending after <see cref="ApifyRetryBackoff"/> while retries remain,
    /// otherwise failed for good. The message is kept either way; a failed run's cost still counts.
    /// </summary>
    /// <returns>The job as it now is, or null when it was not running.</returns>
    public Task<ApifyJob?> Fail(Guid jobId, string errorMessage, decimal costUsd = 0m) =>
        FailRunning(jobId, _ => errorMessage, costUsd, startedBefore: null);

    /// <summary>
    /// Jobs left <c>running</c> longer than <paramref name="runningJobTimeout"/>, whose worker was lost with its silo,
    /// go back through <see cref="Fail"/>: counted as a failed attempt, retried after backoff or failed for good.
    /// Each job is re-checked under its row lock, so silos recovering at once count it once, and a job a worker
    /// finished meanwhile is left alone.
    /// </summary>
    /// <param name="runningJobTimeout">Longer than any run a live worker can still be in (<see cref="ApifyJobProcessor.RunBudget"/>).</param>
    /// <param name="organizationId">Null recovers across organizations (the worker); a value only that tenant's jobs.</param>
    /// <returns>How many jobs this call recovered.</returns>
    public async Task<int> RecoverAbandoned(TimeSpan runningJobTimeout, Guid? organizationId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(runningJobTimeout, TimeSpan.Zero);
        var cutoff = clock.UtcNowMicroseconds() - runningJobTimeout;
        var stuck = new List<Guid>();
        await using (var find = db.CreateCommand("""
            SELECT id FROM apify_jobs_queue
            WHERE status = 'running' AND started_at < $1 AND ($2::uuid IS NULL OR organization_id = $2)
            ORDER BY started_at
            LIMIT 1000
            """))
        {
            find.Parameters.AddWithValue(cutoff);
            find.Parameters.AddWithValue(NpgsqlDbType.Uuid, organizationId is { } org ? org : DBNull.Value);
            await using var reader = await find.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stuck.Add(reader.GetGuid(0));
            }
        }

        var lost = $"The job was still running after {Describe(runningJobTimeout)} with no worker finishing it (a silo probably stopped)";
        var recovered = 0;
        foreach (var jobId in stuck)
        {
            var job = await FailRunning(jobId, retries => retries ? lost + "; returned to the queue." : lost + "; no retries left.", 0m, cutoff);
            recovered += job is null ? 0 : 1;
        }

        return recovered;
    }

    /// <param name="message">The error to keep, given whether the job will be retried.</param>
    /// <param name="startedBefore">When set, only a job started before it is failed (checked under the row lock).</param>
    private async Task<ApifyJob?> FailRunning(Guid jobId, Func<bool, string> message, decimal costUsd, DateTimeOffset? startedBefore)
    {
        var now = clock.UtcNowMicroseconds();
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        Guid organizationId;
        int retryCount, maxRetries;
        // FOR UPDATE re-reads the row once a concurrent writer commits, so a job another silo already recovered or a
        // worker completed no longer matches.
        await using (var read = new NpgsqlCommand("""
            SELECT organization_id, retry_count, max_retries FROM apify_jobs_queue
            WHERE id = $1 AND status = 'running' AND ($2::timestamptz IS NULL OR started_at < $2)
            FOR UPDATE
            """, connection, tx))
        {
            read.Parameters.AddWithValue(jobId);
            read.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, startedBefore is { } before ? before : DBNull.Value);
            await using var reader = await read.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return null;
            }

            (organizationId, retryCount, maxRetries) = (reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2));
        }

        // As in the seed: retry while retry_count < max_retries, counting this failure.
        var retries = retryCount < maxRetries;
        await using var fail = new NpgsqlCommand($"""
            UPDATE apify_jobs_queue
            SET retry_count = retry_count + 1, error_message = $2, status = $3, updated_at = $4,
                scheduled_at = coalesce($5, scheduled_at), completed_at = CASE WHEN $3 = 'failed' THEN $4 END,
                cost_usd = coalesce(cost_usd, 0) + $6
            WHERE id = $1
            RETURNING {Columns}
            """, connection, tx);
        var p = fail.Parameters;
        p.AddWithValue(jobId);
        p.AddWithValue(message(retries));
        p.AddWithValue(DbNames.Of(retries ? ApifyJobStatus.Pending : ApifyJobStatus.Failed));
        p.AddWithValue(now);
        p.AddWithValue(NpgsqlDbType.TimestampTz, retries ? now + backoff.After(retryCount + 1) : DBNull.Value);
        p.AddWithValue(costUsd);
        var job = (await ReadJobs(fail)).Single();
        if (costUsd > 0)
        {
            await RecordUsage(connection, tx, organizationId, calls: 0, costUsd, now);
        }

        await tx.CommitAsync();
        return job;
    }

    /// <summary>
    /// A running job that cannot proceed for a reason outside the limits (no Apify token): held with the reason. The call
    /// counted when it was taken stays counted; over-counting a rare hold is safer than letting workers overspend.
    /// </summary>
    public async Task<bool> Hold(Guid jobId, string reason)
    {
        var now = clock.UtcNowMicroseconds();
        await using var hold = db.CreateCommand("""
            UPDATE apify_jobs_queue SET status = 'held', held_reason = $2, started_at = NULL, updated_at = $3
            WHERE id = $1 AND status = 'running'
            """);
        hold.Parameters.AddWithValue(jobId);
        hold.Parameters.AddWithValue(reason);
        hold.Parameters.AddWithValue(now);
        return await hold.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>
    /// Held jobs back to pending for every organization whose limits now allow a call (a new day or month, a raised
    /// limit). A job held for another reason is released too and is held again by the worker if that still holds.
    /// </summary>
    public async Task<int> ReleaseHeld(Guid? organizationId = null)
    {
        var now = clock.UtcNowMicroseconds();
        // The refusal sums the organization's usage over its shards, so it is worked out once per organization with held
        // jobs rather than once per held job.
        await using var release = db.CreateCommand("""
            WITH held_orgs AS MATERIALIZED (
                SELECT DISTINCT organization_id FROM apify_jobs_queue
                WHERE status = 'held' AND ($2::uuid IS NULL OR organization_id = $2)
            ), allowed AS MATERIALIZED (
                SELECT organization_id FROM held_orgs WHERE apify_call_refusal(organization_id, 1, $1) IS NULL
            )
            UPDATE apify_jobs_queue q SET status = 'pending', held_reason = NULL, updated_at = $1
            FROM allowed a
            WHERE q.organization_id = a.organization_id AND q.status = 'held'
            """);
        release.Parameters.AddWithValue(now);
        release.Parameters.AddWithValue(NpgsqlDbType.Uuid, organizationId is { } org ? org : DBNull.Value);
        return await release.ExecuteNonQueryAsync();
    }

    public async Task<ApifyJob?> Get(Guid organizationId, Guid jobId)
    {
        await using var get = db.CreateCommand($"SELECT {Columns} FROM apify_jobs_queue WHERE id = $1 AND organization_id = $2");
        get.Parameters.AddWithValue(jobId);
        get.Parameters.AddWithValue(organizationId);
        return (await ReadJobs(get)).SingleOrDefault();
    }

    /// <summary>Newest first, keyset-paginated on the time-ordered id.</summary>
    public async Task<Page<ApifyJob>> List(Guid organizationId, ApifyJobQuery query)
    {
        await using var list = db.CreateCommand($"""
            SELECT {Columns} FROM apify_jobs_queue
            WHERE organization_id = $1
              AND ($2::uuid IS NULL OR id < $2)
              AND ($3::text IS NULL OR status = $3)
              AND ($4::text IS NULL OR job_type = $4)
              AND ($5::uuid IS NULL OR allocation_id = $5)
              AND ($6::uuid IS NULL OR campaign_id = $6)
            ORDER BY id DESC
            LIMIT $7
            """);
        var p = list.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(NpgsqlDbType.Uuid, query.After is { } after ? after : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, query.Status is { } status ? DbNames.Of(status) : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, query.JobType is { } type ? DbNames.Of(type) : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, query.AllocationId is { } allocation ? allocation : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, query.CampaignId is { } campaign ? campaign : DBNull.Value);
        p.AddWithValue(Keyset.RowsToFetch(query.Limit));

        var (items, next) = Keyset.Page(await ReadJobs(list), query.Limit, job => job.Id);
        return new Page<ApifyJob>(items, next);
    }

    /// <summary>A failed job back to pending, due now, with its retries reset; the last error stays until it runs again.</summary>
    /// <returns>The retried job; or, when it was not retried, the status that refused it (none when there is no such job).</returns>
    public async Task<JobRetry> Retry(Guid organizationId, Guid jobId)
    {
        var now = clock.UtcNowMicroseconds();
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var current = new NpgsqlCommand(
            "SELECT status FROM apify_jobs_queue WHERE id = $1 AND organization_id = $2 FOR UPDATE", connection, tx))
        {
            current.Parameters.AddWithValue(jobId);
            current.Parameters.AddWithValue(organizationId);
            switch (await current.ExecuteScalarAsync())
            {
                case null:
                    return new JobRetry(CommandOutcome.NotFound);
                case string status when status != DbNames.Of(ApifyJobStatus.Failed):
                    return new JobRetry(CommandOutcome.Conflict, RefusedStatus: DbNames.From<ApifyJobStatus>(status));
            }
        }

        await using var retry = new NpgsqlCommand($"""
            UPDATE apify_jobs_queue
            SET status = 'pending', retry_count = 0, scheduled_at = $2, started_at = NULL, completed_at = NULL, updated_at = $2
            WHERE id = $1
            RETURNING {Columns}
            """, connection, tx);
        retry.Parameters.AddWithValue(jobId);
        retry.Parameters.AddWithValue(now);
        var job = (await ReadJobs(retry)).Single();
        await tx.CommitAsync();
        return new JobRetry(CommandOutcome.Ok, job);
    }

    /// <summary>
    /// Adds calls and cost at <paramref name="at"/> to the organization's usage, on this connection's shard (no lock on
    /// a row other connections use). Usage of an earlier day or month is kept and no longer read as today's or this month's.
    /// </summary>
    private static async Task RecordUsage(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid organizationId, int calls, decimal costUsd, DateTimeOffset at)
    {
        await using var record = new NpgsqlCommand("SELECT apify_record_usage($1, $2, $3, $4)", connection, tx);
        var p = record.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue(calls);
        p.AddWithValue(costUsd);
        p.AddWithValue(at);
        await record.ExecuteNonQueryAsync();
    }

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalMinutes: 1 } => "1 minute",
        { Ticks: var ticks } when ticks % TimeSpan.TicksPerMinute == 0 => $"{span.TotalMinutes:0} minutes",
        { Ticks: var ticks } when ticks % TimeSpan.TicksPerSecond == 0 => $"{span.TotalSeconds:0} seconds",
        _ => span.ToString(),
    };

    private static void AddInsertParameters(NpgsqlParameterCollection p, Guid organizationId, Guid jobId, ApifyJobDraft draft, DateTimeOffset now)
    {
        p.AddWithValue(jobId);
        p.AddWithValue(organizationId);
        p.AddWithValue(DbNames.Of(draft.JobType));
        p.AddWithValue(DbNames.Of(draft.Platform));
        p.AddWithValue(draft.Target);
        p.AddWithValue(draft.Input);
        p.AddWithValue(draft.Priority);
        p.AddWithValue(draft.MaxRetries);
        p.AddWithValue(NpgsqlDbType.Uuid, draft.AllocationId is { } allocation ? allocation : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, draft.CampaignId is { } campaign ? campaign : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Uuid, draft.CreatorProfileId is { } profile ? profile : DBNull.Value);
        p.AddWithValue(now);
    }

    private static async Task<List<ApifyJob>> ReadJobs(NpgsqlCommand command)
    {
        var jobs = new List<ApifyJob>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            jobs.Add(ReadJob(r));
        }

        return jobs;
    }

    /// <summary>A job from the first <see cref="ColumnCount"/> columns of <see cref="Columns"/>.</summary>
    private static ApifyJob ReadJob(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), DbNames.From<ApifyJobType>(r.GetString(2)), DbNames.From<SocialPlatform>(r.GetString(3)), r.GetString(4),
        r.GetString(5), r.GetInt32(6), DbNames.From<ApifyJobStatus>(r.GetString(7)), NullableText(r, 8), r.GetInt32(9), r.GetInt32(10),
        NullableText(r, 11), NullableText(r, 12), r.GetInt32(13), r.IsDBNull(14) ? null : r.GetDecimal(14),
        NullableGuid(r, 15), NullableGuid(r, 16), NullableGuid(r, 17),
        r.GetFieldValue<DateTimeOffset>(18), NullableInstant(r, 19), NullableInstant(r, 20), r.GetFieldValue<DateTimeOffset>(21));

    private static string? NullableText(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static Guid? NullableGuid(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);

    private static DateTimeOffset? NullableInstant(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
