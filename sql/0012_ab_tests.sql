-- A/B tests of marketing campaigns (docs/domain/ab-testing.md).
-- ab_tests is the listing projection of the A/B test grains: the grain is the source of truth and upserts its row
-- after every change and on activation, guarded by version.
CREATE TABLE ab_tests (
    id                 uuid PRIMARY KEY,
    organization_id    uuid NOT NULL REFERENCES organizations (id),
    -- No foreign key to campaigns: that row is a projection too, written by another grain.
    campaign_id        uuid NOT NULL,
    name               text NOT NULL,
    status             text NOT NULL CHECK (status IN ('running', 'completed')),
    primary_metric     text NOT NULL CHECK (primary_metric IN ('conversion_rate', 'click_through_rate')),
    winner_variant_id  uuid,
    created_at         timestamptz NOT NULL,
    completed_at       timestamptz,
    updated_at         timestamptz NOT NULL,
    version            bigint NOT NULL
);
-- A campaign's tests in creation order (ids are UUIDv7), keyset on id.
CREATE INDEX ab_tests_campaign_id ON ab_tests (campaign_id, id);

-- Every exposure and outcome, once: the primary key is what makes a resent event count once, across restarts too.
-- The grain's running counts are a cache of
--   SELECT variant_id, type, count(*), sum(value) FROM ab_test_events WHERE test_id = $1 GROUP BY 1, 2.
CREATE TABLE ab_test_events (
    test_id      uuid NOT NULL,
    event_id     uuid NOT NULL,
    variant_id   uuid NOT NULL,
    -- 0 impression, 1 click, 2 conversion (AbEventType): a smallint keeps the hottest table of the system narrow.
    type         smallint NOT NULL CHECK (type IN (0, 1, 2)),
    -- Revenue of a conversion; 0 for other types.
    value        numeric NOT NULL DEFAULT 0 CHECK (value >= 0),
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (test_id, event_id)
);
