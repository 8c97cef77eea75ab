-- Listing projection of campaign grains (a grain cannot be enumerated). The grain is the source of
-- truth; it upserts its row after every change and again on activation, guarded by version, so a
-- crash between the two writes heals and a stale write never wins.
CREATE TABLE campaigns (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    name             text NOT NULL,
    description      text,
    kind             text NOT NULL,
    status           text NOT NULL,
    budget           bigint NOT NULL CHECK (budget >= 0),
    current_budget   bigint NOT NULL,
    currency         char(3) NOT NULL,
    goals            text[] NOT NULL DEFAULT '{}',
    platforms        text[] NOT NULL DEFAULT '{}',
    start_date       date,
    end_date         date,
    scheduled_for    timestamptz,
    started_at       timestamptz,
    completed_at     timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          bigint NOT NULL
);
-- Ids are UUIDv7 (time-ordered), so id DESC is newest first and serves keyset pagination.
CREATE INDEX campaigns_org_id ON campaigns (organization_id, id DESC);
CREATE INDEX campaigns_org_status_id ON campaigns (organization_id, status, id DESC);
CREATE INDEX campaigns_org_kind_id ON campaigns (organization_id, kind, id DESC);
