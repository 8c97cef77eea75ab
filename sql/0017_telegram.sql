-- Telegram sending accounts (docs/domain/outreach.md#sending-accounts), the chats their bots learn from updates, and the users seen there.

CREATE TABLE sending_accounts (
    id                  uuid PRIMARY KEY,
    organization_id     uuid NOT NULL REFERENCES organizations (id),
    name                text NOT NULL,
    -- The bot's secret. Never returned by the API and never logged; the bot id below identifies it instead.
    bot_token           text NOT NULL,
    bot_user_id         bigint NOT NULL,
    bot_username        text,
    updates_mode        text NOT NULL DEFAULT 'polling' CHECK (updates_mode IN ('polling', 'webhook')),
    -- Telegram echoes it in X-Telegram-Bot-Api-Secret-Token on every webhook call.
    webhook_secret      text NOT NULL,
    daily_cap           integer NOT NULL CHECK (daily_cap > 0),
    status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled', 'token_refused')),
    -- getUpdates offset: the id after the last update handled, so a restarted poller does not reread handled ones.
    polling_offset      bigint NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
-- One bot, one account cluster-wide: two accounts on one bot would steal each other's updates.
CREATE UNIQUE INDEX sending_accounts_bot_key ON sending_accounts (bot_user_id);
CREATE INDEX sending_accounts_org ON sending_accounts (organization_id, id);

-- Chats a bot is in: private chats (a user who pressed Start or wrote) and groups, supergroups and channels.
CREATE TABLE telegram_chats (
    sending_account_id  uuid NOT NULL REFERENCES sending_accounts (id) ON DELETE CASCADE,
    chat_id             bigint NOT NULL,
    organization_id     uuid NOT NULL,
    type                text NOT NULL CHECK (type IN ('private', 'group', 'supergroup', 'channel')),
    title               text,
    username            text,
    first_name          text,
    last_name           text,
    -- Private chats: the CRM contact this user is (matched by telegram_id, else telegram_username).
    contact_id          uuid REFERENCES crm_contacts (id) ON DELETE SET NULL,
    -- Groups and channels: the bot was removed (or, for a private chat, blocked by the user).
    left_at             timestamptz,
    last_message_at     timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (sending_account_id, chat_id)
);
CREATE INDEX telegram_chats_org_type ON telegram_chats (organization_id, type);

-- Users a bot has seen in a group (authors of messages, members who joined): the group-sources audience.
CREATE TABLE telegram_chat_members (
    sending_account_id  uuid NOT NULL,
    chat_id             bigint NOT NULL,
    user_id             bigint NOT NULL CHECK (user_id > 0),
    username            text,
    first_name          text,
    last_name           text,
    first_seen_at       timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    PRIMARY KEY (sending_account_id, chat_id, user_id),
    FOREIGN KEY (sending_account_id, chat_id) REFERENCES telegram_chats (sending_account_id, chat_id) ON DELETE CASCADE
);
