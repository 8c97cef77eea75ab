-- Taking the top due Apify job in one statement (docs/domain/influencer.md#apify-jobs).
--
-- The take must check the organization's limits and count the call atomically, which locks the organization's
-- counter row in apify_rate_limits until the transaction commits. Done as six client round trips that lock was
-- held across all of them, so concurrent workers of one organization queued behind each other (measured in
-- docs/BENCHMARKS.md). As one function call the transaction is one statement, and the lock lasts that statement
-- plus the commit.
CREATE FUNCTION apify_take_next(only_org uuid, at timestamptz) RETURNS SETOF apify_jobs_queue
LANGUAGE plpgsql AS $$
DECLARE
    candidate_id uuid;
    candidate_org uuid;
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

        -- The row lock makes check-then-count atomic: two workers cannot both take the last call of the day.
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

        INSERT INTO apify_rate_limits AS l (organization_id, calls_day, calls_today, spend_month, usd_this_month, updated_at)
        VALUES (candidate_org, (at AT TIME ZONE 'UTC')::date, 1, date_trunc('month', at AT TIME ZONE 'UTC')::date, 0, at)
        ON CONFLICT (organization_id) DO UPDATE SET
            calls_today = CASE WHEN l.calls_day = EXCLUDED.calls_day THEN l.calls_today + 1 ELSE 1 END,
            calls_day = EXCLUDED.calls_day,
            usd_this_month = CASE WHEN l.spend_month = EXCLUDED.spend_month THEN l.usd_this_month ELSE 0 END,
            spend_month = EXCLUDED.spend_month,
            updated_at = EXCLUDED.updated_at;

        RETURN QUERY
            UPDATE apify_jobs_queue SET status = 'running', started_at = at, completed_at = NULL, updated_at = at
            WHERE id = candidate_id
            RETURNING *;
        RETURN;
    END LOOP;
END
$$;
