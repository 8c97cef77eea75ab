-- Statements the scrape pipeline can prepare once per connection (issue 3).
--
-- With pg_stat_statements.track_planning on, the influencer benchmark spent 200–380 µs planning each of these on every
-- call (docs/BENCHMARKS.md), about as much as executing them. Prepared statements would keep one plan per connection,
-- but a generic plan is made once, from the statistics of that moment: one made while a table was nearly empty picks
-- a sequential scan and keeps it through the burst of rows an activation brings, until the next ANALYZE (0021, 0024).
-- So what looks rows up goes into functions whose settings rule out every plan but index lookups, which are right at
-- any table size; the statements the repositories prepare are then only these calls and plain inserts.

-- A running job done: as ApifyJobRepository.Complete did in one statement (usage counted on this backend's shard,
-- nothing written for a run that cost nothing). False when the job was not running.
CREATE FUNCTION apify_complete(p_job uuid, p_at timestamptz, p_result jsonb, p_cost numeric) RETURNS boolean
LANGUAGE plpgsql AS $$
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

ALTER FUNCTION apify_complete(uuid, timestamptz, jsonb, numeric) SET enable_seqscan = off;

-- The posts an allocation's metrics count: confirmed by a person, or matched automatically and not decided yet. An
-- allocation has tens to hundreds of them, so an index lookup per row is the right join at any table size.
CREATE FUNCTION allocation_counted_posts(p_allocation uuid)
RETURNS TABLE (platform text, platform_post_id text, likes bigint, comments bigint, shares bigint, views bigint,
               engagement_rate double precision, reach bigint, impressions bigint, published_at timestamptz,
               followers_at_scrape bigint)
LANGUAGE plpgsql STABLE AS $$
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

ALTER FUNCTION allocation_counted_posts(uuid) SET enable_seqscan = off;

-- Automatic matching's verdicts for an allocation (PostRepository.RecordMatches): the statement of 0022–0023. Each post
-- is looked up by its primary key, to keep out posts of another organization.
CREATE FUNCTION campaign_posts_record_matches(
    p_org uuid, p_allocation uuid, p_campaign uuid, p_ids uuid[], p_post_ids uuid[], p_confidence double precision[],
    p_auto_matched boolean[], p_verdicts text[], p_reasons text[], p_signals jsonb[], p_missing_required text[],
    p_at timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO campaign_posts (id, organization_id, allocation_id, campaign_id, post_id, confidence, auto_matched,
        verdict, reason, signals, missing_required, detection, created_at, updated_at)
    SELECT m.id, p.organization_id, p_allocation, p_campaign, m.post_id, m.confidence, m.auto_matched, m.verdict,
           m.reason, m.signals, m.missing_required::text[], 'auto', p_at, p_at
    FROM unnest(p_ids, p_post_ids, p_confidence, p_auto_matched, p_verdicts, p_reasons, p_signals, p_missing_required)
         AS m(id, post_id, confidence, auto_matched, verdict, reason, signals, missing_required)
    -- As in allocation_counted_posts: each post looked up by its key, the scrape's rows driving.
    CROSS JOIN LATERAL (SELECT posts.organization_id FROM posts
                        WHERE posts.id = m.post_id AND posts.organization_id = p_org OFFSET 0) p
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

ALTER FUNCTION campaign_posts_record_matches(uuid, uuid, uuid, uuid[], uuid[], double precision[], boolean[], text[], text[], jsonb[], text[], timestamptz)
    SET enable_seqscan = off;

-- The worker's take (ApifyJobRepository.TakeNextWithFollowers): apify_take_next (0024) and the followers of the job's
-- creator profile, which a posts scrape needs for the engagement rate of Instagram posts, in one call.
CREATE FUNCTION apify_take_next_with_followers(only_org uuid, at timestamptz)
RETURNS TABLE (job apify_jobs_queue, profile_followers bigint)
LANGUAGE plpgsql AS $$
DECLARE
    taken apify_jobs_queue;
BEGIN
    SELECT * INTO taken FROM apify_take_next(only_org, at);
    IF NOT FOUND THEN
        RETURN;
    END IF;

    -- Null when unknown, or when the profile is not the organization's.
    RETURN QUERY
        SELECT taken, (SELECT p.followers_actual FROM creator_social_profiles p
                       WHERE p.id = taken.creator_profile_id AND p.organization_id = taken.organization_id);
END
$$;

ALTER FUNCTION apify_take_next_with_followers(uuid, timestamptz) SET enable_seqscan = off;
