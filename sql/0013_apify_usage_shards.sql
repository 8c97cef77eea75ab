-- Apify usage counted in sharded rows instead of the organization's one apify_rate_limits row (issue 3).
--
-- Every take counted its call on the organization's single counter row, so concurrent workers of one organization
-- queued on that row's lock (Lock:transactionid / Lock:tuple, measured in docs/BENCHMARKS.md). Usage now goes to
-- apify_usage, one row per organization, UTC day and shard; a backend writes the shard of its process id, so
-- concurrent backends update different rows. An organization without limits never locks a shared row to take a job.
-- An organization with a limit still locks its apify_rate_limits row in the take and checks the sums over the shards
-- under that lock before counting, so check-then-count stays atomic: two workers cannot both take the last call.

CREATE TABLE apify_usage (
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    day              date NOT NULL, -- UTC
    shard            smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
    calls            integer NOT NULL DEFAULT 0 CHECK (calls >= 0),
    usd              numeric(14, 6) NOT NULL DEFAULT 0 CHECK (usd >= 0),
    PRIMARY KEY (organization_id, day, shard)
);

-- The shard a backend counts on: its process id spreads the pool's connections over the rows. Two backends that
-- share a shard only wait for each other there, never for the whole organization.
CREATE FUNCTION apify_usage_shard() RETURNS smallint
LANGUAGE sql STABLE AS $$ SELECT (pg_backend_pid() % 16)::smallint $$;

-- Adds calls and spend to the organization's usage at `at` on this backend's shard (an upsert on a row no other
-- backend of the pool normally touches).
CREATE FUNCTION apify_record_usage(org uuid, calls integer, usd numeric, at timestamptz) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO apify_usage AS u (organization_id, day, shard, calls, usd)
    VALUES (apify_record_usage.org, (apify_record_usage.at AT TIME ZONE 'UTC')::date, apify_usage_shard(),
            apify_record_usage.calls, apify_record_usage.usd)
    ON CONFLICT (organization_id, day, shard) DO UPDATE SET calls = u.calls + EXCLUDED.calls, usd = u.usd + EXCLUDED.usd
$$;

-- An advisory lock per organization guarding its limits (transaction-scoped: released at commit, nothing left on
-- the pooled connection). Takes hold it shared, so they never wait for each other on it; a change of the limits holds it
-- exclusive. The key is a class of this table's own (0x41504659, "APFY") and a hash of the id: two organizations whose
-- ids collide only make a limit change wait for the other's takes in flight too.
CREATE FUNCTION apify_limits_lock_shared(org uuid) RETURNS void
LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock_shared(1095779929, hashtext(apify_limits_lock_shared.org::text)) $$;

CREATE FUNCTION apify_limits_lock(org uuid) RETURNS void
LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(1095779929, hashtext(apify_limits_lock.org::text)) $$;

-- The counters kept so far move over, so nothing counted is lost: the calls on the day they belong to, the month's
-- spend on the month's first day (only monthly sums of spend are ever read). Counters of an earlier day or month read
-- as zero either way.
INSERT INTO apify_usage (organization_id, day, shard, calls, usd)
SELECT organization_id, day, 0, sum(calls), sum(usd)
FROM (SELECT organization_id, calls_day AS day, calls_today AS calls, 0 AS usd FROM apify_rate_limits WHERE calls_today > 0
      UNION ALL
      SELECT organization_id, spend_month, 0, usd_this_month FROM apify_rate_limits WHERE usd_this_month > 0) counters
GROUP BY organization_id, day;

-- apify_rate_limits keeps only the limits: one row per organization that has set them; no row (or both NULL) means
-- no limits. Leaving the old counters would leave a second, stale copy of the usage.
ALTER TABLE apify_rate_limits
    DROP COLUMN calls_day, DROP COLUMN calls_today, DROP COLUMN spend_month, DROP COLUMN usd_this_month;

-- Calls made on `at`'s UTC day and spend in its UTC month, summed over the shards.
CREATE FUNCTION apify_usage_at(org uuid, at timestamptz, OUT calls_today bigint, OUT usd_this_month numeric)
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(u.calls) FILTER (WHERE u.day = (apify_usage_at.at AT TIME ZONE 'UTC')::date), 0),
           coalesce(sum(u.usd), 0)
    FROM apify_usage u
    WHERE u.organization_id = apify_usage_at.org
      AND u.day >= date_trunc('month', apify_usage_at.at AT TIME ZONE 'UTC')::date
      AND u.day < (date_trunc('month', apify_usage_at.at AT TIME ZONE 'UTC') + interval '1 month')::date
$$;

-- Same contract as in 0008: why the organization may not make `calls` more Apify calls at `at`, or NULL when it may.
-- Usage is summed only for an organization with a limit; without one nothing can be refused.
CREATE OR REPLACE FUNCTION apify_call_refusal(org uuid, calls integer, at timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN l.calls_per_day IS NOT NULL AND used.calls_today + apify_call_refusal.calls > l.calls_per_day
            THEN format('Daily Apify call limit reached: %s of %s calls used on %s (UTC).',
                        used.calls_today, l.calls_per_day, (apify_call_refusal.at AT TIME ZONE 'UTC')::date)
        WHEN l.usd_per_month IS NOT NULL AND used.usd_this_month >= l.usd_per_month
            THEN format('Monthly Apify budget reached: %s of %s USD spent in %s (UTC).',
                        round(used.usd_this_month, 2), l.usd_per_month,
                        to_char(apify_call_refusal.at AT TIME ZONE 'UTC', 'YYYY-MM'))
    END
    FROM apify_rate_limits l, LATERAL apify_usage_at(l.organization_id, apify_call_refusal.at) used
    WHERE l.organization_id = apify_call_refusal.org AND (l.calls_per_day IS NOT NULL OR l.usd_per_month IS NOT NULL)
$$;

-- can_make_apify_call (0008) calls apify_call_refusal and needs no change.

-- The take of 0011, counting on the shards. Order of locks, so that a limit takes effect exactly:
--   1. the job row (FOR UPDATE SKIP LOCKED), as before;
--   2. a shared transaction advisory lock on the organization: takes of an organization never wait for each other on
--      it, but a change of its limits (ApifyLimitRepository.Put, exclusive) waits for the takes in flight and the takes
--      after it read the new limits; otherwise a take that read "no limit" could count past a limit set meanwhile;
--   3. only when the organization has a limit: its apify_rate_limits row FOR UPDATE, then the sums, then the count.
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

        PERFORM apify_limits_lock_shared(candidate_org);
        -- A new statement, so it sees limits committed before the lock was granted.
        SELECT l.calls_per_day IS NOT NULL OR l.usd_per_month IS NOT NULL INTO limited
        FROM apify_rate_limits l WHERE l.organization_id = candidate_org;

        IF limited THEN
            -- The row lock makes check-then-count atomic among the organization's takes; each sums the shards in a
            -- statement after the lock is granted, so it sees the call the previous holder counted.
            PERFORM 1 FROM apify_rate_limits l WHERE l.organization_id = candidate_org FOR UPDATE;
            refusal := apify_call_refusal(candidate_org, 1, at);
            IF refusal IS NOT NULL THEN
                -- Every due job of the organization meets the same refusal: hold them together rather than one per take.
                UPDATE apify_jobs_queue SET status = 'held', held_reason = refusal, updated_at = at
                WHERE id IN (SELECT h.id FROM apify_jobs_queue h
                             WHERE h.organization_id = candidate_org AND h.status = 'pending' AND h.scheduled_at <= at
                             FOR UPDATE SKIP LOCKED);
                CONTINUE;
            END IF;
        END IF;

        PERFORM apify_record_usage(candidate_org, 1, 0, at);

        RETURN QUERY
            UPDATE apify_jobs_queue SET status = 'running', started_at = at, completed_at = NULL, updated_at = at
            WHERE id = candidate_id
            RETURNING *;
        RETURN;
    END LOOP;
END
$$;
