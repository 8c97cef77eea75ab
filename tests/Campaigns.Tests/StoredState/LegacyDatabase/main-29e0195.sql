--
-- PostgreSQL database dump
--

\restrict nWw9P59mBSXzmfyGthJd1xeurqsnfFQAtHKmvgYg6uLBPAmCZ05i1ZCzKSleIAR

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: allocation_counted_posts(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.allocation_counted_posts(p_allocation uuid) RETURNS TABLE(platform text, platform_post_id text, likes bigint, comments bigint, shares bigint, views bigint, engagement_rate double precision, reach bigint, impressions bigint, published_at timestamp with time zone, followers_at_scrape bigint)
    LANGUAGE plpgsql STABLE
    SET enable_seqscan TO 'off'
    AS $$
BEGIN
    RETURN QUERY
        SELECT p.platform, p.platform_post_id, p.likes, p.comments, p.shares, p.views, p.engagement_rate, p.reach,
               p.impressions, p.published_at, p.followers_at_scrape
        FROM campaign_posts cp
        -- OFFSET 0 keeps the subquery from being merged into a plain join, so the allocation's rows drive and each
        -- post is fetched by its key: a plan that walked the posts' key index in id order instead (no sort needed)
        -- was what a generic plan picked while the tables were small.
        CROSS JOIN LATERAL (SELECT * FROM posts WHERE posts.id = cp.post_id OFFSET 0) p
        WHERE cp.allocation_id = p_allocation
          AND (cp.decision = 'confirmed' OR (cp.decision = 'pending' AND cp.auto_matched))
        ORDER BY p.id;
END
$$;


--
-- Name: apify_call_refusal(uuid, integer, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.apify_call_refusal(org uuid, calls integer, at timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE
    AS $$
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


--
-- Name: apify_complete(uuid, timestamp with time zone, jsonb, numeric); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.apify_complete(p_job uuid, p_at timestamp with time zone, p_result jsonb, p_cost numeric) RETURNS boolean
    LANGUAGE plpgsql
    SET enable_seqscan TO 'off'
    AS $$
DECLARE
    org uuid;
BEGIN
    UPDATE apify_jobs_queue
    SET status = 'completed', completed_at = p_at, result_data = p_result, cost_usd = p_cost, error_message = NULL,
        updated_at = p_at
    WHERE id = p_job AND status = 'running'
    RETURNING organization_id INTO org;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    IF p_cost > 0 THEN
        INSERT INTO apify_usage AS u (organization_id, day, shard, calls, usd)
        VALUES (org, (p_at AT TIME ZONE 'UTC')::date, apify_usage_shard(), 0, p_cost)
        ON CONFLICT (organization_id, day, shard) DO UPDATE SET usd = u.usd + EXCLUDED.usd;
    END IF;
    RETURN true;
END
$$;


--
-- Name: apify_limits_lock(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.apify_limits_lock(org uuid) RETURNS void
    LANGUAGE sql
    AS $$ SELECT pg_advisory_xact_lock(1095779929, hashtext(apify_limits_lock.org::text)) $$;


--
-- Name: apify_limits_lock_shared(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.apify_limits_lock_shared(org uuid) RETURNS void
    LANGUAGE sql
    AS $$ SELECT pg_advisory_xact_lock_shared(1095779929, hashtext(apify_limits_lock_shared.org::text)) $$;


--
-- Name: apify_record_usage(uuid, integer, numeric, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.apify_record_usage(org uuid, calls integer, usd numeric, at timestamp with time zone) RETURNS void
    LANGUAGE sql
    AS $$
    INSERT INTO apify_usage AS u (organization_id, day, shard, calls, usd)
    VALUES (apify_record_usage.org, (apify_record_usage.at AT TIME ZONE 'UTC')::date, apify_usage_shard(),
            apify_record_usage.calls, apify_record_usage.usd)
    ON CONFLICT (organization_id, day, shard) DO UPDATE SET calls = u.calls + EXCLUDED.calls, usd = u.usd + EXCLUDED.usd
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: apify_jobs_queue; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.apify_jobs_queue (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    job_type text NOT NULL,
    platform text NOT NULL,
    target text NOT NULL,
    input jsonb DEFAULT '{}'::jsonb NOT NULL,
    priority integer NOT NULL,
    status text NOT NULL,
    held_reason text,
    retry_count integer DEFAULT 0 NOT NULL,
    max_retries integer DEFAULT 3 NOT NULL,
    error_message text,
    result_data jsonb,
    estimated_cost integer DEFAULT 1 NOT NULL,
    cost_usd numeric(12,6),
    allocation_id uuid,
    campaign_id uuid,
    creator_profile_id uuid,
    scheduled_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT apify_jobs_queue_check CHECK (((status = 'held'::text) = (held_reason IS NOT NULL))),
    CONSTRAINT apify_jobs_queue_cost_usd_check CHECK ((cost_usd >= (0)::numeric)),
    CONSTRAINT apify_jobs_queue_estimated_cost_check CHECK ((estimated_cost >= 0)),
    CONSTRAINT apify_jobs_queue_job_type_check CHECK ((job_type = ANY (ARRAY['profile_scrape'::text, 'posts_scrape'::text]))),
    CONSTRAINT apify_jobs_queue_max_retries_check CHECK (((max_retries >= 0) AND (max_retries <= 20))),
    CONSTRAINT apify_jobs_queue_priority_check CHECK (((priority >= 0) AND (priority <= 100))),
    CONSTRAINT apify_jobs_queue_retry_count_check CHECK ((retry_count >= 0)),
    CONSTRAINT apify_jobs_queue_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'running'::text, 'completed'::text, 'failed'::text, 'held'::text]))),
    CONSTRAINT apify_jobs_queue_target_check CHECK (((length(target) >= 1) AND (length(target) <= 200)))
);


--
-- Name: apify_take_next(uuid, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.apify_take_next(only_org uuid, at timestamp with time zone) RETURNS SETOF public.apify_jobs_queue
    LANGUAGE plpgsql
    SET enable_seqscan TO 'off'
    AS $$
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


--
-- Name: apify_take_next_with_followers(uuid, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.apify_take_next_with_followers(only_org uuid, at timestamp with time zone) RETURNS TABLE(job public.apify_jobs_queue, profile_followers bigint)
    LANGUAGE plpgsql
    SET enable_seqscan TO 'off'
    AS $$
DECLARE
    taken apify_jobs_queue;
BEGIN
    SELECT * INTO taken FROM apify_take_next(only_org, at);
    IF NOT FOUND THEN
        RETURN;
    END IF;

    -- Null when unknown, or when the profile is not the organization's.
    RETURN QUERY
        SELECT taken, (SELECT p.followers_actual
                       FROM (SELECT followers_actual, organization_id FROM creator_social_profiles
                             WHERE id = taken.creator_profile_id OFFSET 0) p
                       WHERE p.organization_id = taken.organization_id);
END
$$;


--
-- Name: apify_usage_at(uuid, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.apify_usage_at(org uuid, at timestamp with time zone, OUT calls_today bigint, OUT usd_this_month numeric) RETURNS record
    LANGUAGE sql STABLE
    AS $$
    SELECT coalesce(sum(u.calls) FILTER (WHERE u.day = (apify_usage_at.at AT TIME ZONE 'UTC')::date), 0),
           coalesce(sum(u.usd), 0)
    FROM apify_usage u
    WHERE u.organization_id = apify_usage_at.org
      AND u.day >= date_trunc('month', apify_usage_at.at AT TIME ZONE 'UTC')::date
      AND u.day < (date_trunc('month', apify_usage_at.at AT TIME ZONE 'UTC') + interval '1 month')::date
$$;


--
-- Name: apify_usage_shard(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.apify_usage_shard() RETURNS smallint
    LANGUAGE sql STABLE
    AS $$ SELECT (pg_backend_pid() % 16)::smallint $$;


--
-- Name: campaign_posts_record_matches(uuid, uuid, uuid, uuid[], uuid[], double precision[], boolean[], text[], text[], jsonb[], text[], timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.campaign_posts_record_matches(p_org uuid, p_allocation uuid, p_campaign uuid, p_ids uuid[], p_post_ids uuid[], p_confidence double precision[], p_auto_matched boolean[], p_verdicts text[], p_reasons text[], p_signals jsonb[], p_missing_required text[], p_at timestamp with time zone) RETURNS void
    LANGUAGE plpgsql
    SET enable_seqscan TO 'off'
    AS $$
BEGIN
    INSERT INTO campaign_posts (id, organization_id, allocation_id, campaign_id, post_id, confidence, auto_matched,
        verdict, reason, signals, missing_required, detection, created_at, updated_at)
    SELECT m.id, p.organization_id, p_allocation, p_campaign, m.post_id, m.confidence, m.auto_matched, m.verdict,
           m.reason, m.signals, m.missing_required::text[], 'auto', p_at, p_at
    FROM unnest(p_ids, p_post_ids, p_confidence, p_auto_matched, p_verdicts, p_reasons, p_signals, p_missing_required)
         AS m(id, post_id, confidence, auto_matched, verdict, reason, signals, missing_required)
    CROSS JOIN LATERAL (SELECT posts.organization_id FROM posts WHERE posts.id = m.post_id OFFSET 0) p
    -- Posts of another organization are ignored.
    WHERE p.organization_id = p_org
    ORDER BY m.post_id
    ON CONFLICT (allocation_id, post_id) DO UPDATE SET
        confidence = EXCLUDED.confidence,
        auto_matched = EXCLUDED.auto_matched,
        verdict = EXCLUDED.verdict,
        reason = EXCLUDED.reason,
        signals = EXCLUDED.signals,
        missing_required = EXCLUDED.missing_required,
        updated_at = EXCLUDED.updated_at
    -- A re-scrape (every 12 hours while monitored) mostly finds the same verdicts: leave those rows unwritten.
    WHERE (campaign_posts.confidence, campaign_posts.auto_matched, campaign_posts.verdict, campaign_posts.reason,
           campaign_posts.signals, campaign_posts.missing_required)
          IS DISTINCT FROM (EXCLUDED.confidence, EXCLUDED.auto_matched, EXCLUDED.verdict, EXCLUDED.reason,
                            EXCLUDED.signals, EXCLUDED.missing_required);
END
$$;


--
-- Name: can_make_apify_call(uuid, integer, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.can_make_apify_call(org uuid, calls integer, at timestamp with time zone DEFAULT now()) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT apify_call_refusal(can_make_apify_call.org, can_make_apify_call.calls, can_make_apify_call.at) IS NULL
$$;


--
-- Name: orleans_insert_membership(text, text, integer, integer, text, text, integer, integer, timestamp with time zone, timestamp with time zone, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.orleans_insert_membership(p_deployment_id text, p_address text, p_port integer, p_generation integer, p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer, p_start_time timestamp with time zone, p_i_am_alive_time timestamp with time zone, p_version integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM 1
    FROM orleansmembershipversiontable
    WHERE deploymentid = p_deployment_id
      AND version = p_version
    FOR UPDATE;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname,
         status, proxyport, starttime, iamalivetime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershipversiontable
    SET version = version + 1,
        timestamp = now()
    WHERE deploymentid = p_deployment_id;

    RETURN 1;
END
$$;


--
-- Name: orleans_update_membership(text, text, integer, integer, integer, text, timestamp with time zone, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.orleans_update_membership(p_deployment_id text, p_address text, p_port integer, p_generation integer, p_status integer, p_suspect_times text, p_i_am_alive_time timestamp with time zone, p_version integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM 1
    FROM orleansmembershipversiontable
    WHERE deploymentid = p_deployment_id
      AND version = p_version
    FOR UPDATE;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershiptable
    SET status = p_status,
        suspecttimes = p_suspect_times,
        iamalivetime = p_i_am_alive_time
    WHERE deploymentid = p_deployment_id
      AND address = p_address
      AND port = p_port
      AND generation = p_generation;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershipversiontable
    SET version = version + 1,
        timestamp = now()
    WHERE deploymentid = p_deployment_id;

    RETURN 1;
END
$$;


--
-- Name: orleans_write_to_storage(integer, bigint, bigint, integer, text, text, text, integer, bytea); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.orleans_write_to_storage(p_grain_id_hash integer, p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_type_hash integer, p_grain_type_string text, p_grain_id_extension text, p_service_id text, p_grain_state_version integer, p_payload_binary bytea) RETURNS integer
    LANGUAGE plpgsql
    SET enable_seqscan TO 'off'
    AS $$
BEGIN
    IF p_grain_state_version IS NULL THEN
        -- No etag: the grain believes no row exists yet.
        INSERT INTO orleansstorage
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
             grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        VALUES
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type_string,
             p_grain_id_extension, p_service_id, p_payload_binary, now(), 1)
        ON CONFLICT DO NOTHING;

        IF FOUND THEN
            RETURN 1;
        END IF;
        RETURN NULL;
    END IF;

    UPDATE orleansstorage
    SET payloadbinary = p_payload_binary,
        modifiedon = now(),
        version = version + 1
    WHERE grainidhash = p_grain_id_hash
      AND graintypehash = p_grain_type_hash
      AND serviceid = p_service_id
      AND grainidn0 = p_grain_id_n0
      AND grainidn1 = p_grain_id_n1
      AND graintypestring = p_grain_type_string
      AND grainidextensionstring IS NOT DISTINCT FROM p_grain_id_extension
      AND version = p_grain_state_version;

    IF FOUND THEN
        RETURN p_grain_state_version + 1;
    END IF;
    RETURN p_grain_state_version;
END
$$;


--
-- Name: ab_test_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ab_test_events (
    test_id uuid NOT NULL,
    event_id uuid NOT NULL,
    variant_id uuid NOT NULL,
    type smallint NOT NULL,
    value numeric DEFAULT 0 NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ab_test_events_type_check CHECK ((type = ANY (ARRAY[0, 1, 2]))),
    CONSTRAINT ab_test_events_value_check CHECK ((value >= (0)::numeric))
);


--
-- Name: ab_tests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ab_tests (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    name text NOT NULL,
    status text NOT NULL,
    primary_metric text NOT NULL,
    winner_variant_id uuid,
    created_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT ab_tests_primary_metric_check CHECK ((primary_metric = ANY (ARRAY['conversion_rate'::text, 'click_through_rate'::text]))),
    CONSTRAINT ab_tests_status_check CHECK ((status = ANY (ARRAY['running'::text, 'completed'::text])))
);


--
-- Name: api_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_keys (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    user_id uuid NOT NULL,
    name text NOT NULL,
    prefix text NOT NULL,
    key_hash bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: apify_rate_limits; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.apify_rate_limits (
    organization_id uuid NOT NULL,
    calls_per_day integer,
    usd_per_month numeric(12,2),
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT apify_rate_limits_calls_per_day_check CHECK ((calls_per_day >= 0)),
    CONSTRAINT apify_rate_limits_usd_per_month_check CHECK ((usd_per_month >= (0)::numeric))
);


--
-- Name: apify_usage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.apify_usage (
    organization_id uuid NOT NULL,
    day date NOT NULL,
    shard smallint NOT NULL,
    calls integer DEFAULT 0 NOT NULL,
    usd numeric(14,6) DEFAULT 0 NOT NULL,
    CONSTRAINT apify_usage_calls_check CHECK ((calls >= 0)),
    CONSTRAINT apify_usage_shard_check CHECK (((shard >= 0) AND (shard <= 15))),
    CONSTRAINT apify_usage_usd_check CHECK ((usd >= (0)::numeric))
);


--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    user_id uuid,
    api_key_id uuid,
    action text NOT NULL,
    resource_type text NOT NULL,
    resource_id text,
    payload_sha256 text,
    status_code integer NOT NULL,
    outcome text NOT NULL,
    occurred_at timestamp with time zone NOT NULL
);


--
-- Name: campaign_allocations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaign_allocations (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    "position" integer NOT NULL,
    creator_id uuid NOT NULL,
    social_profile_id uuid NOT NULL,
    platform text NOT NULL,
    username text NOT NULL,
    allocated_budget bigint NOT NULL,
    current_budget bigint NOT NULL,
    status text NOT NULL,
    reach bigint DEFAULT 0 NOT NULL,
    engagement bigint DEFAULT 0 NOT NULL,
    conversions bigint DEFAULT 0 NOT NULL,
    ctr double precision DEFAULT 0 NOT NULL,
    avg_engagement_rate double precision DEFAULT 0 NOT NULL,
    posts_count integer DEFAULT 0 NOT NULL,
    last_collected_at timestamp with time zone,
    accepted_at timestamp with time zone,
    declined_at timestamp with time zone,
    decline_reason text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT campaign_allocations_allocated_budget_check CHECK ((allocated_budget >= 0)),
    CONSTRAINT campaign_allocations_position_check CHECK (("position" >= 0)),
    CONSTRAINT campaign_allocations_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'accepted'::text, 'active'::text, 'declined'::text, 'completed'::text, 'cancelled'::text])))
);


--
-- Name: campaign_posts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaign_posts (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    allocation_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    post_id uuid NOT NULL,
    confidence double precision NOT NULL,
    auto_matched boolean NOT NULL,
    verdict text NOT NULL,
    reason text,
    signals jsonb DEFAULT '[]'::jsonb NOT NULL,
    missing_required text[] DEFAULT '{}'::text[] NOT NULL,
    detection text NOT NULL,
    decision text DEFAULT 'pending'::text NOT NULL,
    decided_by uuid,
    decided_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT campaign_posts_check CHECK (((decision = 'pending'::text) = ((decided_by IS NULL) AND (decided_at IS NULL)))),
    CONSTRAINT campaign_posts_confidence_check CHECK (((confidence >= (0)::double precision) AND (confidence <= (1)::double precision))),
    CONSTRAINT campaign_posts_decision_check CHECK ((decision = ANY (ARRAY['pending'::text, 'confirmed'::text, 'rejected'::text]))),
    CONSTRAINT campaign_posts_detection_check CHECK ((detection = ANY (ARRAY['auto'::text, 'manual'::text]))),
    CONSTRAINT campaign_posts_verdict_check CHECK ((verdict = ANY (ARRAY['matched'::text, 'below_minimum_confidence'::text, 'no_signals'::text, 'outside_campaign_dates'::text, 'publish_time_unknown'::text, 'not_evaluated'::text])))
);


--
-- Name: campaign_spend; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaign_spend (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    idempotency_key text NOT NULL,
    amount bigint NOT NULL,
    currency text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT campaign_spend_amount_check CHECK ((amount > 0)),
    CONSTRAINT campaign_spend_idempotency_key_check CHECK (((length(idempotency_key) >= 1) AND (length(idempotency_key) <= 200)))
);


--
-- Name: campaign_templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaign_templates (
    id uuid NOT NULL,
    organization_id uuid,
    name text NOT NULL,
    description text,
    niche text NOT NULL,
    type text,
    settings jsonb NOT NULL,
    usage_count integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT campaign_templates_niche_check CHECK ((niche = ANY (ARRAY['fitness'::text, 'gaming'::text, 'adult'::text, 'fashion'::text, 'general'::text]))),
    CONSTRAINT campaign_templates_type_check CHECK ((type = ANY (ARRAY['ppv'::text, 'subscription'::text, 'promotion'::text, 'engagement'::text, 'retention'::text])))
);


--
-- Name: campaigns; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaigns (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    name text NOT NULL,
    description text,
    kind text NOT NULL,
    status text NOT NULL,
    budget bigint NOT NULL,
    current_budget bigint NOT NULL,
    currency character(3) NOT NULL,
    goals text[] DEFAULT '{}'::text[] NOT NULL,
    platforms text[] DEFAULT '{}'::text[] NOT NULL,
    start_date date,
    end_date date,
    scheduled_for timestamp with time zone,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT campaigns_budget_check CHECK ((budget >= 0))
);


--
-- Name: creator_social_profiles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.creator_social_profiles (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    creator_id uuid NOT NULL,
    platform text NOT NULL,
    username text NOT NULL,
    followers_declared bigint,
    followers_verified bigint,
    followers_actual bigint GENERATED ALWAYS AS (COALESCE(followers_verified, followers_declared)) STORED,
    engagement_rate_declared numeric(9,6),
    engagement_rate_verified numeric(9,6),
    engagement_rate_actual numeric(9,6) GENERATED ALWAYS AS (COALESCE(engagement_rate_verified, engagement_rate_declared)) STORED,
    niches text[] DEFAULT '{}'::text[] NOT NULL,
    location text,
    bio text,
    following_count integer,
    posts_count integer,
    is_verified boolean DEFAULT false NOT NULL,
    last_verified_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT creator_social_profiles_engagement_rate_declared_check CHECK (((engagement_rate_declared >= (0)::numeric) AND (engagement_rate_declared <= (1)::numeric))),
    CONSTRAINT creator_social_profiles_engagement_rate_verified_check CHECK ((engagement_rate_verified >= (0)::numeric)),
    CONSTRAINT creator_social_profiles_followers_declared_check CHECK ((followers_declared >= 0)),
    CONSTRAINT creator_social_profiles_followers_verified_check CHECK ((followers_verified >= 0)),
    CONSTRAINT creator_social_profiles_following_count_check CHECK ((following_count >= 0)),
    CONSTRAINT creator_social_profiles_posts_count_check CHECK ((posts_count >= 0)),
    CONSTRAINT creator_social_profiles_username_check CHECK (((length(username) >= 1) AND (length(username) <= 100)))
);


--
-- Name: creators; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.creators (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    name text NOT NULL,
    email text,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT creators_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200)))
);


--
-- Name: crm_companies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_companies (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    name text NOT NULL,
    domain text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT crm_companies_domain_check CHECK (((length(domain) >= 1) AND (length(domain) <= 253))),
    CONSTRAINT crm_companies_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200)))
);


--
-- Name: crm_contacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_contacts (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    first_name text,
    last_name text,
    email text,
    phone text,
    telegram_id bigint,
    telegram_username text,
    company_id uuid,
    attributes jsonb DEFAULT '{}'::jsonb NOT NULL,
    search_text text GENERATED ALWAYS AS (((((((((COALESCE(first_name, ''::text) || ' '::text) || COALESCE(last_name, ''::text)) || ' '::text) || COALESCE(email, ''::text)) || ' '::text) || COALESCE(phone, ''::text)) || ' '::text) || COALESCE(telegram_username, ''::text))) STORED,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT crm_contacts_attributes_check CHECK ((jsonb_typeof(attributes) = 'object'::text)),
    CONSTRAINT crm_contacts_first_name_check CHECK (((length(first_name) >= 1) AND (length(first_name) <= 200))),
    CONSTRAINT crm_contacts_last_name_check CHECK (((length(last_name) >= 1) AND (length(last_name) <= 200))),
    CONSTRAINT crm_contacts_telegram_id_check CHECK ((telegram_id > 0))
);


--
-- Name: crm_leads; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_leads (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    pipeline_id uuid NOT NULL,
    stage_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: crm_pipelines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_pipelines (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT crm_pipelines_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200)))
);


--
-- Name: crm_stages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_stages (
    id uuid NOT NULL,
    pipeline_id uuid NOT NULL,
    name text NOT NULL,
    "position" integer NOT NULL,
    CONSTRAINT crm_stages_name_check CHECK (((length(name) >= 1) AND (length(name) <= 100))),
    CONSTRAINT crm_stages_position_check CHECK (("position" >= 0))
);


--
-- Name: organizations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organizations (
    id uuid NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT organizations_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200)))
);


--
-- Name: orleansmembershiptable; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleansmembershiptable (
    deploymentid character varying(150) NOT NULL,
    address character varying(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    siloname character varying(150) NOT NULL,
    hostname character varying(150) NOT NULL,
    status integer NOT NULL,
    proxyport integer NOT NULL,
    suspecttimes text,
    starttime timestamp with time zone NOT NULL,
    iamalivetime timestamp with time zone NOT NULL
);


--
-- Name: orleansmembershipversiontable; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleansmembershipversiontable (
    deploymentid character varying(150) NOT NULL,
    "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 0 NOT NULL
);


--
-- Name: orleansquery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleansquery (
    querykey character varying(64) NOT NULL,
    querytext text NOT NULL
);


--
-- Name: orleansreminderstable; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleansreminderstable (
    serviceid character varying(150) NOT NULL,
    grainid character varying(512) NOT NULL,
    remindername character varying(150) NOT NULL,
    starttime timestamp with time zone NOT NULL,
    period bigint NOT NULL,
    grainhash integer NOT NULL,
    version integer NOT NULL
);


--
-- Name: orleansstorage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleansstorage (
    grainidhash integer NOT NULL,
    grainidn0 bigint NOT NULL,
    grainidn1 bigint NOT NULL,
    graintypehash integer NOT NULL,
    graintypestring character varying(512) NOT NULL,
    grainidextensionstring character varying(512),
    serviceid character varying(150) NOT NULL,
    payloadbinary bytea,
    modifiedon timestamp with time zone DEFAULT now() NOT NULL,
    version integer
);


--
-- Name: outreach_participants; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outreach_participants (
    campaign_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    sending_account_id uuid,
    chat_id bigint,
    status text DEFAULT 'pending'::text NOT NULL,
    current_step integer DEFAULT 0 NOT NULL,
    next_send_at timestamp with time zone,
    last_sent_at timestamp with time zone,
    replied_at timestamp with time zone,
    reason text,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT outreach_participants_current_step_check CHECK ((current_step >= 0)),
    CONSTRAINT outreach_participants_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'sent'::text, 'delivered'::text, 'replied'::text, 'bounced'::text, 'stopped'::text, 'failed'::text, 'completed'::text])))
);


--
-- Name: outreach_plan_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outreach_plan_versions (
    campaign_id uuid NOT NULL,
    version bigint NOT NULL
);


--
-- Name: outreach_sends; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outreach_sends (
    id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    step_index integer NOT NULL,
    sending_account_id uuid NOT NULL,
    status text NOT NULL,
    telegram_message_id bigint,
    error text,
    attempts integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    CONSTRAINT outreach_sends_status_check CHECK ((status = ANY (ARRAY['intent'::text, 'sent'::text, 'delivered'::text, 'bounced'::text, 'failed'::text, 'unknown'::text])))
);


--
-- Name: outreach_steps; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outreach_steps (
    id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    order_index integer NOT NULL,
    template_id uuid NOT NULL,
    delay_hours integer NOT NULL,
    trigger_type text NOT NULL,
    conditions jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT outreach_steps_conditions_check CHECK ((jsonb_typeof(conditions) = 'object'::text)),
    CONSTRAINT outreach_steps_delay_hours_check CHECK (((delay_hours >= 0) AND (delay_hours <= 8760))),
    CONSTRAINT outreach_steps_order_index_check CHECK ((order_index >= 0)),
    CONSTRAINT outreach_steps_trigger_type_check CHECK ((trigger_type = ANY (ARRAY['delay'::text, 'after_reply'::text])))
);


--
-- Name: outreach_templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outreach_templates (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    campaign_id uuid,
    name text NOT NULL,
    channel text DEFAULT 'telegram'::text NOT NULL,
    content text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT outreach_templates_channel_check CHECK ((channel = 'telegram'::text)),
    CONSTRAINT outreach_templates_content_check CHECK (((length(content) >= 1) AND (length(content) <= 4096))),
    CONSTRAINT outreach_templates_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200)))
);


--
-- Name: posts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.posts (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    creator_profile_id uuid,
    platform text NOT NULL,
    platform_post_id text NOT NULL,
    url text,
    author_username text,
    title text,
    caption text,
    hashtags text[] DEFAULT '{}'::text[] NOT NULL,
    mentions text[] DEFAULT '{}'::text[] NOT NULL,
    links text[] DEFAULT '{}'::text[] NOT NULL,
    content_type text,
    media_urls text[] DEFAULT '{}'::text[] NOT NULL,
    published_at timestamp with time zone,
    likes bigint,
    comments bigint,
    shares bigint,
    views bigint,
    reach bigint,
    impressions bigint,
    engagement_rate double precision,
    followers_at_scrape bigint,
    raw jsonb NOT NULL,
    first_seen_at timestamp with time zone NOT NULL,
    last_scraped_at timestamp with time zone NOT NULL,
    CONSTRAINT posts_comments_check CHECK ((comments >= 0)),
    CONSTRAINT posts_engagement_rate_check CHECK ((engagement_rate >= (0)::double precision)),
    CONSTRAINT posts_followers_at_scrape_check CHECK ((followers_at_scrape >= 0)),
    CONSTRAINT posts_impressions_check CHECK ((impressions >= 0)),
    CONSTRAINT posts_likes_check CHECK ((likes >= 0)),
    CONSTRAINT posts_platform_check CHECK ((platform = ANY (ARRAY['instagram'::text, 'tiktok'::text, 'youtube'::text]))),
    CONSTRAINT posts_platform_post_id_check CHECK (((length(platform_post_id) >= 1) AND (length(platform_post_id) <= 200))),
    CONSTRAINT posts_reach_check CHECK ((reach >= 0)),
    CONSTRAINT posts_shares_check CHECK ((shares >= 0)),
    CONSTRAINT posts_views_check CHECK ((views >= 0))
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: sending_accounts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sending_accounts (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    name text NOT NULL,
    bot_token text NOT NULL,
    bot_user_id bigint NOT NULL,
    bot_username text,
    updates_mode text DEFAULT 'polling'::text NOT NULL,
    webhook_secret text NOT NULL,
    daily_cap integer NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    polling_offset bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT sending_accounts_daily_cap_check CHECK ((daily_cap > 0)),
    CONSTRAINT sending_accounts_status_check CHECK ((status = ANY (ARRAY['active'::text, 'disabled'::text, 'token_refused'::text]))),
    CONSTRAINT sending_accounts_updates_mode_check CHECK ((updates_mode = ANY (ARRAY['polling'::text, 'webhook'::text])))
);


--
-- Name: telegram_chat_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.telegram_chat_members (
    sending_account_id uuid NOT NULL,
    chat_id bigint NOT NULL,
    user_id bigint NOT NULL,
    username text,
    first_name text,
    last_name text,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    CONSTRAINT telegram_chat_members_user_id_check CHECK ((user_id > 0))
);


--
-- Name: telegram_chats; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.telegram_chats (
    sending_account_id uuid NOT NULL,
    chat_id bigint NOT NULL,
    organization_id uuid NOT NULL,
    type text NOT NULL,
    title text,
    username text,
    first_name text,
    last_name text,
    contact_id uuid,
    left_at timestamp with time zone,
    last_message_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT telegram_chats_type_check CHECK ((type = ANY (ARRAY['private'::text, 'group'::text, 'supergroup'::text, 'channel'::text])))
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    email text NOT NULL,
    role text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'brand_manager'::text, 'media_buyer'::text, 'affiliate_manager'::text, 'finance'::text, 'read_only'::text])))
);


--
-- Data for Name: ab_test_events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.ab_test_events (test_id, event_id, variant_id, type, value, recorded_at) FROM stdin;
\.


--
-- Data for Name: ab_tests; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.ab_tests (id, organization_id, campaign_id, name, status, primary_metric, winner_variant_id, created_at, completed_at, updated_at, version) FROM stdin;
01a241a6-bcc6-74cf-a4b6-d4b0e0a1ea63	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-bb35-775e-a614-254a158b371d	Subject	running	conversion_rate	\N	2026-12-04 15:22:56.080853+00	\N	2026-12-04 15:22:56.115982+00	1
\.


--
-- Data for Name: api_keys; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.api_keys (id, organization_id, user_id, name, prefix, key_hash, created_at, revoked_at) FROM stdin;
01a241a6-25ae-75f3-b58a-803bf4e5add9	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	bootstrap	cmp_oDaAC_Ga	\\x6af33a6a1ce7d1dd5fa1dc37a0604fb2d03bb8132d426bd8723955f210d74ac8	2026-12-04 15:22:17.361664+00	\N
\.


--
-- Data for Name: apify_jobs_queue; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.apify_jobs_queue (id, organization_id, job_type, platform, target, input, priority, status, held_reason, retry_count, max_retries, error_message, result_data, estimated_cost, cost_usd, allocation_id, campaign_id, creator_profile_id, scheduled_at, started_at, completed_at, created_at, updated_at) FROM stdin;
01a241a6-bf29-7628-90fb-4be10cf42e45	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	profile_scrape	instagram	legacy_creator_2	{}	80	held	Apify is not configured: no API token (set Apify__Token).	0	3	\N	\N	1	\N	01a241a6-bef9-71de-88a3-bf22f343571e	01a241a6-beb8-76bf-a83f-555a2621ef3d	01a241a6-be30-7151-80b7-ddafbc5236a0	2026-12-04 15:22:56.680354+00	\N	\N	2026-12-04 15:22:56.680354+00	2026-12-04 15:22:58.062072+00
01a241a6-bf29-7629-a428-bbebd9649923	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	profile_scrape	instagram	legacy_creator_3	{}	80	held	Apify is not configured: no API token (set Apify__Token).	0	3	\N	\N	1	\N	01a241a6-bef9-71df-b1c7-46555ede52b5	01a241a6-beb8-76bf-a83f-555a2621ef3d	01a241a6-be4e-7215-a5d1-126c668b0e09	2026-12-04 15:22:56.680507+00	\N	\N	2026-12-04 15:22:56.680507+00	2026-12-04 15:22:58.105516+00
01a241a6-bf37-738d-b2e7-eb172a678f40	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	profile_scrape	instagram	legacy_creator_1	{}	80	held	Apify is not configured: no API token (set Apify__Token).	0	3	\N	\N	1	\N	01a241a6-bef9-71dd-8a73-c3be77fb0a85	01a241a6-beb8-76bf-a83f-555a2621ef3d	01a241a6-bdc3-7422-ab43-54d3a7ae4ee4	2026-12-04 15:22:56.695715+00	\N	\N	2026-12-04 15:22:56.695715+00	2026-12-04 15:22:58.116319+00
01a241a6-bf36-77c9-8aec-55228d9ec542	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	posts_scrape	instagram	legacy_creator_2	{"limit": 50, "since": "2026-12-01"}	70	held	Apify is not configured: no API token (set Apify__Token).	0	3	\N	\N	1	\N	01a241a6-bef9-71de-88a3-bf22f343571e	01a241a6-beb8-76bf-a83f-555a2621ef3d	01a241a6-be30-7151-80b7-ddafbc5236a0	2026-12-04 15:22:56.680354+00	\N	\N	2026-12-04 15:22:56.680354+00	2026-12-04 15:22:58.121726+00
01a241a6-bf36-77ca-831e-fa14c9c4808b	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	posts_scrape	instagram	legacy_creator_3	{"limit": 50, "since": "2026-12-01"}	70	held	Apify is not configured: no API token (set Apify__Token).	0	3	\N	\N	1	\N	01a241a6-bef9-71df-b1c7-46555ede52b5	01a241a6-beb8-76bf-a83f-555a2621ef3d	01a241a6-be4e-7215-a5d1-126c668b0e09	2026-12-04 15:22:56.680507+00	\N	\N	2026-12-04 15:22:56.680507+00	2026-12-04 15:22:58.126161+00
01a241a6-bf37-738e-8db1-e385c6c6aa56	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	posts_scrape	instagram	legacy_creator_1	{"limit": 50, "since": "2026-12-01"}	70	held	Apify is not configured: no API token (set Apify__Token).	0	3	\N	\N	1	\N	01a241a6-bef9-71dd-8a73-c3be77fb0a85	01a241a6-beb8-76bf-a83f-555a2621ef3d	01a241a6-bdc3-7422-ab43-54d3a7ae4ee4	2026-12-04 15:22:56.695715+00	\N	\N	2026-12-04 15:22:56.695715+00	2026-12-04 15:22:58.129872+00
\.


--
-- Data for Name: apify_rate_limits; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.apify_rate_limits (organization_id, calls_per_day, usd_per_month, updated_at) FROM stdin;
\.


--
-- Data for Name: apify_usage; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.apify_usage (organization_id, day, shard, calls, usd) FROM stdin;
01a241a6-25a0-76d8-a3a7-2fb18ec0a834	2026-12-04	15	2	0.000000
01a241a6-25a0-76d8-a3a7-2fb18ec0a834	2026-12-04	10	4	0.000000
\.


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_log (id, organization_id, user_id, api_key_id, action, resource_type, resource_id, payload_sha256, status_code, outcome, occurred_at) FROM stdin;
01a241a6-bafb-7083-9dcd-2e83dd1faba2	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.create	campaign	01a241a6-bb35-775e-a614-254a158b371d	c74f933e8a8980d1526852a293f514b1ef3eb21078a22695a2a5500b3b0b6609	201	succeeded	2026-12-04 15:22:55.955607+00
01a241a6-bc82-7355-b9c9-aa171b981dc1	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.update	campaign	01a241a6-bb35-775e-a614-254a158b371d	80edb94e87cad1ad238a233d0d834621d42810d65b32d6dee9f0efdc1c866f55	200	succeeded	2026-12-04 15:22:56.028312+00
01a241a6-bcbb-705f-b0c3-b551dc75b8ee	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	ab_test.create	ab_test	01a241a6-bcc6-74cf-a4b6-d4b0e0a1ea63	811f196f7210b7ef3822cf5fe37b34afa2f32679aaa802283d8cbcae3f329725	201	succeeded	2026-12-04 15:22:56.151282+00
01a241a6-bd57-763d-9b37-1c423fb482f3	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.launch	campaign	01a241a6-bb35-775e-a614-254a158b371d	\N	200	succeeded	2026-12-04 15:22:56.225383+00
01a241a6-bd77-772e-9f18-02bad1dc2a6a	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.duplicate	campaign	01a241a6-bd7e-722d-bc33-b912246d8e08	44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a	201	succeeded	2026-12-04 15:22:56.266347+00
01a241a6-bdae-7668-af8c-8bcdb46a96b0	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	creator.create	creator	01a241a6-bdb6-7564-9fcb-8070b28e2ec8	575a2847d8d626e8d2131c3b7891278f296a5cdd02f6ac0517de2375931a5739	201	succeeded	2026-12-04 15:22:56.403163+00
01a241a6-be2d-70c6-be76-5aaa8faec18b	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	creator.create	creator	01a241a6-be2e-734a-a825-933bbfa78f44	d67e8bc84c7544fc0bb2235bf099f2a868fa050c7e126c69b7c9ad3d031aad1e	201	succeeded	2026-12-04 15:22:56.436247+00
01a241a6-be4c-7765-a0e6-dd5c14d132b6	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	creator.create	creator	01a241a6-be4c-7766-8141-94cea87933f4	b83fdf827d208e477b19f9dda13acaf02597bb7713870bc31d20cc48bba695ae	201	succeeded	2026-12-04 15:22:56.465674+00
01a241a6-be7b-74b8-80cb-ee2ee6de1f08	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.create	campaign	01a241a6-beb8-76bf-a83f-555a2621ef3d	a6fe04c61bba0201aa9737fea4d37028e88913e8c57a43b33c2af4416336c0f5	201	succeeded	2026-12-04 15:22:56.583154+00
01a241a6-bee5-71f8-b9a2-c259241d618b	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.activate	campaign	01a241a6-beb8-76bf-a83f-555a2621ef3d	0ce68dc94ffd610281dc98d9c4be6cf96464645bc2dd871f35e98f141d0795cf	200	succeeded	2026-12-04 15:22:56.796168+00
01a241a6-c002-750c-97d5-a89ffae59e97	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	allocation.accept	allocation	01a241a6-bef9-71dd-8a73-c3be77fb0a85	\N	200	succeeded	2026-12-04 15:22:56.912661+00
01a241a6-c02e-7266-a6a9-58818f913c07	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	allocation.decline	allocation	01a241a6-bef9-71de-88a3-bf22f343571e	578b0d4d80bf090875d82b0cd3efbbdf0346e1cddbf783da3ffeb88f904e1625	200	succeeded	2026-12-04 15:22:56.982591+00
01a241a6-c06f-7023-9841-361aee230f15	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	sending_account.create	sending_account	01a241a6-c075-7411-a1a6-55fb81b8d7c2	2831da931f6762a3a0bab03194239dfaf87e73e7e0fccadb6ac5e2271134304d	201	succeeded	2026-12-04 15:22:57.221453+00
01a241a6-c19c-7791-9b45-5333951cee56	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.create	campaign	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	5acfe5189e8430df0618916a2b4fed99904b64c681a4f2f2ad0553280460fe53	201	succeeded	2026-12-04 15:22:57.362702+00
01a241a6-c1f0-73e6-9758-16880fddd146	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.audience_from_csv	campaign	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	9cd6e24b52096718f5eb076c56e4716ec44b6677c9ea507eaf82a49affa87f7f	200	succeeded	2026-12-04 15:22:57.46043+00
01a241a6-c24c-708e-b74d-d3be6e206711	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.audience_from_csv	campaign	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	6f338490328b5a195c27b63fee4c836a93f17e88f1a10c8fe3fc43b2e94575d2	200	succeeded	2026-12-04 15:22:57.506715+00
01a241a6-c285-73bf-94d0-c4f51e5470b2	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	outreach_template.create	outreach_template	01a241a6-c28b-7548-9c0e-f2b54689366a	4ae78e4359e59b8fdaebf801420ef7a49d48d21926330dd93583ba8cc0c72e5e	201	succeeded	2026-12-04 15:22:57.556351+00
01a241a6-c2b8-7719-a2e0-d1068e5d4b3d	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	outreach_template.create	outreach_template	01a241a6-c2b8-771a-8aec-07a0088fda86	cb7ffa585c1da61d86072ba8bae516c592e19ddcd899fd489e4496b6a125f573	201	succeeded	2026-12-04 15:22:57.596177+00
01a241a6-c2e7-7522-a0b8-14b3e8f54642	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	outreach_step.create	outreach_step	01a241a6-c2eb-72c0-ae98-791c116ff37a	c2aa70d9de58dc0132f59900388a2e50f9a3559922adfb86dc105dedbebebeec	201	succeeded	2026-12-04 15:22:57.678028+00
01a241a6-c32a-75ce-959a-7a410af7ba98	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	outreach_step.create	outreach_step	01a241a6-c32c-7390-9bba-22c44a0ac2b1	0798f9e589da1acc71d64e997eb7a87d671b039526fad08352d69341235e5486	201	succeeded	2026-12-04 15:22:57.715211+00
01a241a6-c384-7625-b528-5f02b040ae46	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.create	campaign	01a241a6-c384-7626-9a1b-7d54f20167e4	d21127855020e21fb4accec0effea71c067465f3327189e85a72d53acf5315fe	201	succeeded	2026-12-04 15:22:57.806979+00
01a241a6-c3a7-771d-86dd-1624e2bf0fcd	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.audience_from_csv	campaign	01a241a6-c384-7626-9a1b-7d54f20167e4	3c797a8065a3f39662327382d7efbb43feb1016e1990d50526c61568a8d415a1	200	succeeded	2026-12-04 15:22:57.841245+00
01a241a6-c3db-7069-ada0-719d4933fa9a	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.start	campaign	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	\N	200	succeeded	2026-12-04 15:22:57.942371+00
01a241a6-edb1-703c-b606-aa7b0ebcc519	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25ae-75f3-b58a-803bf4e5add9	campaign.create	campaign	01a241a6-edb1-703d-ab7e-2c40ba23c5ec	f9db355b5d2b28bb236d5c5e96e88535ca6297a9d75a30ed0f9073452420155e	201	succeeded	2026-12-04 15:23:08.606706+00
\.


--
-- Data for Name: campaign_allocations; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.campaign_allocations (id, organization_id, campaign_id, "position", creator_id, social_profile_id, platform, username, allocated_budget, current_budget, status, reach, engagement, conversions, ctr, avg_engagement_rate, posts_count, last_collected_at, accepted_at, declined_at, decline_reason, created_at, updated_at, version) FROM stdin;
01a241a6-bef9-71df-b1c7-46555ede52b5	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-beb8-76bf-a83f-555a2621ef3d	2	01a241a6-be4c-7766-8141-94cea87933f4	01a241a6-be4e-7215-a5d1-126c668b0e09	instagram	legacy_creator_3	100000	100000	pending	0	0	0	0	0	0	\N	\N	\N	\N	2026-12-04 15:22:56.662972+00	2026-12-04 15:22:56.662972+00	1
01a241a6-bef9-71dd-8a73-c3be77fb0a85	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-beb8-76bf-a83f-555a2621ef3d	0	01a241a6-bdb6-7564-9fcb-8070b28e2ec8	01a241a6-bdc3-7422-ab43-54d3a7ae4ee4	instagram	legacy_creator_1	100000	100000	accepted	0	0	0	0	0	0	\N	2026-12-04 15:22:56.901419+00	\N	\N	2026-12-04 15:22:56.695579+00	2026-12-04 15:22:56.901419+00	2
01a241a6-bef9-71de-88a3-bf22f343571e	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-beb8-76bf-a83f-555a2621ef3d	1	01a241a6-be2e-734a-a825-933bbfa78f44	01a241a6-be30-7151-80b7-ddafbc5236a0	instagram	legacy_creator_2	100000	100000	declined	0	0	0	0	0	0	\N	\N	2026-12-04 15:22:56.950217+00	Booked	2026-12-04 15:22:56.662256+00	2026-12-04 15:22:56.950217+00	2
\.


--
-- Data for Name: campaign_posts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.campaign_posts (id, organization_id, allocation_id, campaign_id, post_id, confidence, auto_matched, verdict, reason, signals, missing_required, detection, decision, decided_by, decided_at, created_at, updated_at) FROM stdin;
\.


--
-- Data for Name: campaign_spend; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.campaign_spend (id, organization_id, campaign_id, idempotency_key, amount, currency, created_at) FROM stdin;
\.


--
-- Data for Name: campaign_templates; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.campaign_templates (id, organization_id, name, description, niche, type, settings, usage_count, created_at, updated_at) FROM stdin;
00000000-0000-7000-8000-000000000101	\N	30-Day Workout Challenge	Join my exclusive 30-day workout challenge with daily routines, meal plans, and personal coaching.	fitness	ppv	{"goals": ["conversions", "revenue"], "budget": 250000, "content": {"instagram": {"cta": "Start Your Transformation", "price": 4999, "title": "Transform Your Body in 30 Days! 💪", "description": "Join my exclusive 30-day workout challenge with daily routines, meal plans, and personal coaching."}}, "currency": "USD", "platforms": ["instagram"]}	0	2026-12-04 15:22:17.218333+00	2026-12-04 15:22:17.218333+00
00000000-0000-7000-8000-000000000102	\N	Meal Plan Bundle	Get personalized meal plans every week with macro tracking and shopping lists.	fitness	subscription	{"goals": ["conversions", "revenue"], "budget": 300000, "content": {"instagram": {"cta": "Subscribe Now", "price": 2999, "title": "Weekly Meal Plans + Recipes 🥗", "description": "Get personalized meal plans every week with macro tracking and shopping lists."}}, "currency": "USD", "platforms": ["instagram"]}	0	2026-12-04 15:22:17.218333+00	2026-12-04 15:22:17.218333+00
00000000-0000-7000-8000-000000000201	\N	Exclusive Stream Access	Get exclusive access to private streams, behind-the-scenes content, and gaming sessions.	gaming	subscription	{"goals": ["conversions", "revenue"], "budget": 400000, "content": {"twitch": {"cta": "Join VIP", "price": 1999, "title": "VIP Stream Access 🎮", "description": "Get exclusive access to private streams, behind-the-scenes content, and gaming sessions."}}, "currency": "USD", "platforms": ["twitch"]}	0	2026-12-04 15:22:17.218333+00	2026-12-04 15:22:17.218333+00
00000000-0000-7000-8000-000000000202	\N	Game Tutorial Series	Learn advanced strategies and techniques from a pro player.	gaming	ppv	{"goals": ["conversions", "revenue"], "budget": 225000, "content": {"youtube": {"cta": "Get Tutorial", "price": 1499, "title": "Master [Game Name] - Pro Tips 🏆", "description": "Learn advanced strategies and techniques from a pro player."}}, "currency": "USD", "platforms": ["youtube"]}	0	2026-12-04 15:22:17.218333+00	2026-12-04 15:22:17.218333+00
00000000-0000-7000-8000-000000000301	\N	VIP Subscription Tier	Get access to exclusive content, custom requests, and priority messaging.	adult	subscription	{"goals": ["conversions", "revenue"], "budget": 500000, "content": {"onlyfans": {"cta": "Upgrade to VIP", "price": 4999, "title": "VIP Access - Exclusive Content 💎", "description": "Get access to exclusive content, custom requests, and priority messaging."}}, "currency": "USD", "platforms": ["onlyfans"]}	0	2026-12-04 15:22:17.218333+00	2026-12-04 15:22:17.218333+00
00000000-0000-7000-8000-000000000302	\N	Custom Content Offer	Request personalized content tailored to your preferences.	adult	ppv	{"goals": ["conversions", "revenue"], "budget": 500000, "content": {"onlyfans": {"cta": "Request Custom", "price": 9999, "title": "Custom Content Just for You ✨", "description": "Request personalized content tailored to your preferences."}}, "currency": "USD", "platforms": ["onlyfans"]}	0	2026-12-04 15:22:17.218333+00	2026-12-04 15:22:17.218333+00
00000000-0000-7000-8000-000000000401	\N	Seasonal Promotion	A limited-time discount announced on every channel.	general	promotion	{"goals": ["sales", "reach"], "budget": 100000, "content": {"email": {"cta": "Shop now", "title": "Limited-time offer"}, "instagram": {"cta": "Shop now", "title": "Limited-time offer ⏳"}}, "currency": "USD", "platforms": ["email", "instagram"]}	0	2026-12-04 15:22:17.218333+00	2026-12-04 15:22:17.218333+00
00000000-0000-7000-8000-000000000402	\N	Win-Back Retention	Bring lapsed subscribers back with a personal offer.	general	retention	{"goals": ["retention"], "budget": 50000, "content": {"email": {"cta": "Come back", "title": "We miss you"}}, "currency": "USD", "platforms": ["email"]}	0	2026-12-04 15:22:17.218333+00	2026-12-04 15:22:17.218333+00
\.


--
-- Data for Name: campaigns; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.campaigns (id, organization_id, name, description, kind, status, budget, current_budget, currency, goals, platforms, start_date, end_date, scheduled_for, started_at, completed_at, created_at, updated_at, version) FROM stdin;
01a241a6-bb35-775e-a614-254a158b371d	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Legacy marketing	\N	marketing	active	600000	600000	USD	{reach,sales}	{instagram,tiktok}	2026-12-01	2027-01-31	\N	2026-12-04 15:22:56.218974+00	\N	2026-12-04 15:22:55.71247+00	2026-12-04 15:22:56.218974+00	3
01a241a6-bd7e-722d-bc33-b912246d8e08	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Legacy marketing (copy)	\N	marketing	draft	600000	600000	USD	{reach,sales}	{instagram,tiktok}	2026-12-01	2027-01-31	\N	\N	\N	2026-12-04 15:22:56.260237+00	2026-12-04 15:22:56.260237+00	1
01a241a6-beb8-76bf-a83f-555a2621ef3d	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Legacy influencer	\N	influencer	active	300000	300000	USD	{reach}	{instagram}	2026-12-01	2027-01-31	\N	2026-12-04 15:22:56.634082+00	\N	2026-12-04 15:22:56.571352+00	2026-12-04 15:22:56.973924+00	3
01a241a6-c384-7626-9a1b-7d54f20167e4	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Legacy outreach draft	\N	outreach	draft	0	0	USD	{}	{}	\N	\N	\N	\N	\N	2026-12-04 15:22:57.799297+00	2026-12-04 15:22:57.836073+00	2
01a241a6-c1aa-77fc-8a18-68d6e8d852ad	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Legacy outreach	\N	outreach	active	0	0	USD	{}	{}	\N	\N	\N	2026-12-04 15:22:57.903086+00	\N	2026-12-04 15:22:57.330955+00	2026-12-04 15:22:57.903086+00	4
01a241a6-edb1-703d-ab7e-2c40ba23c5ec	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Legacy ads	\N	ads	draft	100000	100000	USD	{reach}	{instagram}	\N	\N	\N	\N	\N	2026-12-04 15:23:08.599092+00	2026-12-04 15:23:08.599092+00	1
\.


--
-- Data for Name: creator_social_profiles; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.creator_social_profiles (id, organization_id, creator_id, platform, username, followers_declared, followers_verified, engagement_rate_declared, engagement_rate_verified, niches, location, bio, following_count, posts_count, is_verified, last_verified_at, created_at, updated_at) FROM stdin;
01a241a6-bdc3-7422-ab43-54d3a7ae4ee4	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-bdb6-7564-9fcb-8070b28e2ec8	instagram	legacy_creator_1	21000	\N	0.040000	\N	{fashion}	Berlin, Germany	\N	\N	\N	f	\N	2026-12-04 15:22:56.317167+00	2026-12-04 15:22:56.317167+00
01a241a6-be30-7151-80b7-ddafbc5236a0	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-be2e-734a-a825-933bbfa78f44	instagram	legacy_creator_2	22000	\N	0.040000	\N	{fashion}	Berlin, Germany	\N	\N	\N	f	\N	2026-12-04 15:22:56.431045+00	2026-12-04 15:22:56.431045+00
01a241a6-be4e-7215-a5d1-126c668b0e09	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-be4c-7766-8141-94cea87933f4	instagram	legacy_creator_3	23000	\N	0.040000	\N	{fashion}	Berlin, Germany	\N	\N	\N	f	\N	2026-12-04 15:22:56.460789+00	2026-12-04 15:22:56.460789+00
\.


--
-- Data for Name: creators; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.creators (id, organization_id, name, email, is_active, created_at, updated_at) FROM stdin;
01a241a6-bdb6-7564-9fcb-8070b28e2ec8	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Creator 1	c1@example.com	t	2026-12-04 15:22:56.317167+00	2026-12-04 15:22:56.317167+00
01a241a6-be2e-734a-a825-933bbfa78f44	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Creator 2	c2@example.com	t	2026-12-04 15:22:56.431045+00	2026-12-04 15:22:56.431045+00
01a241a6-be4c-7766-8141-94cea87933f4	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Creator 3	c3@example.com	t	2026-12-04 15:22:56.460789+00	2026-12-04 15:22:56.460789+00
\.


--
-- Data for Name: crm_companies; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.crm_companies (id, organization_id, name, domain, created_at, updated_at) FROM stdin;
\.


--
-- Data for Name: crm_contacts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.crm_contacts (id, organization_id, first_name, last_name, email, phone, telegram_id, telegram_username, company_id, attributes, created_at, updated_at) FROM stdin;
01a241a6-c21b-7019-a8fc-024c705cae69	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Ivan	\N	ivan@legacy.example	\N	7000000001	\N	\N	{}	2026-12-04 15:22:57.425523+00	2026-12-04 15:22:57.425523+00
01a241a6-c221-7706-921a-145f5be08ba8	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Maria	\N	\N	\N	7000000002	maria_l	\N	{}	2026-12-04 15:22:57.425523+00	2026-12-04 15:22:57.425523+00
01a241a6-c250-73d5-bb7c-2af83380431f	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Petr	\N	\N	\N	7000000003	\N	\N	{}	2026-12-04 15:22:57.486389+00	2026-12-04 15:22:57.486389+00
01a241a6-c3aa-728d-a582-6a57502a005f	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Olga	\N	\N	\N	7000000004	\N	\N	{}	2026-12-04 15:22:57.832662+00	2026-12-04 15:22:57.832662+00
\.


--
-- Data for Name: crm_leads; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.crm_leads (id, organization_id, contact_id, pipeline_id, stage_id, created_at, updated_at) FROM stdin;
\.


--
-- Data for Name: crm_pipelines; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.crm_pipelines (id, organization_id, name, created_at, updated_at) FROM stdin;
\.


--
-- Data for Name: crm_stages; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.crm_stages (id, pipeline_id, name, "position") FROM stdin;
\.


--
-- Data for Name: organizations; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.organizations (id, name, created_at) FROM stdin;
01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Legacy Org	2026-12-04 15:22:17.361664+00
\.


--
-- Data for Name: orleansmembershiptable; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orleansmembershiptable (deploymentid, address, port, generation, siloname, hostname, status, proxyport, suspecttimes, starttime, iamalivetime) FROM stdin;
campaigns	127.0.0.1	11311	155402542	Silo_1e35b	vm	3	30300	\N	2026-12-04 15:22:22.6535+00	2026-12-04 15:22:49.485042+00
\.


--
-- Data for Name: orleansmembershipversiontable; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orleansmembershipversiontable (deploymentid, "timestamp", version) FROM stdin;
campaigns	2026-12-04 15:22:23.497816+00	2
\.


--
-- Data for Name: orleansquery; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orleansquery (querykey, querytext) FROM stdin;
InsertMembershipVersionKey	\n    WITH inserted AS (\n        INSERT INTO orleansmembershipversiontable (deploymentid)\n        VALUES (@DeploymentId)\n        ON CONFLICT DO NOTHING\n        RETURNING 1\n    )\n    SELECT count(*)::integer FROM inserted;\n
InsertMembershipKey	\n    SELECT orleans_insert_membership(\n        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,\n        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);\n
UpdateMembershipKey	\n    SELECT orleans_update_membership(\n        @DeploymentId, @Address, @Port, @Generation,\n        @Status, @SuspectTimes, @IAmAliveTime, @Version);\n
UpdateIAmAlivetimeKey	\n    UPDATE orleansmembershiptable\n    SET iamalivetime = @IAmAliveTime\n    WHERE deploymentid = @DeploymentId\n      AND address = @Address\n      AND port = @Port\n      AND generation = @Generation;\n
MembershipReadRowKey	\n    SELECT\n        v.deploymentid,\n        m.address,\n        m.port,\n        m.generation,\n        m.siloname,\n        m.hostname,\n        m.status,\n        m.proxyport,\n        m.suspecttimes,\n        m.starttime,\n        m.iamalivetime,\n        v.version\n    FROM orleansmembershipversiontable v\n    LEFT JOIN orleansmembershiptable m\n           ON m.deploymentid = v.deploymentid\n          AND m.address = @Address\n          AND m.port = @Port\n          AND m.generation = @Generation\n    WHERE v.deploymentid = @DeploymentId;\n
MembershipReadAllKey	\n    SELECT\n        v.deploymentid,\n        m.address,\n        m.port,\n        m.generation,\n        m.siloname,\n        m.hostname,\n        m.status,\n        m.proxyport,\n        m.suspecttimes,\n        m.starttime,\n        m.iamalivetime,\n        v.version\n    FROM orleansmembershipversiontable v\n    LEFT JOIN orleansmembershiptable m\n           ON m.deploymentid = v.deploymentid\n    WHERE v.deploymentid = @DeploymentId;\n
DeleteMembershipTableEntriesKey	\n    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;\n    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;\n
GatewaysQueryKey	\n    SELECT address, proxyport, generation\n    FROM orleansmembershiptable\n    WHERE deploymentid = @DeploymentId\n      AND status = @Status\n      AND proxyport > 0;\n
CleanupDefunctSiloEntriesKey	\n    DELETE FROM orleansmembershiptable\n    WHERE deploymentid = @DeploymentId\n      AND iamalivetime < @IAmAliveTime\n      AND status <> 3;\n
CleanupDefunctSiloEntryKey	\n    DELETE FROM orleansmembershiptable\n    WHERE deploymentid = @DeploymentId\n      AND address = @Address\n      AND port = @Port\n      AND generation = @Generation\n      AND status = 6\n      AND starttime = @StartTime\n      AND iamalivetime = @IAmAliveTime\n      AND NULLIF(suspecttimes, '') IS NOT DISTINCT FROM NULLIF(@SuspectTimes, '');\n
WriteToStorageKey	\n    SELECT orleans_write_to_storage(\n        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,\n        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)\n        AS newgrainstateversion;\n
ReadFromStorageKey	\n    SELECT payloadbinary, version\n    FROM orleansstorage\n    WHERE grainidhash = @GrainIdHash\n      AND graintypehash = @GrainTypeHash\n      AND serviceid = @ServiceId\n      AND grainidn0 = @GrainIdN0\n      AND grainidn1 = @GrainIdN1\n      AND graintypestring = @GrainTypeString\n      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString;\n
ClearStorageKey	\n    UPDATE orleansstorage\n    SET payloadbinary = NULL,\n        modifiedon = now(),\n        version = version + 1\n    WHERE grainidhash = @GrainIdHash\n      AND graintypehash = @GrainTypeHash\n      AND serviceid = @ServiceId\n      AND grainidn0 = @GrainIdN0\n      AND grainidn1 = @GrainIdN1\n      AND graintypestring = @GrainTypeString\n      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString\n      AND version = @GrainStateVersion\n    RETURNING version AS newgrainstateversion;\n
DeleteStorageKey	\n    DELETE FROM orleansstorage\n    WHERE grainidhash = @GrainIdHash\n      AND graintypehash = @GrainTypeHash\n      AND serviceid = @ServiceId\n      AND grainidn0 = @GrainIdN0\n      AND grainidn1 = @GrainIdN1\n      AND graintypestring = @GrainTypeString\n      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString\n      AND version = @GrainStateVersion\n    RETURNING version + 1 AS newgrainstateversion;\n
UpsertReminderRowKey	\n    INSERT INTO orleansreminderstable AS r\n        (serviceid, grainid, remindername, starttime, period, grainhash, version)\n    VALUES\n        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)\n    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE\n    SET starttime = excluded.starttime,\n        period = excluded.period,\n        grainhash = excluded.grainhash,\n        version = r.version + 1\n    RETURNING r.version;\n
ReadReminderRowsKey	\n    SELECT grainid, remindername, starttime, period, version\n    FROM orleansreminderstable\n    WHERE serviceid = @ServiceId\n      AND grainid = @GrainId;\n
ReadReminderRowKey	\n    SELECT grainid, remindername, starttime, period, version\n    FROM orleansreminderstable\n    WHERE serviceid = @ServiceId\n      AND grainid = @GrainId\n      AND remindername = @ReminderName;\n
ReadRangeRows1Key	\n    SELECT grainid, remindername, starttime, period, version\n    FROM orleansreminderstable\n    WHERE serviceid = @ServiceId\n      AND grainhash > @BeginHash\n      AND grainhash <= @EndHash;\n
ReadRangeRows2Key	\n    SELECT grainid, remindername, starttime, period, version\n    FROM orleansreminderstable\n    WHERE serviceid = @ServiceId\n      AND (grainhash > @BeginHash OR grainhash <= @EndHash);\n
DeleteReminderRowKey	\n    WITH deleted AS (\n        DELETE FROM orleansreminderstable\n        WHERE serviceid = @ServiceId\n          AND grainid = @GrainId\n          AND remindername = @ReminderName\n          AND version = @Version\n        RETURNING 1\n    )\n    SELECT count(*)::integer FROM deleted;\n
DeleteReminderRowsKey	\n    DELETE FROM orleansreminderstable\n    WHERE serviceid = @ServiceId;\n
\.


--
-- Data for Name: orleansreminderstable; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version) FROM stdin;
campaigns	campaign/01a241a6beb876bfa83f555a2621ef3d	complete-at-end-date	2026-12-04 16:22:56.755776+00	3600000	904625025	0
campaigns	allocation/01a241a6bef971dd8a73c3be77fb0a85	monitor-posts	2026-12-05 03:22:56.908941+00	43200000	-846054919	0
campaigns	telegramintake/01a241a6c0757411a1a655fb81b8d7c2	telegram-polling	2026-12-04 15:23:57.188945+00	60000	-468533906	0
campaigns	campaign/01a241a6c1aa77fc8a1868d6e8d852ad	outreach-dispatch	2026-12-04 15:23:57.937737+00	60000	-2083456508	0
campaigns	participant/01a241a6c1aa77fc8a1868d6e8d852ad+01a241a6c21b7019a8fc024c705cae69	outreach-step	2026-12-06 15:22:57.996716+00	3600000	-1409156379	0
campaigns	participant/01a241a6c1aa77fc8a1868d6e8d852ad+01a241a6c25073d5bb7c2af83380431f	outreach-step	2026-12-06 15:22:58.00483+00	3600000	88265795	0
campaigns	participant/01a241a6c1aa77fc8a1868d6e8d852ad+01a241a6c2217706921a145f5be08ba8	outreach-step	2026-12-06 15:22:57.996416+00	3600000	-1146809918	0
\.


--
-- Data for Name: orleansstorage; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid, payloadbinary, modifiedon, version) FROM stdin;
-145834248	8417153787195703718	7199744940716635812	-427394403	abtest	\N	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e416254657374696e672e41625465737453746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c2243616d706169676e4964223a2230316132343161362d626233352d373735652d613631342d323534613135386233373164222c224e616d65223a225375626a656374222c224d696e53616d706c6553697a65223a3130302c22436f6e666964656e63654c6576656c223a302e39352c2256617269616e7473223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b43616d706169676e732e416254657374696e672e416256617269616e74566965772c2043616d706169676e732e477261696e732e496e74657266616365735d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b7b22246964223a2232222c222474797065223a2243616d706169676e732e416254657374696e672e416256617269616e74566965772c2043616d706169676e732e477261696e732e496e7465726661636573222c224964223a2230316132343161362d626364312d373235352d623666622d353234303664393863326636222c224e616d65223a22636f6e74726f6c222c224973436f6e74726f6c223a747275652c22436f6e74656e744a736f6e223a227b5c22696e7374616772616d5c223a5c2248656c6c6f5c227d222c22576569676874223a35302e307d2c7b22246964223a2233222c222474797065223a2243616d706169676e732e416254657374696e672e416256617269616e74566965772c2043616d706169676e732e477261696e732e496e7465726661636573222c224964223a2230316132343161362d626364312d373235362d616231392d393563353063323133353334222c224e616d65223a22626f6c64222c22436f6e74656e744a736f6e223a227b5c22696e7374616772616d5c223a5c2248454c4c4f215c227d222c22576569676874223a35302e307d5d7d2c22437265617465644174223a22323032362d31322d30345431353a32323a35362e3038303835332b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35362e3038303835332b30303a3030222c2256657273696f6e223a317d	2026-12-04 15:22:56.088613+00	1
363349706	8601518174659297702	2105304274373514406	-1805695470	campaign	\N	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e43616d706169676e53746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c224e616d65223a224c6567616379206d61726b6574696e67222c224b696e64223a322c22537461747573223a322c22427564676574223a3630303030302c2243757272656e74427564676574223a3630303030302c2243757272656e6379223a22555344222c22476f616c73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b227265616368222c2273616c6573225d7d2c22506c6174666f726d73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22696e7374616772616d222c2274696b746f6b225d7d2c22537461727444617465223a22323032362d31322d3031222c22456e6444617465223a22323032372d30312d3331222c22537461727465644174223a22323032362d31322d30345431353a32323a35362e3231383937342b30303a3030222c22437265617465644174223a22323032362d31322d30345431353a32323a35352e37313234372b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35362e3231383937342b30303a3030222c2256657273696f6e223a332c22416c6c6f636174696f6e73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b43616d706169676e732e43616d706169676e436f72652e416c6c6f636174696f6e536c6f742c2043616d706169676e732e477261696e735d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c224d61726b6574696e67223a7b22246964223a2232222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e4d61726b6574696e6742726965662c2043616d706169676e732e477261696e732e496e7465726661636573222c224d6564696155726c73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2268747470733a2f2f63646e2e6578616d706c652f612e706e67222c2268747470733a2f2f63646e2e6578616d706c652f622e706e67225d7d2c225365676d656e74496473223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e477569642c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2230313936663166342d303030302d373030302d383030302d303030303030303030303031225d7d7d7d	2026-12-04 15:22:56.220386+00	3
1661014403	8227440443166704038	616550200696714172	-1805695470	campaign	\N	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e43616d706169676e53746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c224e616d65223a224c6567616379206d61726b6574696e672028636f707929222c224b696e64223a322c22427564676574223a3630303030302c2243757272656e74427564676574223a3630303030302c2243757272656e6379223a22555344222c22476f616c73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b227265616368222c2273616c6573225d7d2c22506c6174666f726d73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22696e7374616772616d222c2274696b746f6b225d7d2c22537461727444617465223a22323032362d31322d3031222c22456e6444617465223a22323032372d30312d3331222c22437265617465644174223a22323032362d31322d30345431353a32323a35362e3236303233372b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35362e3236303233372b30303a3030222c2256657273696f6e223a312c22416c6c6f636174696f6e73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b43616d706169676e732e43616d706169676e436f72652e416c6c6f636174696f6e536c6f742c2043616d706169676e732e477261696e735d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c224d61726b6574696e67223a7b22246964223a2232222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e4d61726b6574696e6742726965662c2043616d706169676e732e477261696e732e496e7465726661636573222c224d6564696155726c73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2268747470733a2f2f63646e2e6578616d706c652f612e706e67222c2268747470733a2f2f63646e2e6578616d706c652f622e706e67225d7d2c225365676d656e74496473223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e477569642c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2230313936663166342d303030302d373030302d383030302d303030303030303030303031225d7d7d2c224475706c69636174656446726f6d223a2230316132343161362d626233352d373735652d613631342d323534613135386233373164227d	2026-12-04 15:22:56.261248+00	1
-107733083	8204924072822456742	-8859992825177869430	-212291284	allocation	\N	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e496e666c75656e6365722e416c6c6f636174696f6e53746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c2243616d706169676e4964223a2230316132343161362d626562382d373662662d613833662d353535613236323165663364222c2243726561746f72223a7b22246964223a2232222c222474797065223a2243616d706169676e732e496e666c75656e6365722e43726561746f7243616e6469646174652c2043616d706169676e732e477261696e732e496e7465726661636573222c22536f6369616c50726f66696c654964223a2230316132343161362d626463332d373432322d616234332d353464336137616534656534222c2243726561746f724964223a2230316132343161362d626462362d373536342d396663622d383037306232386532656338222c22506c6174666f726d223a22696e7374616772616d222c22557365726e616d65223a226c65676163795f63726561746f725f31222c22466f6c6c6f7765727341637475616c223a32313030302c22456e676167656d656e745261746541637475616c223a302e30342c224e6963686573223a7b222474797065223a2253797374656d2e537472696e675b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2266617368696f6e225d7d2c224c6f636174696f6e223a224265726c696e2c204765726d616e79227d2c22416c6c6f6361746564427564676574223a3130303030302c2243757272656e74427564676574223a3130303030302c22537461747573223a312c224d657472696373223a7b22246964223a2233222c222474797065223a2243616d706169676e732e496e666c75656e6365722e416c6c6f636174696f6e4d6574726963732c2043616d706169676e732e477261696e732e496e7465726661636573227d2c2243616d706169676e223a7b22246964223a2234222c222474797065223a2243616d706169676e732e496e666c75656e6365722e43616d706169676e536e617073686f742c2043616d706169676e732e477261696e732e496e7465726661636573222c22537461747573223a322c22537461727444617465223a22323032362d31322d3031222c22456e6444617465223a22323032372d30312d3331222c22547261636b696e67436f6e666967223a7b22246964223a2235222c222474797065223a2243616d706169676e732e496e666c75656e6365722e547261636b696e67436f6e6669672c2043616d706169676e732e477261696e732e496e7465726661636573222c2252657175697265644861736874616773223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22236272616e6478225d7d2c224f7074696f6e616c4861736874616773223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22236164222c222373706f6e736f726564225d7d2c2252657175697265644d656e74696f6e73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22406272616e6478225d7d2c22547261636b696e674c696e6b5061747465726e223a226272616e64782e636f6d2f676f2f2a222c224d696e4d61746368436f6e666964656e6365223a302e377d7d2c2241636365707465644174223a22323032362d31322d30345431353a32323a35362e3930313431392b30303a3030222c22437265617465644174223a22323032362d31322d30345431353a32323a35362e3639353537392b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35362e3930313431392b30303a3030222c2256657273696f6e223a327d	2026-12-04 15:22:56.90281+00	2
1387953164	8205205547799167398	2186290855650763656	-212291284	allocation	\N	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e496e666c75656e6365722e416c6c6f636174696f6e53746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c2243616d706169676e4964223a2230316132343161362d626562382d373662662d613833662d353535613236323165663364222c2243726561746f72223a7b22246964223a2232222c222474797065223a2243616d706169676e732e496e666c75656e6365722e43726561746f7243616e6469646174652c2043616d706169676e732e477261696e732e496e7465726661636573222c22536f6369616c50726f66696c654964223a2230316132343161362d626533302d373135312d383062372d646461666263353233366130222c2243726561746f724964223a2230316132343161362d626532652d373334612d613832352d393333626266613738663434222c22506c6174666f726d223a22696e7374616772616d222c22557365726e616d65223a226c65676163795f63726561746f725f32222c22466f6c6c6f7765727341637475616c223a32323030302c22456e676167656d656e745261746541637475616c223a302e30342c224e6963686573223a7b222474797065223a2253797374656d2e537472696e675b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2266617368696f6e225d7d2c224c6f636174696f6e223a224265726c696e2c204765726d616e79227d2c22416c6c6f6361746564427564676574223a3130303030302c2243757272656e74427564676574223a3130303030302c22537461747573223a332c224d657472696373223a7b22246964223a2233222c222474797065223a2243616d706169676e732e496e666c75656e6365722e416c6c6f636174696f6e4d6574726963732c2043616d706169676e732e477261696e732e496e7465726661636573227d2c2243616d706169676e223a7b22246964223a2234222c222474797065223a2243616d706169676e732e496e666c75656e6365722e43616d706169676e536e617073686f742c2043616d706169676e732e477261696e732e496e7465726661636573222c22537461747573223a322c22537461727444617465223a22323032362d31322d3031222c22456e6444617465223a22323032372d30312d3331222c22547261636b696e67436f6e666967223a7b22246964223a2235222c222474797065223a2243616d706169676e732e496e666c75656e6365722e547261636b696e67436f6e6669672c2043616d706169676e732e477261696e732e496e7465726661636573222c2252657175697265644861736874616773223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22236272616e6478225d7d2c224f7074696f6e616c4861736874616773223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22236164222c222373706f6e736f726564225d7d2c2252657175697265644d656e74696f6e73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22406272616e6478225d7d2c22547261636b696e674c696e6b5061747465726e223a226272616e64782e636f6d2f676f2f2a222c224d696e4d61746368436f6e666964656e6365223a302e377d7d2c224465636c696e65644174223a22323032362d31322d30345431353a32323a35362e3935303231372b30303a3030222c224465636c696e65526561736f6e223a22426f6f6b6564222c22437265617465644174223a22323032362d31322d30345431353a32323a35362e3636323235362b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35362e3935303231372b30303a3030222c2256657273696f6e223a322c22506f736974696f6e223a317d	2026-12-04 15:22:56.951251+00	2
-1935321088	8205487022775878054	-5380994108015327311	-212291284	allocation	\N	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e496e666c75656e6365722e416c6c6f636174696f6e53746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c2243616d706169676e4964223a2230316132343161362d626562382d373662662d613833662d353535613236323165663364222c2243726561746f72223a7b22246964223a2232222c222474797065223a2243616d706169676e732e496e666c75656e6365722e43726561746f7243616e6469646174652c2043616d706169676e732e477261696e732e496e7465726661636573222c22536f6369616c50726f66696c654964223a2230316132343161362d626534652d373231352d613564312d313236633636386230653039222c2243726561746f724964223a2230316132343161362d626534632d373736362d383134312d393463656138373933336634222c22506c6174666f726d223a22696e7374616772616d222c22557365726e616d65223a226c65676163795f63726561746f725f33222c22466f6c6c6f7765727341637475616c223a32333030302c22456e676167656d656e745261746541637475616c223a302e30342c224e6963686573223a7b222474797065223a2253797374656d2e537472696e675b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2266617368696f6e225d7d2c224c6f636174696f6e223a224265726c696e2c204765726d616e79227d2c22416c6c6f6361746564427564676574223a3130303030302c2243757272656e74427564676574223a3130303030302c224d657472696373223a7b22246964223a2233222c222474797065223a2243616d706169676e732e496e666c75656e6365722e416c6c6f636174696f6e4d6574726963732c2043616d706169676e732e477261696e732e496e7465726661636573227d2c2243616d706169676e223a7b22246964223a2234222c222474797065223a2243616d706169676e732e496e666c75656e6365722e43616d706169676e536e617073686f742c2043616d706169676e732e477261696e732e496e7465726661636573222c22537461747573223a322c22537461727444617465223a22323032362d31322d3031222c22456e6444617465223a22323032372d30312d3331222c22547261636b696e67436f6e666967223a7b22246964223a2235222c222474797065223a2243616d706169676e732e496e666c75656e6365722e547261636b696e67436f6e6669672c2043616d706169676e732e477261696e732e496e7465726661636573222c2252657175697265644861736874616773223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22236272616e6478225d7d2c224f7074696f6e616c4861736874616773223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22236164222c222373706f6e736f726564225d7d2c2252657175697265644d656e74696f6e73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22406272616e6478225d7d2c22547261636b696e674c696e6b5061747465726e223a226272616e64782e636f6d2f676f2f2a222c224d696e4d61746368436f6e666964656e6365223a302e377d7d2c22437265617465644174223a22323032362d31322d30345431353a32323a35362e3636323937322b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35362e3636323937322b30303a3030222c2256657273696f6e223a312c22506f736974696f6e223a327d	2026-12-04 15:22:56.71378+00	1
-2017099467	8556767514537902502	4462822204355461032	-1805695470	campaign	\N	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e43616d706169676e53746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c224e616d65223a224c656761637920696e666c75656e636572222c22537461747573223a322c22427564676574223a3330303030302c2243757272656e74427564676574223a3330303030302c2243757272656e6379223a22555344222c22476f616c73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b227265616368225d7d2c22506c6174666f726d73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22696e7374616772616d225d7d2c22537461727444617465223a22323032362d31322d3031222c22456e6444617465223a22323032372d30312d3331222c22537461727465644174223a22323032362d31322d30345431353a32323a35362e3633343038322b30303a3030222c22437265617465644174223a22323032362d31322d30345431353a32323a35362e3537313335322b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35362e3937333932342b30303a3030222c2256657273696f6e223a332c22496e666c75656e636572223a7b22246964223a2232222c222474797065223a2243616d706169676e732e496e666c75656e6365722e496e666c75656e63657242726965662c2043616d706169676e732e477261696e732e496e7465726661636573222c2241756469656e636553697a65223a312c225461726765744c6f636174696f6e223a224265726c696e222c2254617267657441756469656e6365223a22576f6d656e2032302d3335222c22547261636b696e67436f6e666967223a7b22246964223a2233222c222474797065223a2243616d706169676e732e496e666c75656e6365722e547261636b696e67436f6e6669672c2043616d706169676e732e477261696e732e496e7465726661636573222c2252657175697265644861736874616773223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22236272616e6478225d7d2c224f7074696f6e616c4861736874616773223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22236164222c222373706f6e736f726564225d7d2c2252657175697265644d656e74696f6e73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22406272616e6478225d7d2c22547261636b696e674c696e6b5061747465726e223a226272616e64782e636f6d2f676f2f2a222c224d696e4d61746368436f6e666964656e6365223a302e377d7d2c22416c6c6f636174696f6e73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b43616d706169676e732e43616d706169676e436f72652e416c6c6f636174696f6e536c6f742c2043616d706169676e732e477261696e735d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b7b22246964223a2234222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e416c6c6f636174696f6e536c6f742c2043616d706169676e732e477261696e73222c224964223a2230316132343161362d626566392d373164642d386137332d633362653737666230613835222c2243726561746f72223a7b22246964223a2235222c222474797065223a2243616d706169676e732e496e666c75656e6365722e43726561746f7243616e6469646174652c2043616d706169676e732e477261696e732e496e7465726661636573222c22536f6369616c50726f66696c654964223a2230316132343161362d626463332d373432322d616234332d353464336137616534656534222c2243726561746f724964223a2230316132343161362d626462362d373536342d396663622d383037306232386532656338222c22506c6174666f726d223a22696e7374616772616d222c22557365726e616d65223a226c65676163795f63726561746f725f31222c22466f6c6c6f7765727341637475616c223a32313030302c22456e676167656d656e745261746541637475616c223a302e30342c224e6963686573223a7b222474797065223a2253797374656d2e537472696e675b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2266617368696f6e225d7d2c224c6f636174696f6e223a224265726c696e2c204765726d616e79227d2c22427564676574223a3130303030302c2243726561746564223a747275657d2c7b22246964223a2236222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e416c6c6f636174696f6e536c6f742c2043616d706169676e732e477261696e73222c224964223a2230316132343161362d626566392d373164652d383861332d626632326633343335373165222c2243726561746f72223a7b22246964223a2237222c222474797065223a2243616d706169676e732e496e666c75656e6365722e43726561746f7243616e6469646174652c2043616d706169676e732e477261696e732e496e7465726661636573222c22536f6369616c50726f66696c654964223a2230316132343161362d626533302d373135312d383062372d646461666263353233366130222c2243726561746f724964223a2230316132343161362d626532652d373334612d613832352d393333626266613738663434222c22506c6174666f726d223a22696e7374616772616d222c22557365726e616d65223a226c65676163795f63726561746f725f32222c22466f6c6c6f7765727341637475616c223a32323030302c22456e676167656d656e745261746541637475616c223a302e30342c224e6963686573223a7b222474797065223a2253797374656d2e537472696e675b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2266617368696f6e225d7d2c224c6f636174696f6e223a224265726c696e2c204765726d616e79227d2c22427564676574223a3130303030302c2243726561746564223a747275652c224465636c696e6564223a747275657d2c7b22246964223a2238222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e416c6c6f636174696f6e536c6f742c2043616d706169676e732e477261696e73222c224964223a2230316132343161362d626566392d373164662d623163372d343635353565646535326235222c2243726561746f72223a7b22246964223a2239222c222474797065223a2243616d706169676e732e496e666c75656e6365722e43726561746f7243616e6469646174652c2043616d706169676e732e477261696e732e496e7465726661636573222c22536f6369616c50726f66696c654964223a2230316132343161362d626534652d373231352d613564312d313236633636386230653039222c2243726561746f724964223a2230316132343161362d626534632d373736362d383134312d393463656138373933336634222c22506c6174666f726d223a22696e7374616772616d222c22557365726e616d65223a226c65676163795f63726561746f725f33222c22466f6c6c6f7765727341637475616c223a32333030302c22456e676167656d656e745261746541637475616c223a302e30342c224e6963686573223a7b222474797065223a2253797374656d2e537472696e675b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2266617368696f6e225d7d2c224c6f636174696f6e223a224265726c696e2c204765726d616e79227d2c22427564676574223a3130303030302c2243726561746564223a747275657d5d7d2c22456e6452656d696e646572466f72223a22323032372d30312d3331227d	2026-12-04 15:22:56.974948+00	5
-1220477308	8513707117321011622	-1988618570149586022	-1805695470	campaign	\N	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e43616d706169676e53746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c224e616d65223a224c6567616379206f75747265616368206472616674222c224b696e64223a312c2243757272656e6379223a22555344222c22476f616c73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c22506c6174666f726d73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c22437265617465644174223a22323032362d31322d30345431353a32323a35372e3739393239372b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35372e3833363037332b30303a3030222c2256657273696f6e223a322c22416c6c6f636174696f6e73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b43616d706169676e732e43616d706169676e436f72652e416c6c6f636174696f6e536c6f742c2043616d706169676e732e477261696e735d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c224f75747265616368223a7b22246964223a2232222c222474797065223a2243616d706169676e732e4f757472656163682e4f7574726561636842726965662c2043616d706169676e732e477261696e732e496e7465726661636573222c2241756469656e6365223a7b22246964223a2233222c222474797065223a2243616d706169676e732e4f757472656163682e4f7574726561636841756469656e63652c2043616d706169676e732e477261696e732e496e7465726661636573222c22436f6e74616374496473223a7b222474797065223a223c3e7a5f5f526561644f6e6c79417272617960315b5b53797374656d2e477569642c2053797374656d2e507269766174652e436f72654c69625d5d2c2043616d706169676e732e477261696e73222c222476616c756573223a5b2230316132343161362d633231622d373031392d613866632d303234633730356361653639222c2230316132343161362d633361612d373238642d613538322d366135373530326130303566225d7d7d7d7d	2026-12-04 15:22:57.836732+00	2
-1257792671	8645998320560521638	-5957460862516586358	-285399417	participant	01a241a6c21b7019a8fc024c705cae69	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e4f757472656163682e5061727469636970616e7453746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c2253656e64696e674163636f756e744964223a2230316132343161362d633037352d373431312d613161362d353566623831623864376332222c22436861744964223a373030303030303030312c22537461747573223a312c2243757272656e7453746570223a312c224e65787453656e644174223a22323032362d31322d30365431353a32323a35372e3939363438322b30303a3030222c224c61737453656e744174223a22323032362d31322d30345431353a32323a35372e3939363438322b30303a3030222c2256657273696f6e223a312c22536b6970706564223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e496e7433322c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c2252656d696e646572466f72223a22323032362d31322d30365431353a32323a35372e3939363438322b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35382e3233303839362b30303a3030227d	2026-12-04 15:22:58.2419+00	1
-86002605	8087881850319684006	-1385662027499012437	-1805695470	campaign	\N	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e43616d706169676e53746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c224e616d65223a224c656761637920616473222c224b696e64223a332c22427564676574223a3130303030302c2243757272656e74427564676574223a3130303030302c2243757272656e6379223a22555344222c22476f616c73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b227265616368225d7d2c22506c6174666f726d73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22696e7374616772616d225d7d2c22437265617465644174223a22323032362d31322d30345431353a32333a30382e3539393039322b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32333a30382e3539393039322b30303a3030222c2256657273696f6e223a312c22416c6c6f636174696f6e73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b43616d706169676e732e43616d706169676e436f72652e416c6c6f636174696f6e536c6f742c2043616d706169676e732e477261696e735d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d	2026-12-04 15:23:08.600517+00	1
-1677995034	8645998320560521638	-5957460862516586358	-1805695470	campaign	\N	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e43616d706169676e436f72652e43616d706169676e53746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c224e616d65223a224c6567616379206f75747265616368222c224b696e64223a312c22537461747573223a322c2243757272656e6379223a22555344222c22476f616c73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c22506c6174666f726d73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e537472696e672c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c22537461727465644174223a22323032362d31322d30345431353a32323a35372e3930333038362b30303a3030222c22437265617465644174223a22323032362d31322d30345431353a32323a35372e3333303935352b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35372e3930333038362b30303a3030222c2256657273696f6e223a342c22416c6c6f636174696f6e73223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b43616d706169676e732e43616d706169676e436f72652e416c6c6f636174696f6e536c6f742c2043616d706169676e732e477261696e735d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c224f75747265616368223a7b22246964223a2232222c222474797065223a2243616d706169676e732e4f757472656163682e4f7574726561636842726965662c2043616d706169676e732e477261696e732e496e7465726661636573222c225363686564756c65223a7b22246964223a2233222c222474797065223a2243616d706169676e732e4f757472656163682e4f757472656163685363686564756c652c2043616d706169676e732e477261696e732e496e7465726661636573222c2254696d655a6f6e65223a224575726f70652f4d6f73636f77222c22446179734f665765656b223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e4461794f665765656b2c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b302c312c322c332c342c352c365d7d7d2c2241756469656e6365223a7b22246964223a2234222c222474797065223a2243616d706169676e732e4f757472656163682e4f7574726561636841756469656e63652c2043616d706169676e732e477261696e732e496e7465726661636573222c224c696d6974223a313030302c22436f6e74616374496473223a7b222474797065223a223c3e7a5f5f526561644f6e6c79417272617960315b5b53797374656d2e477569642c2053797374656d2e507269766174652e436f72654c69625d5d2c2043616d706169676e732e477261696e73222c222476616c756573223a5b2230316132343161362d633231622d373031392d613866632d303234633730356361653639222c2230316132343161362d633232312d373730362d393231612d313435663562653038626138222c2230316132343161362d633235302d373364352d626237632d326166383333383034333166225d7d2c2253656e64696e674163636f756e744964223a2230316132343161362d633037352d373431312d613161362d353566623831623864376332227d7d7d	2026-12-04 15:22:57.932266+00	4
1176630207	8645998320560521638	-5957460862516586358	-285399417	participant	01a241a6c25073d5bb7c2af83380431f	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e4f757472656163682e5061727469636970616e7453746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c2253656e64696e674163636f756e744964223a2230316132343161362d633037352d373431312d613161362d353566623831623864376332222c22436861744964223a373030303030303030332c22537461747573223a312c2243757272656e7453746570223a312c224e65787453656e644174223a22323032362d31322d30365431353a32323a35382e3030343335362b30303a3030222c224c61737453656e744174223a22323032362d31322d30345431353a32323a35382e3030343335362b30303a3030222c2256657273696f6e223a312c22536b6970706564223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e496e7433322c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c2252656d696e646572466f72223a22323032362d31322d30365431353a32323a35382e3030343335362b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35382e3233343433352b30303a3030227d	2026-12-04 15:22:58.238747+00	1
1504662117	8645998320560521638	-5957460862516586358	-285399417	participant	01a241a6c2217706921a145f5be08ba8	campaigns	\\x7b22246964223a2231222c222474797065223a2243616d706169676e732e4f757472656163682e5061727469636970616e7453746174652c2043616d706169676e732e477261696e73222c224f7267616e697a6174696f6e4964223a2230316132343161362d323561302d373664382d613361372d326662313865633061383334222c2253656e64696e674163636f756e744964223a2230316132343161362d633037352d373431312d613161362d353566623831623864376332222c22436861744964223a373030303030303030322c22537461747573223a312c2243757272656e7453746570223a312c224e65787453656e644174223a22323032362d31322d30365431353a32323a35372e39393633382b30303a3030222c224c61737453656e744174223a22323032362d31322d30345431353a32323a35372e39393633382b30303a3030222c2256657273696f6e223a312c22536b6970706564223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e47656e657269632e4c69737460315b5b53797374656d2e496e7433322c2053797374656d2e507269766174652e436f72654c69625d5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d2c2252656d696e646572466f72223a22323032362d31322d30365431353a32323a35372e39393633382b30303a3030222c22557064617465644174223a22323032362d31322d30345431353a32323a35382e3233383935352b30303a3030227d	2026-12-04 15:22:58.239266+00	1
\.


--
-- Data for Name: outreach_participants; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outreach_participants (campaign_id, contact_id, organization_id, sending_account_id, chat_id, status, current_step, next_send_at, last_sent_at, replied_at, reason, metadata, version, created_at, updated_at) FROM stdin;
01a241a6-c1aa-77fc-8a18-68d6e8d852ad	01a241a6-c250-73d5-bb7c-2af83380431f	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-c075-7411-a1a6-55fb81b8d7c2	7000000003	sent	1	2026-12-06 15:22:58.004356+00	2026-12-04 15:22:58.004356+00	\N	\N	{"skipped": []}	1	2026-12-04 15:22:57.903086+00	2026-12-04 15:22:58.234435+00
01a241a6-c1aa-77fc-8a18-68d6e8d852ad	01a241a6-c21b-7019-a8fc-024c705cae69	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-c075-7411-a1a6-55fb81b8d7c2	7000000001	sent	1	2026-12-06 15:22:57.996482+00	2026-12-04 15:22:57.996482+00	\N	\N	{"skipped": []}	1	2026-12-04 15:22:57.903086+00	2026-12-04 15:22:58.230896+00
01a241a6-c1aa-77fc-8a18-68d6e8d852ad	01a241a6-c221-7706-921a-145f5be08ba8	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-c075-7411-a1a6-55fb81b8d7c2	7000000002	sent	1	2026-12-06 15:22:57.99638+00	2026-12-04 15:22:57.99638+00	\N	\N	{"skipped": []}	1	2026-12-04 15:22:57.903086+00	2026-12-04 15:22:58.238955+00
\.


--
-- Data for Name: outreach_plan_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outreach_plan_versions (campaign_id, version) FROM stdin;
01a241a6-c1aa-77fc-8a18-68d6e8d852ad	2
\.


--
-- Data for Name: outreach_sends; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outreach_sends (id, campaign_id, contact_id, organization_id, step_index, sending_account_id, status, telegram_message_id, error, attempts, created_at, sent_at) FROM stdin;
01a241a6-c469-7770-8ebd-c9b8582a1494	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	01a241a6-c21b-7019-a8fc-024c705cae69	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	0	01a241a6-c075-7411-a1a6-55fb81b8d7c2	sent	3	\N	1	2026-12-04 15:22:57.996482+00	2026-12-04 15:22:57.996482+00
01a241a6-c469-776f-ba09-a8916e95fb03	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	01a241a6-c250-73d5-bb7c-2af83380431f	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	0	01a241a6-c075-7411-a1a6-55fb81b8d7c2	sent	1	\N	1	2026-12-04 15:22:58.004356+00	2026-12-04 15:22:58.004356+00
01a241a6-c469-7771-ab63-baa49abff0c5	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	01a241a6-c221-7706-921a-145f5be08ba8	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	0	01a241a6-c075-7411-a1a6-55fb81b8d7c2	sent	2	\N	1	2026-12-04 15:22:57.99638+00	2026-12-04 15:22:57.99638+00
\.


--
-- Data for Name: outreach_steps; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outreach_steps (id, campaign_id, order_index, template_id, delay_hours, trigger_type, conditions, created_at, updated_at) FROM stdin;
01a241a6-c2eb-72c0-ae98-791c116ff37a	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	0	01a241a6-c28b-7548-9c0e-f2b54689366a	0	delay	{"contact": [], "stopIfReplied": false}	2026-12-04 15:22:57.663953+00	2026-12-04 15:22:57.663953+00
01a241a6-c32c-7390-9bba-22c44a0ac2b1	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	1	01a241a6-c2b8-771a-8aec-07a0088fda86	48	delay	{"contact": [], "stopIfReplied": true}	2026-12-04 15:22:57.711046+00	2026-12-04 15:22:57.711046+00
\.


--
-- Data for Name: outreach_templates; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outreach_templates (id, organization_id, campaign_id, name, channel, content, created_at, updated_at) FROM stdin;
01a241a6-c28b-7548-9c0e-f2b54689366a	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	Intro	telegram	Hi {{contact.first_name}}!	2026-12-04 15:22:57.550353+00	2026-12-04 15:22:57.550353+00
01a241a6-c2b8-771a-8aec-07a0088fda86	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	01a241a6-c1aa-77fc-8a18-68d6e8d852ad	Follow	telegram	Any thoughts, {{contact.first_name}}?	2026-12-04 15:22:57.59328+00	2026-12-04 15:22:57.59328+00
\.


--
-- Data for Name: posts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.posts (id, organization_id, creator_profile_id, platform, platform_post_id, url, author_username, title, caption, hashtags, mentions, links, content_type, media_urls, published_at, likes, comments, shares, views, reach, impressions, engagement_rate, followers_at_scrape, raw, first_seen_at, last_scraped_at) FROM stdin;
\.


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.schema_migrations (version, applied_at) FROM stdin;
0001_orleans_clustering.sql	2026-12-04 15:22:17.096498+00
0002_orleans_persistence.sql	2026-12-04 15:22:17.114273+00
0003_orleans_reminders.sql	2026-12-04 15:22:17.121016+00
0004_tenancy.sql	2026-12-04 15:22:17.125164+00
0005_campaigns.sql	2026-12-04 15:22:17.135004+00
0006_audit.sql	2026-12-04 15:22:17.140037+00
0007_creators.sql	2026-12-04 15:22:17.153177+00
0008_apify_jobs.sql	2026-12-04 15:22:17.171983+00
0009_posts.sql	2026-12-04 15:22:17.182188+00
0010_campaign_allocations.sql	2026-12-04 15:22:17.193383+00
0011_apify_take_next.sql	2026-12-04 15:22:17.198736+00
0012_ab_tests.sql	2026-12-04 15:22:17.20039+00
0013_apify_usage_shards.sql	2026-12-04 15:22:17.20657+00
0014_campaign_spend.sql	2026-12-04 15:22:17.211983+00
0015_campaign_templates.sql	2026-12-04 15:22:17.218333+00
0016_crm.sql	2026-12-04 15:22:17.22361+00
0017_telegram.sql	2026-12-04 15:22:17.245132+00
0018_outreach_participants.sql	2026-12-04 15:22:17.264+00
0019_outreach_sequences.sql	2026-12-04 15:22:17.284515+00
0020_outreach_due_replied.sql	2026-12-04 15:22:17.297677+00
0021_custom_plans_for_swinging_tables.sql	2026-12-04 15:22:17.303971+00
0022_campaign_posts_lean_writes.sql	2026-12-04 15:22:17.305758+00
0023_campaign_posts_without_post_check.sql	2026-12-04 15:22:17.308437+00
0024_apify_take_next_cached_plans.sql	2026-12-04 15:22:17.310388+00
0025_prepared_pipeline_statements.sql	2026-12-04 15:22:17.312467+00
0026_lookups_by_key_only.sql	2026-12-04 15:22:17.315134+00
\.


--
-- Data for Name: sending_accounts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sending_accounts (id, organization_id, name, bot_token, bot_user_id, bot_username, updates_mode, webhook_secret, daily_cap, status, polling_offset, created_at, updated_at) FROM stdin;
01a241a6-c075-7411-a1a6-55fb81b8d7c2	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	Legacy bot	1332398825741:AA05ecc906544f4ca5a548d089e3193491	1332398825741	legacy_capture_bot	polling	7db892d99b7530ea407880ae9db79690507d185dfaebb91345dff145a1096f65	150	active	0	2026-12-04 15:22:57.146695+00	2026-12-04 15:22:57.146695+00
\.


--
-- Data for Name: telegram_chat_members; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.telegram_chat_members (sending_account_id, chat_id, user_id, username, first_name, last_name, first_seen_at, last_seen_at) FROM stdin;
\.


--
-- Data for Name: telegram_chats; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.telegram_chats (sending_account_id, chat_id, organization_id, type, title, username, first_name, last_name, contact_id, left_at, last_message_at, created_at, updated_at) FROM stdin;
\.


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.users (id, organization_id, email, role, created_at) FROM stdin;
01a241a6-25a4-722d-8676-f5dc4c41b8c0	01a241a6-25a0-76d8-a3a7-2fb18ec0a834	admin@legacy.example	admin	2026-12-04 15:22:17.361664+00
\.


--
-- Name: ab_test_events ab_test_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ab_test_events
    ADD CONSTRAINT ab_test_events_pkey PRIMARY KEY (test_id, event_id);


--
-- Name: ab_tests ab_tests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ab_tests
    ADD CONSTRAINT ab_tests_pkey PRIMARY KEY (id);


--
-- Name: api_keys api_keys_key_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash);


--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);


--
-- Name: apify_jobs_queue apify_jobs_queue_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apify_jobs_queue
    ADD CONSTRAINT apify_jobs_queue_pkey PRIMARY KEY (id);


--
-- Name: apify_rate_limits apify_rate_limits_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apify_rate_limits
    ADD CONSTRAINT apify_rate_limits_pkey PRIMARY KEY (organization_id);


--
-- Name: apify_usage apify_usage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apify_usage
    ADD CONSTRAINT apify_usage_pkey PRIMARY KEY (organization_id, day, shard);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: campaign_allocations campaign_allocations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_allocations
    ADD CONSTRAINT campaign_allocations_pkey PRIMARY KEY (id);


--
-- Name: campaign_posts campaign_posts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_posts
    ADD CONSTRAINT campaign_posts_pkey PRIMARY KEY (id);


--
-- Name: campaign_spend campaign_spend_campaign_id_idempotency_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_spend
    ADD CONSTRAINT campaign_spend_campaign_id_idempotency_key_key UNIQUE (campaign_id, idempotency_key);


--
-- Name: campaign_spend campaign_spend_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_spend
    ADD CONSTRAINT campaign_spend_pkey PRIMARY KEY (id);


--
-- Name: campaign_templates campaign_templates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_templates
    ADD CONSTRAINT campaign_templates_pkey PRIMARY KEY (id);


--
-- Name: campaigns campaigns_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaigns
    ADD CONSTRAINT campaigns_pkey PRIMARY KEY (id);


--
-- Name: creator_social_profiles creator_social_profiles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.creator_social_profiles
    ADD CONSTRAINT creator_social_profiles_pkey PRIMARY KEY (id);


--
-- Name: creators creators_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.creators
    ADD CONSTRAINT creators_pkey PRIMARY KEY (id);


--
-- Name: crm_companies crm_companies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_companies
    ADD CONSTRAINT crm_companies_pkey PRIMARY KEY (id);


--
-- Name: crm_contacts crm_contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_contacts
    ADD CONSTRAINT crm_contacts_pkey PRIMARY KEY (id);


--
-- Name: crm_leads crm_leads_contact_pipeline_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_leads
    ADD CONSTRAINT crm_leads_contact_pipeline_key UNIQUE (pipeline_id, contact_id);


--
-- Name: crm_leads crm_leads_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_leads
    ADD CONSTRAINT crm_leads_pkey PRIMARY KEY (id);


--
-- Name: crm_pipelines crm_pipelines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_pipelines
    ADD CONSTRAINT crm_pipelines_pkey PRIMARY KEY (id);


--
-- Name: crm_stages crm_stages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_stages
    ADD CONSTRAINT crm_stages_pkey PRIMARY KEY (id);


--
-- Name: crm_stages crm_stages_position_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_stages
    ADD CONSTRAINT crm_stages_position_key UNIQUE (pipeline_id, "position") DEFERRABLE INITIALLY DEFERRED;


--
-- Name: organizations organizations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organizations
    ADD CONSTRAINT organizations_pkey PRIMARY KEY (id);


--
-- Name: outreach_participants outreach_participants_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_participants
    ADD CONSTRAINT outreach_participants_pkey PRIMARY KEY (campaign_id, contact_id);


--
-- Name: outreach_plan_versions outreach_plan_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_plan_versions
    ADD CONSTRAINT outreach_plan_versions_pkey PRIMARY KEY (campaign_id);


--
-- Name: outreach_sends outreach_sends_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_sends
    ADD CONSTRAINT outreach_sends_pkey PRIMARY KEY (id);


--
-- Name: outreach_sends outreach_sends_step_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_sends
    ADD CONSTRAINT outreach_sends_step_key UNIQUE (campaign_id, contact_id, step_index);


--
-- Name: outreach_steps outreach_steps_order_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_steps
    ADD CONSTRAINT outreach_steps_order_key UNIQUE (campaign_id, order_index) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: outreach_steps outreach_steps_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_steps
    ADD CONSTRAINT outreach_steps_pkey PRIMARY KEY (id);


--
-- Name: outreach_templates outreach_templates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_templates
    ADD CONSTRAINT outreach_templates_pkey PRIMARY KEY (id);


--
-- Name: orleansmembershiptable pk_orleansmembershiptable; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleansmembershiptable
    ADD CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation);


--
-- Name: orleansmembershipversiontable pk_orleansmembershipversiontable; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleansmembershipversiontable
    ADD CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid);


--
-- Name: orleansquery pk_orleansquery; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleansquery
    ADD CONSTRAINT pk_orleansquery PRIMARY KEY (querykey);


--
-- Name: orleansreminderstable pk_orleansreminderstable; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleansreminderstable
    ADD CONSTRAINT pk_orleansreminderstable PRIMARY KEY (serviceid, grainid, remindername);


--
-- Name: posts posts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posts
    ADD CONSTRAINT posts_pkey PRIMARY KEY (id);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: sending_accounts sending_accounts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sending_accounts
    ADD CONSTRAINT sending_accounts_pkey PRIMARY KEY (id);


--
-- Name: telegram_chat_members telegram_chat_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.telegram_chat_members
    ADD CONSTRAINT telegram_chat_members_pkey PRIMARY KEY (sending_account_id, chat_id, user_id);


--
-- Name: telegram_chats telegram_chats_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.telegram_chats
    ADD CONSTRAINT telegram_chats_pkey PRIMARY KEY (sending_account_id, chat_id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: ab_tests_campaign_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ab_tests_campaign_id ON public.ab_tests USING btree (campaign_id, id);


--
-- Name: api_keys_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX api_keys_org ON public.api_keys USING btree (organization_id, id);


--
-- Name: apify_jobs_queue_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX apify_jobs_queue_due ON public.apify_jobs_queue USING btree (priority DESC, scheduled_at, id) WHERE (status = 'pending'::text);


--
-- Name: apify_jobs_queue_held; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX apify_jobs_queue_held ON public.apify_jobs_queue USING btree (organization_id) WHERE (status = 'held'::text);


--
-- Name: apify_jobs_queue_open_per_allocation; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX apify_jobs_queue_open_per_allocation ON public.apify_jobs_queue USING btree (allocation_id, job_type) WHERE ((allocation_id IS NOT NULL) AND (status = ANY (ARRAY['pending'::text, 'running'::text, 'held'::text])));


--
-- Name: apify_jobs_queue_org_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX apify_jobs_queue_org_id ON public.apify_jobs_queue USING btree (organization_id, id DESC);


--
-- Name: audit_log_org_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_org_id ON public.audit_log USING btree (organization_id, id DESC);


--
-- Name: audit_log_org_resource; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_org_resource ON public.audit_log USING btree (organization_id, resource_type, resource_id, id DESC);


--
-- Name: campaign_allocations_campaign_position; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX campaign_allocations_campaign_position ON public.campaign_allocations USING btree (campaign_id, "position");


--
-- Name: campaign_allocations_creator; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX campaign_allocations_creator ON public.campaign_allocations USING btree (organization_id, creator_id);


--
-- Name: campaign_posts_allocation_list; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX campaign_posts_allocation_list ON public.campaign_posts USING btree (allocation_id, id DESC);


--
-- Name: campaign_posts_allocation_post_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX campaign_posts_allocation_post_key ON public.campaign_posts USING btree (allocation_id, post_id);


--
-- Name: campaign_spend_campaign; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX campaign_spend_campaign ON public.campaign_spend USING btree (campaign_id, id);


--
-- Name: campaign_templates_listing; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX campaign_templates_listing ON public.campaign_templates USING btree (organization_id, niche, type, id);


--
-- Name: campaigns_org_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX campaigns_org_id ON public.campaigns USING btree (organization_id, id DESC);


--
-- Name: campaigns_org_kind_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX campaigns_org_kind_id ON public.campaigns USING btree (organization_id, kind, id DESC);


--
-- Name: campaigns_org_status_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX campaigns_org_status_id ON public.campaigns USING btree (organization_id, status, id DESC);


--
-- Name: creator_social_profiles_creator; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX creator_social_profiles_creator ON public.creator_social_profiles USING btree (creator_id);


--
-- Name: creator_social_profiles_handle_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX creator_social_profiles_handle_key ON public.creator_social_profiles USING btree (organization_id, platform, lower(username));


--
-- Name: creator_social_profiles_location_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX creator_social_profiles_location_trgm ON public.creator_social_profiles USING gin (location public.gin_trgm_ops);


--
-- Name: creator_social_profiles_niches; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX creator_social_profiles_niches ON public.creator_social_profiles USING gin (niches);


--
-- Name: creator_social_profiles_selection; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX creator_social_profiles_selection ON public.creator_social_profiles USING btree (organization_id, platform, followers_actual) WHERE (followers_actual IS NOT NULL);


--
-- Name: creator_social_profiles_username_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX creator_social_profiles_username_trgm ON public.creator_social_profiles USING gin (username public.gin_trgm_ops);


--
-- Name: creators_name_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX creators_name_trgm ON public.creators USING gin (name public.gin_trgm_ops);


--
-- Name: creators_org_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX creators_org_id ON public.creators USING btree (organization_id, id DESC);


--
-- Name: crm_companies_org_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_companies_org_id ON public.crm_companies USING btree (organization_id, id DESC);


--
-- Name: crm_companies_search_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_companies_search_trgm ON public.crm_companies USING gin ((((name || ' '::text) || COALESCE(domain, ''::text))) public.gin_trgm_ops);


--
-- Name: crm_contacts_company; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_contacts_company ON public.crm_contacts USING btree (company_id, id DESC) WHERE (company_id IS NOT NULL);


--
-- Name: crm_contacts_email_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX crm_contacts_email_key ON public.crm_contacts USING btree (organization_id, lower(email)) WHERE (email IS NOT NULL);


--
-- Name: crm_contacts_org_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_contacts_org_id ON public.crm_contacts USING btree (organization_id, id DESC);


--
-- Name: crm_contacts_org_telegram; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_contacts_org_telegram ON public.crm_contacts USING btree (organization_id, id DESC) WHERE (telegram_id IS NOT NULL);


--
-- Name: crm_contacts_org_telegram_reachable; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_contacts_org_telegram_reachable ON public.crm_contacts USING btree (organization_id, id DESC) WHERE ((telegram_id IS NOT NULL) OR (telegram_username IS NOT NULL));


--
-- Name: crm_contacts_org_telegram_username; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_contacts_org_telegram_username ON public.crm_contacts USING btree (organization_id, lower(telegram_username)) WHERE (telegram_username IS NOT NULL);


--
-- Name: crm_contacts_search_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_contacts_search_trgm ON public.crm_contacts USING gin (search_text public.gin_trgm_ops);


--
-- Name: crm_contacts_telegram_id_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX crm_contacts_telegram_id_key ON public.crm_contacts USING btree (organization_id, telegram_id) WHERE (telegram_id IS NOT NULL);


--
-- Name: crm_leads_contact; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_leads_contact ON public.crm_leads USING btree (contact_id);


--
-- Name: crm_leads_org_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_leads_org_id ON public.crm_leads USING btree (organization_id, id DESC);


--
-- Name: crm_leads_pipeline_stage; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_leads_pipeline_stage ON public.crm_leads USING btree (pipeline_id, stage_id, id DESC);


--
-- Name: crm_leads_stage; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_leads_stage ON public.crm_leads USING btree (stage_id);


--
-- Name: crm_pipelines_org_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_pipelines_org_id ON public.crm_pipelines USING btree (organization_id, id DESC);


--
-- Name: ix_orleansreminderstable_serviceid_grainhash; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_orleansreminderstable_serviceid_grainhash ON public.orleansreminderstable USING btree (serviceid, grainhash);


--
-- Name: organizations_name_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX organizations_name_key ON public.organizations USING btree (lower(name));


--
-- Name: outreach_participants_contact; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outreach_participants_contact ON public.outreach_participants USING btree (organization_id, contact_id);


--
-- Name: outreach_participants_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outreach_participants_due ON public.outreach_participants USING btree (campaign_id, next_send_at, contact_id) WHERE ((status = ANY (ARRAY['pending'::text, 'sent'::text, 'delivered'::text, 'replied'::text])) AND (next_send_at IS NOT NULL));


--
-- Name: outreach_participants_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outreach_participants_status ON public.outreach_participants USING btree (campaign_id, status, contact_id);


--
-- Name: outreach_sends_account_day; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outreach_sends_account_day ON public.outreach_sends USING btree (sending_account_id, sent_at) WHERE (sent_at IS NOT NULL);


--
-- Name: outreach_sends_campaign_step; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outreach_sends_campaign_step ON public.outreach_sends USING btree (campaign_id, step_index, status);


--
-- Name: outreach_steps_template; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outreach_steps_template ON public.outreach_steps USING btree (template_id);


--
-- Name: outreach_templates_campaign; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outreach_templates_campaign ON public.outreach_templates USING btree (campaign_id, id) WHERE (campaign_id IS NOT NULL);


--
-- Name: outreach_templates_presets; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outreach_templates_presets ON public.outreach_templates USING btree (organization_id, id) WHERE (campaign_id IS NULL);


--
-- Name: posts_platform_post_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX posts_platform_post_key ON public.posts USING btree (organization_id, platform, platform_post_id);


--
-- Name: posts_profile_published; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posts_profile_published ON public.posts USING btree (creator_profile_id, published_at DESC) WHERE (creator_profile_id IS NOT NULL);


--
-- Name: sending_accounts_bot_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX sending_accounts_bot_key ON public.sending_accounts USING btree (bot_user_id);


--
-- Name: sending_accounts_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sending_accounts_org ON public.sending_accounts USING btree (organization_id, id);


--
-- Name: telegram_chats_org_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX telegram_chats_org_type ON public.telegram_chats USING btree (organization_id, type);


--
-- Name: users_org_email_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX users_org_email_key ON public.users USING btree (organization_id, lower(email));


--
-- Name: ux_orleansstorage_grain; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ux_orleansstorage_grain ON public.orleansstorage USING btree (grainidhash, graintypehash, serviceid, grainidn0, grainidn1, md5((graintypestring)::text), COALESCE(md5((grainidextensionstring)::text), ''::text));


--
-- Name: ab_tests ab_tests_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ab_tests
    ADD CONSTRAINT ab_tests_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: api_keys api_keys_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: api_keys api_keys_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: apify_jobs_queue apify_jobs_queue_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apify_jobs_queue
    ADD CONSTRAINT apify_jobs_queue_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: apify_rate_limits apify_rate_limits_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apify_rate_limits
    ADD CONSTRAINT apify_rate_limits_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: apify_usage apify_usage_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apify_usage
    ADD CONSTRAINT apify_usage_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: audit_log audit_log_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: campaign_allocations campaign_allocations_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_allocations
    ADD CONSTRAINT campaign_allocations_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: campaign_posts campaign_posts_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_posts
    ADD CONSTRAINT campaign_posts_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id);


--
-- Name: campaign_spend campaign_spend_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_spend
    ADD CONSTRAINT campaign_spend_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: campaign_templates campaign_templates_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_templates
    ADD CONSTRAINT campaign_templates_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: campaigns campaigns_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaigns
    ADD CONSTRAINT campaigns_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: creator_social_profiles creator_social_profiles_creator_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.creator_social_profiles
    ADD CONSTRAINT creator_social_profiles_creator_id_fkey FOREIGN KEY (creator_id) REFERENCES public.creators(id) ON DELETE CASCADE;


--
-- Name: creator_social_profiles creator_social_profiles_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.creator_social_profiles
    ADD CONSTRAINT creator_social_profiles_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: creators creators_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.creators
    ADD CONSTRAINT creators_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: crm_companies crm_companies_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_companies
    ADD CONSTRAINT crm_companies_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: crm_contacts crm_contacts_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_contacts
    ADD CONSTRAINT crm_contacts_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.crm_companies(id) ON DELETE SET NULL;


--
-- Name: crm_contacts crm_contacts_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_contacts
    ADD CONSTRAINT crm_contacts_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: crm_leads crm_leads_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_leads
    ADD CONSTRAINT crm_leads_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.crm_contacts(id) ON DELETE CASCADE;


--
-- Name: crm_leads crm_leads_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_leads
    ADD CONSTRAINT crm_leads_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: crm_leads crm_leads_pipeline_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_leads
    ADD CONSTRAINT crm_leads_pipeline_id_fkey FOREIGN KEY (pipeline_id) REFERENCES public.crm_pipelines(id);


--
-- Name: crm_leads crm_leads_stage_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_leads
    ADD CONSTRAINT crm_leads_stage_id_fkey FOREIGN KEY (stage_id) REFERENCES public.crm_stages(id);


--
-- Name: crm_pipelines crm_pipelines_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_pipelines
    ADD CONSTRAINT crm_pipelines_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: crm_stages crm_stages_pipeline_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_stages
    ADD CONSTRAINT crm_stages_pipeline_id_fkey FOREIGN KEY (pipeline_id) REFERENCES public.crm_pipelines(id) ON DELETE CASCADE;


--
-- Name: orleansmembershiptable fk_orleansmembershiptable_version; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleansmembershiptable
    ADD CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (deploymentid) REFERENCES public.orleansmembershipversiontable(deploymentid);


--
-- Name: outreach_participants outreach_participants_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_participants
    ADD CONSTRAINT outreach_participants_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.crm_contacts(id) ON DELETE CASCADE;


--
-- Name: outreach_participants outreach_participants_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_participants
    ADD CONSTRAINT outreach_participants_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: outreach_plan_versions outreach_plan_versions_campaign_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_plan_versions
    ADD CONSTRAINT outreach_plan_versions_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES public.campaigns(id) ON DELETE CASCADE;


--
-- Name: outreach_steps outreach_steps_campaign_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_steps
    ADD CONSTRAINT outreach_steps_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES public.campaigns(id) ON DELETE CASCADE;


--
-- Name: outreach_steps outreach_steps_template_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_steps
    ADD CONSTRAINT outreach_steps_template_id_fkey FOREIGN KEY (template_id) REFERENCES public.outreach_templates(id);


--
-- Name: outreach_templates outreach_templates_campaign_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_templates
    ADD CONSTRAINT outreach_templates_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES public.campaigns(id) ON DELETE CASCADE;


--
-- Name: outreach_templates outreach_templates_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outreach_templates
    ADD CONSTRAINT outreach_templates_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: posts posts_creator_profile_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posts
    ADD CONSTRAINT posts_creator_profile_id_fkey FOREIGN KEY (creator_profile_id) REFERENCES public.creator_social_profiles(id) ON DELETE SET NULL;


--
-- Name: posts posts_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posts
    ADD CONSTRAINT posts_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: sending_accounts sending_accounts_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sending_accounts
    ADD CONSTRAINT sending_accounts_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: telegram_chat_members telegram_chat_members_sending_account_id_chat_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.telegram_chat_members
    ADD CONSTRAINT telegram_chat_members_sending_account_id_chat_id_fkey FOREIGN KEY (sending_account_id, chat_id) REFERENCES public.telegram_chats(sending_account_id, chat_id) ON DELETE CASCADE;


--
-- Name: telegram_chats telegram_chats_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.telegram_chats
    ADD CONSTRAINT telegram_chats_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.crm_contacts(id) ON DELETE SET NULL;


--
-- Name: telegram_chats telegram_chats_sending_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.telegram_chats
    ADD CONSTRAINT telegram_chats_sending_account_id_fkey FOREIGN KEY (sending_account_id) REFERENCES public.sending_accounts(id) ON DELETE CASCADE;


--
-- Name: users users_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- PostgreSQL database dump complete
--

\unrestrict nWw9P59mBSXzmfyGthJd1xeurqsnfFQAtHKmvgYg6uLBPAmCZ05i1ZCzKSleIAR

