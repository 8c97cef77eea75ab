-- Row look-ups in the pipeline's functions that only the primary key can serve (issue 3).
--
-- 0025 looked each scraped post up with `posts.id = … AND posts.organization_id = p_org` inside the LATERAL subquery.
-- Two indexes fit that condition: the primary key, and posts_platform_post_key, which starts with organization_id.
-- PL/pgSQL keeps a generic plan per connection, costed from the statistics of the moment it is made; in some benchmark
-- runs it was made when the statistics showed an organization with few posts, and took the organization index, so
-- every verdict walked all of the organization's posts (campaign_posts_record_matches went from 0.12 to 0.88 busy
-- backends and the run from ~8,000 to ~5,700 posts/s; docs/BENCHMARKS.md). The subquery now names only the key, and
-- the organization is checked on the row it returns: OFFSET 0 keeps that check from being pushed back into the
-- subquery, so no plan can look the post up by anything but its key. The profile read of the worker's take gets the
-- same shape for the same reason (creator_social_profiles has two indexes that start with organization_id).
CREATE OR REPLACE FUNCTION campaign_posts_record_matches(
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

-- CREATE OR REPLACE resets the function's settings: restate 0025's.
ALTER FUNCTION campaign_posts_record_matches(uuid, uuid, uuid, uuid[], uuid[], double precision[], boolean[], text[], text[], jsonb[], text[], timestamptz)
    SET enable_seqscan = off;

CREATE OR REPLACE FUNCTION apify_take_next_with_followers(only_org uuid, at timestamptz)
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
        SELECT taken, (SELECT p.followers_actual
                       FROM (SELECT followers_actual, organization_id FROM creator_social_profiles
                             WHERE id = taken.creator_profile_id OFFSET 0) p
                       WHERE p.organization_id = taken.organization_id);
END
$$;

ALTER FUNCTION apify_take_next_with_followers(uuid, timestamptz) SET enable_seqscan = off;
