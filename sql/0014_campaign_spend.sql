-- The spend ledger of campaigns (issue 5, budget guard): one row per reported spend, idempotent per
-- (campaign, idempotency_key). The campaign grain is the only writer; its spent total is this table's sum.
CREATE TABLE campaign_spend (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    -- No foreign key to campaigns: the campaign's row is a projection written by its grain.
    campaign_id      uuid NOT NULL,
    idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    amount           bigint NOT NULL CHECK (amount > 0),
    currency         text NOT NULL,
    created_at       timestamptz NOT NULL,
    UNIQUE (campaign_id, idempotency_key)
);
-- Listing a campaign's ledger in order: ids are UUIDv7, so id order is insertion order and the keyset cursor.
CREATE INDEX campaign_spend_campaign ON campaign_spend (campaign_id, id);
