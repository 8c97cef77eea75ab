-- Apify job queue and per-organization spending limits (docs/domain/influencer.md#apify-jobs).
-- Workers in the silo take the top due job with FOR UPDATE SKIP LOCKED; a job refused by a limit is
-- held with the reason instead of failing, and released when the limit allows again.

CREATE TABLE apify_jobs_queue (
    id                  uuid PRIMARY KEY,
    organization_id     uuid NOT NULL REFERENCES organizations (id),
    job_type            text NOT NULL CHECK (job_type IN ('profile_scrape', 'posts_scrape')),
    platform            text NOT NULL,
    target              text NOT NULL CHECK (length(target) BETWEEN 1 AND 200), -- the username or profile scraped
    -- The actor input, such as startDate and limit (docs/domain/influencer.md#apify-jobs).
    input               jsonb NOT NULL DEFAULT '{}',
    priority            integer NOT NULL CHECK (priority BETWEEN 0 AND 100),
    status              text NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'held')),
    held_reason         text,
    retry_count         integer NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
    max_retries         integer NOT NULL DEFAULT 3 CHECK (max_retries BETWEEN 0 AND 20),
    error_message       text,
    result_data         jsonb,
    estimated_cost      integer NOT NULL DEFAULT 1 CHECK (estimated_cost >= 0), -- Apify calls
    cost_usd            numeric(12, 6) CHECK (cost_usd >= 0), -- Apify's usageTotalUsd of the run that completed it
    -- Allocations are grains without a table yet, so these are plain references rather than foreign keys.
    allocation_id       uuid,
    campaign_id         uuid,
    creator_profile_id  uuid,
    scheduled_at        timestamptz NOT NULL, -- not taken before; pushed back by retry backoff
    started_at          timestamptz,
    completed_at        timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK ((status = 'held') = (held_reason IS NOT NULL))
);

-- The worker's "top due job": partial on pending, in the ORDER BY of the take, so FOR UPDATE SKIP LOCKED
-- walks the index from the first row and stops at the first unlocked due one.
CREATE INDEX apify_jobs_queue_due ON apify_jobs_queue (priority DESC, scheduled_at, id) WHERE status = 'pending';
-- Enqueue is idempotent per (allocation, job_type) while a job is outstanding: a repeated reminder tick
-- finds the open job instead of adding a second one. Held jobs count as outstanding work.
CREATE UNIQUE INDEX apify_jobs_queue_open_per_allocation ON apify_jobs_queue (allocation_id, job_type)
    WHERE allocation_id IS NOT NULL AND status IN ('pending', 'running', 'held');
-- Listing: newest first per organization (ids are UUIDv7); release of held jobs per organization.
CREATE INDEX apify_jobs_queue_org_id ON apify_jobs_queue (organization_id, id DESC);
CREATE INDEX apify_jobs_queue_held ON apify_jobs_queue (organization_id) WHERE status = 'held';

-- One row per organization that has set a limit or made a call; no row means no limits and no calls.
-- Counters belong to the UTC day / month they name; a counter of an earlier period reads as zero.
CREATE TABLE apify_rate_limits (
    organization_id  uuid PRIMARY KEY REFERENCES organizations (id),
    calls_per_day    integer CHECK (calls_per_day >= 0),        -- NULL: no daily limit
    usd_per_month    numeric(12, 2) CHECK (usd_per_month >= 0), -- NULL: no monthly budget
    calls_day        date NOT NULL,
    calls_today      integer NOT NULL DEFAULT 0 CHECK (calls_today >= 0),
    spend_month      date NOT NULL, -- the first day of the month usd_this_month belongs to
    usd_this_month   numeric(14, 6) NOT NULL DEFAULT 0 CHECK (usd_this_month >= 0),
    updated_at       timestamptz NOT NULL
);

-- Why the organization may not make `calls` more Apify calls at `at`, or NULL when it may.
-- Parameters are qualified with the function's name: in SQL functions a column of the same name would win.
CREATE FUNCTION apify_call_refusal(org uuid, calls integer, at timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN l.calls_per_day IS NOT NULL AND used.calls_used + apify_call_refusal.calls > l.calls_per_day
            THEN format('Daily Apify call limit reached: %s of %s calls used on %s (UTC).',
                        used.calls_used, l.calls_per_day, period.day)
        WHEN l.usd_per_month IS NOT NULL AND used.usd_used >= l.usd_per_month
            THEN format('Monthly Apify budget reached: %s of %s USD spent in %s (UTC).',
                        round(used.usd_used, 2), l.usd_per_month, to_char(period.month, 'YYYY-MM'))
    END
    FROM apify_rate_limits l,
         LATERAL (SELECT (apify_call_refusal.at AT TIME ZONE 'UTC')::date AS day,
                         date_trunc('month', apify_call_refusal.at AT TIME ZONE 'UTC')::date AS month) period,
         LATERAL (SELECT CASE WHEN l.calls_day = period.day THEN l.calls_today ELSE 0 END AS calls_used,
                         CASE WHEN l.spend_month = period.month THEN l.usd_this_month ELSE 0 END AS usd_used) used
    WHERE l.organization_id = apify_call_refusal.org
$$;

-- Per organization: true when the calls fit today's limit and the month's budget (docs/domain/influencer.md#apify-jobs).
CREATE FUNCTION can_make_apify_call(org uuid, calls integer, at timestamptz DEFAULT now()) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT apify_call_refusal(can_make_apify_call.org, can_make_apify_call.calls, can_make_apify_call.at) IS NULL
$$;
