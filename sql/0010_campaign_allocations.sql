-- Allocations of influencer campaigns (docs/domain/influencer.md#allocations): a listing projection of allocation grains.
-- The grain is the source of truth; it upserts its row after every change and again on activation, guarded by
-- version, so a crash between the two writes heals and a stale write never wins.
CREATE TABLE campaign_allocations (
    id                   uuid PRIMARY KEY,
    organization_id      uuid NOT NULL REFERENCES organizations (id),
    -- No foreign key to campaigns: the campaign's row is a projection too, written by another grain.
    campaign_id          uuid NOT NULL,
    -- The allocation's place in its campaign: selection rank at activation, then replacements in the order made.
    position             integer NOT NULL CHECK (position >= 0),
    creator_id           uuid NOT NULL,
    social_profile_id    uuid NOT NULL,
    platform             text NOT NULL,
    username             text NOT NULL,
    allocated_budget     bigint NOT NULL CHECK (allocated_budget >= 0),
    current_budget       bigint NOT NULL,
    status               text NOT NULL CHECK (status IN ('pending', 'accepted', 'active', 'declined', 'completed', 'cancelled')),
    reach                bigint NOT NULL DEFAULT 0,
    engagement           bigint NOT NULL DEFAULT 0,
    conversions          bigint NOT NULL DEFAULT 0,
    ctr                  double precision NOT NULL DEFAULT 0,
    avg_engagement_rate  double precision NOT NULL DEFAULT 0,
    posts_count          integer NOT NULL DEFAULT 0,
    last_collected_at    timestamptz,
    accepted_at          timestamptz,
    declined_at          timestamptz,
    decline_reason       text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint NOT NULL
);
-- A campaign's allocations in order; the keyset cursor is an allocation id, read back to its position.
CREATE UNIQUE INDEX campaign_allocations_campaign_position ON campaign_allocations (campaign_id, position);
CREATE INDEX campaign_allocations_creator ON campaign_allocations (organization_id, creator_id);
