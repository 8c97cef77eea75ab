-- Outreach participants and sends (docs/domain/outreach.md#participant-status, docs/domain/outreach.md#never-twice).
-- A participant is a grain (state in Orleans storage); this table is its queryable projection and the bulk
-- materialization target at start: one INSERT … SELECT from crm_contacts, not one grain call per contact.

CREATE TABLE outreach_participants (
    campaign_id         uuid NOT NULL,
    contact_id          uuid NOT NULL REFERENCES crm_contacts (id) ON DELETE CASCADE,
    organization_id     uuid NOT NULL REFERENCES organizations (id),
    sending_account_id  uuid,
    -- The Telegram chat the steps go to (a private chat's id is the user's id).
    chat_id             bigint,
    status              text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sent', 'delivered', 'replied', 'bounced', 'stopped', 'failed', 'completed')),
    -- The order_index of the next step to send; past the last step once the sequence is done.
    current_step        integer NOT NULL DEFAULT 0 CHECK (current_step >= 0),
    next_send_at        timestamptz,
    last_sent_at        timestamptz,
    replied_at          timestamptz,
    -- Why the participant ended (bounced, failed, stopped), in plain words.
    reason              text,
    metadata            jsonb NOT NULL DEFAULT '{}',
    -- Bumped by every write of the grain; a stale projection write never overwrites a newer one.
    version             bigint NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, contact_id)
);
-- GET …/participants?status= with keyset paging by contact id.
CREATE INDEX outreach_participants_status ON outreach_participants (campaign_id, status, contact_id);
-- The due scan: participants whose next step has come.
CREATE INDEX outreach_participants_due ON outreach_participants (campaign_id, next_send_at)
    WHERE status IN ('pending', 'sent', 'delivered') AND next_send_at IS NOT NULL;
-- only_new, the picker's outreach_status, and routing a reply to the contact's participants.
CREATE INDEX outreach_participants_contact ON outreach_participants (organization_id, contact_id);

CREATE TABLE outreach_sends (
    id                  uuid PRIMARY KEY,
    campaign_id         uuid NOT NULL,
    contact_id          uuid NOT NULL,
    organization_id     uuid NOT NULL,
    step_index          integer NOT NULL,
    sending_account_id  uuid NOT NULL,
    -- intent: recorded before calling Telegram; unknown: a crash left the outcome unknown (never re-sent automatically).
    status              text NOT NULL
        CHECK (status IN ('intent', 'sent', 'delivered', 'bounced', 'failed', 'unknown')),
    telegram_message_id bigint,
    error               text,
    attempts            integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL,
    sent_at             timestamptz,
    -- Never twice: one row per participant and step; an operator's retry reuses the row.
    CONSTRAINT outreach_sends_step_key UNIQUE (campaign_id, contact_id, step_index)
);
-- sent_today per account.
CREATE INDEX outreach_sends_account_day ON outreach_sends (sending_account_id, sent_at) WHERE sent_at IS NOT NULL;
-- Stats per campaign and step.
CREATE INDEX outreach_sends_campaign_step ON outreach_sends (campaign_id, step_index, status);
