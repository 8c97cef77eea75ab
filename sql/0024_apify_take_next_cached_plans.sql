-- The queue take with plans it can keep (issue 3).
--
-- 0021 made apify_take_next re-plan its statements on every call, so that a plan made while the queue was empty (a
-- sequential scan) could not outlive the burst of jobs that follows an activation. Planning three statements per take,
-- plus the SQL helper functions it called (apify_limits_lock_shared, apify_record_usage), which PostgreSQL parses and
-- plans again on every call, left the take at ~850 µs of database time (pg_stat_statements in the influencer
-- benchmark, docs/BENCHMARKS.md). Here the helpers' statements are written inline, so PL/pgSQL caches their plans per
-- connection, and sequential scans are ruled out for this function's statements instead: every one of them looks rows
-- up by an index (the due-jobs index, a primary key, the usage key), which is the right plan for any size of table,
-- and a cached plan then stays right whatever the table held when it was made.
-- The contract and the order of locks are those of 0013.
CREATE OR REPLACE FUNCTION apify_take_next(only_org uuid, at timestamptz) RETURNS SETOF apify_jobs_queue
LANGUAGE plpgsql AS $$
DECLARE
    candidate_id uuid;
    candidate_org uuid;
    limited boolean;
    refusal text;
BEGIN
    -- A lost take is harmless (the job is simply pending again), so the take does not wait for the WAL flush; see
    -- AsynchronousCommit in src/Grains/Storage for the pipeline's rule.
    PERFORM set_config('synchronous_commit', 'off', true);
    LOOP
        SELECT q.id, q.organization_id INTO candidate_id, candidate_org
        FROM apify_jobs_queue q
        WHERE q.status = 'pending' AND q.scheduled_at <= at AND (only_org IS NULL OR q.organization_id = only_org)
        ORDER BY q.priority DESC, q.scheduled_at, q.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED;
        IF NOT FOUND THEN
            RETURN;
        END IF;

        -- apify_limits_lock_shared (0013), inline.
        PERFORM pg_advisory_xact_lock_shared(1095779929, hashtext(candidate_org::text));
        -- A new statement, so it sees limits committed before the lock was granted.
        SELECT l.calls_per_day IS NOT NULL OR l.usd_per_month IS NOT NULL INTO limited
        FROM apify_rate_limits l WHERE l.organization_id = candidate_org;

        IF limited THEN
            PERFORM 1 FROM apify_rate_limits l WHERE l.organization_id = candidate_org FOR UPDATE;
            refusal := apify_call_refusal(candidate_org, 1, at);
            IF refusal IS NOT NULL THEN
                UPDATE apify_jobs_queue SET status = 'held', held_reason = refusal, updated_at = at
                WHERE id IN (SELECT h.id FROM apify_jobs_queue h
                             WHERE h.organization_id = candidate_org AND h.status = 'pending' AND h.scheduled_at <= at
                             FOR UPDATE SKIP LOCKED);
                CONTINUE;
            END IF;
        END IF;

        -- apify_record_usage(candidate_org, 1, 0, at) (0013), inline.
        INSERT INTO apify_usage AS u (organization_id, day, shard, calls, usd)
        VALUES (candidate_org, (at AT TIME ZONE 'UTC')::date, apify_usage_shard(), 1, 0)
        ON CONFLICT (organization_id, day, shard) DO UPDATE SET calls = u.calls + EXCLUDED.calls;

        RETURN QUERY
            UPDATE apify_jobs_queue SET status = 'running', started_at = at, completed_at = NULL, updated_at = at
            WHERE id = candidate_id
            RETURNING *;
        RETURN;
    END LOOP;
END
$$;

ALTER FUNCTION apify_take_next(uuid, timestamptz) RESET plan_cache_mode;
ALTER FUNCTION apify_take_next(uuid, timestamptz) SET enable_seqscan = off;

-- The grain-state write looks its row up by the unique index in every case: the same reasoning, the same setting.
ALTER FUNCTION orleans_write_to_storage(integer, bigint, bigint, integer, text, text, text, integer, bytea) RESET plan_cache_mode;
ALTER FUNCTION orleans_write_to_storage(integer, bigint, bigint, integer, text, text, text, integer, bytea) SET enable_seqscan = off;
