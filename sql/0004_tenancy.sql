-- Tenancy: every resource belongs to one organization; API keys are stored only as SHA-256 hashes
-- so a database leak does not leak usable credentials.
CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name));

CREATE TABLE users (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    email            text NOT NULL,
    role             text NOT NULL CHECK (role IN ('admin', 'brand_manager', 'media_buyer', 'affiliate_manager', 'finance', 'read_only')),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_org_email_key ON users (organization_id, lower(email));

CREATE TABLE api_keys (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    user_id          uuid NOT NULL REFERENCES users (id),
    name             text NOT NULL,
    prefix           text NOT NULL,
    key_hash         bytea NOT NULL UNIQUE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    revoked_at       timestamptz
);
CREATE INDEX api_keys_org ON api_keys (organization_id, id);
