-- Scraped posts and their campaign detections (docs/domain/influencer.md#posts, docs/domain/influencer.md#post-matching).
--
-- Uniqueness (docs/domain/influencer.md#posts): a post's identity is (platform, platform_post_id). Here the key is scoped to the organization,
-- (organization_id, platform, platform_post_id): two organizations tracking the same creator each get their own row,
-- so one tenant's scrape can never overwrite, link or reveal another tenant's copy (its creator profile, raw item,
-- first_seen_at). Within one organization a post is still stored once, however many campaigns watch it.
CREATE TABLE posts (
    id                   uuid PRIMARY KEY,
    organization_id      uuid NOT NULL REFERENCES organizations (id),
    -- Null when a post is stored before its profile is known; a deleted profile keeps its posts' history.
    creator_profile_id   uuid REFERENCES creator_social_profiles (id) ON DELETE SET NULL,
    platform             text NOT NULL CHECK (platform IN ('instagram', 'tiktok', 'youtube')),
    platform_post_id     text NOT NULL CHECK (length(platform_post_id) BETWEEN 1 AND 200),
    url                  text,
    author_username      text,
    title                text,     -- a YouTube video title
    caption              text,     -- the post's text
    hashtags             text[] NOT NULL DEFAULT '{}',
    mentions             text[] NOT NULL DEFAULT '{}',
    links                text[] NOT NULL DEFAULT '{}', -- links the actor reports apart from the caption
    content_type         text,
    media_urls           text[] NOT NULL DEFAULT '{}',
    published_at         timestamptz,
    -- Counts are null when the actor did not report them: "unknown" must not read as 0.
    likes                bigint CHECK (likes >= 0),
    comments             bigint CHECK (comments >= 0),
    shares               bigint CHECK (shares >= 0),
    views                bigint CHECK (views >= 0),
    reach                bigint CHECK (reach >= 0),
    impressions          bigint CHECK (impressions >= 0),
    -- A ratio; double precision so the figure read back is the one scraped (a viral post can pass 1).
    engagement_rate      double precision CHECK (engagement_rate >= 0),
    followers_at_scrape  bigint CHECK (followers_at_scrape >= 0),
    raw                  jsonb NOT NULL,
    first_seen_at        timestamptz NOT NULL,
    last_scraped_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX posts_platform_post_key ON posts (organization_id, platform, platform_post_id);
-- A profile's posts, newest first (the profile page, re-matching a creator's posts for a new allocation).
CREATE INDEX posts_profile_published ON posts (creator_profile_id, published_at DESC) WHERE creator_profile_id IS NOT NULL;

-- A post evaluated for one allocation: automatic matching's verdict plus a person's decision. Automatic matching
-- rewrites only its own columns; decision, decided_by and decided_at belong to people and are never overwritten.
CREATE TABLE campaign_posts (
    id                   uuid PRIMARY KEY,
    -- Copied from the post so tenant checks need no join.
    organization_id      uuid NOT NULL REFERENCES organizations (id),
    -- No foreign keys to allocations or campaigns: both are grains, whose rows may be written after this one.
    allocation_id        uuid NOT NULL,
    campaign_id          uuid NOT NULL,
    post_id              uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    confidence           double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    -- Whether automatic matching took the post for campaign content: confidence reached the campaign's minimum (docs/domain/influencer.md#post-matching).
    auto_matched         boolean NOT NULL,
    verdict              text NOT NULL CHECK (verdict IN ('matched', 'below_minimum_confidence', 'no_signals',
                                                          'outside_campaign_dates', 'publish_time_unknown', 'not_evaluated')),
    reason               text,
    signals              jsonb NOT NULL DEFAULT '[]',
    missing_required     text[] NOT NULL DEFAULT '{}',
    -- auto: recorded by matching; manual: a person added a post matching never recorded for this allocation.
    detection            text NOT NULL CHECK (detection IN ('auto', 'manual')),
    decision             text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'confirmed', 'rejected')),
    decided_by           uuid REFERENCES users (id),
    decided_at           timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    CHECK ((decision = 'pending') = (decided_by IS NULL AND decided_at IS NULL))
);
CREATE UNIQUE INDEX campaign_posts_allocation_post_key ON campaign_posts (allocation_id, post_id);
-- Listing an allocation's posts, newest detection first (ids are UUIDv7), keyset on id.
CREATE INDEX campaign_posts_allocation_list ON campaign_posts (allocation_id, id DESC);
-- Metrics read only the rows that count: confirmed, or automatically matched and not yet decided.
CREATE INDEX campaign_posts_allocation_counted ON campaign_posts (allocation_id, post_id)
    WHERE decision = 'confirmed' OR (decision = 'pending' AND auto_matched);
CREATE INDEX campaign_posts_post ON campaign_posts (post_id);
CREATE INDEX campaign_posts_campaign ON campaign_posts (campaign_id);
