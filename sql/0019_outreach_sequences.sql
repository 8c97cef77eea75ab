-- Outreach templates, organization presets and sequences (docs/domain/outreach.md#sequence, docs/domain/outreach.md#templates-and-placeholders).
-- Rows of a campaign go with it: the campaign's listing row (campaigns) is deleted when the campaign is.

CREATE TABLE outreach_templates (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    -- null: an organization preset, usable by any of its campaigns.
    campaign_id      uuid REFERENCES campaigns (id) ON DELETE CASCADE,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    channel          text NOT NULL DEFAULT 'telegram' CHECK (channel IN ('telegram')),
    -- Telegram's limit for one text message.
    content          text NOT NULL CHECK (length(content) BETWEEN 1 AND 4096),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
-- A campaign's templates, and an organization's presets, in creation order (ids are UUIDv7).
CREATE INDEX outreach_templates_campaign ON outreach_templates (campaign_id, id) WHERE campaign_id IS NOT NULL;
CREATE INDEX outreach_templates_presets ON outreach_templates (organization_id, id) WHERE campaign_id IS NULL;

CREATE TABLE outreach_steps (
    id               uuid PRIMARY KEY,
    campaign_id      uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    order_index      integer NOT NULL CHECK (order_index >= 0),
    -- No cascade: a template a step uses cannot be deleted (the API answers 409 first).
    template_id      uuid NOT NULL REFERENCES outreach_templates (id),
    delay_hours      integer NOT NULL CHECK (delay_hours BETWEEN 0 AND 8760),
    trigger_type     text NOT NULL CHECK (trigger_type IN ('delay', 'after_reply')),
    -- Camelcase spelling (docs/domain/outreach.md#step-conditions): stopIfReplied, contact [{field, op, value}], inPipelineStage, notInPipelineStage.
    conditions       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(conditions) = 'object'),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    -- Deferred so a reorder can swap positions inside one transaction.
    CONSTRAINT outreach_steps_order_key UNIQUE (campaign_id, order_index) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX outreach_steps_template ON outreach_steps (template_id);

-- Bumped in the same transaction as every change to a campaign's steps or to a template they use, so a participant's
-- cached plan can tell it is stale with one indexed read.
CREATE TABLE outreach_plan_versions (
    campaign_id      uuid PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    version          bigint NOT NULL
);

-- The contact picker: Telegram-reachable contacts by id (keyset), including those known by username only.
CREATE INDEX crm_contacts_org_telegram_reachable ON crm_contacts (organization_id, id DESC)
    WHERE telegram_id IS NOT NULL OR telegram_username IS NOT NULL;
-- CSV import matches by username, case-insensitively.
CREATE INDEX crm_contacts_org_telegram_username ON crm_contacts (organization_id, lower(telegram_username))
    WHERE telegram_username IS NOT NULL;
