-- CRM substrate (docs/domain/crm.md): contacts, companies, pipelines with ordered stages, and leads, per organization.
-- CRM records are facts in tables, not grains: campaigns read them in bulk (audience filters, placeholders).

CREATE TABLE crm_companies (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    domain           text CHECK (length(domain) BETWEEN 1 AND 253),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
-- Ids are UUIDv7 (time-ordered): id DESC is newest first and serves keyset pagination.
CREATE INDEX crm_companies_org_id ON crm_companies (organization_id, id DESC);
-- Search q: ILIKE '%…%' over name and domain, one trigram index on both.
CREATE INDEX crm_companies_search_trgm ON crm_companies
    USING gin ((name || ' ' || coalesce(domain, '')) gin_trgm_ops);

CREATE TABLE crm_contacts (
    id                 uuid PRIMARY KEY,
    organization_id    uuid NOT NULL REFERENCES organizations (id),
    first_name         text CHECK (length(first_name) BETWEEN 1 AND 200),
    last_name          text CHECK (length(last_name) BETWEEN 1 AND 200),
    email              text,
    phone              text,
    telegram_id        bigint CHECK (telegram_id > 0),
    telegram_username  text,
    -- A company's deletion leaves its contacts, without a company.
    company_id         uuid REFERENCES crm_companies (id) ON DELETE SET NULL,
    -- Free scalar attributes (docs/domain/crm.md#attributes; outreach placeholders may read them); validated at the API edge.
    attributes         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
    -- What the list's q searches, kept in one column so one trigram index serves it.
    search_text        text GENERATED ALWAYS AS (
        coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' ||
        coalesce(phone, '') || ' ' || coalesce(telegram_username, '')) STORED,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
-- One contact per Telegram account and per e-mail address in an organization (campaign CSV import matches on these).
CREATE UNIQUE INDEX crm_contacts_telegram_id_key ON crm_contacts (organization_id, telegram_id) WHERE telegram_id IS NOT NULL;
CREATE UNIQUE INDEX crm_contacts_email_key ON crm_contacts (organization_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX crm_contacts_org_id ON crm_contacts (organization_id, id DESC);
-- has_telegram=true: the contacts an outreach audience can reach, those with a telegram_id (docs/domain/crm.md#contacts).
CREATE INDEX crm_contacts_org_telegram ON crm_contacts (organization_id, id DESC) WHERE telegram_id IS NOT NULL;
CREATE INDEX crm_contacts_company ON crm_contacts (company_id, id DESC) WHERE company_id IS NOT NULL;
CREATE INDEX crm_contacts_search_trgm ON crm_contacts USING gin (search_text gin_trgm_ops);

CREATE TABLE crm_pipelines (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX crm_pipelines_org_id ON crm_pipelines (organization_id, id DESC);

CREATE TABLE crm_stages (
    id           uuid PRIMARY KEY,
    pipeline_id  uuid NOT NULL REFERENCES crm_pipelines (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    position     integer NOT NULL CHECK (position >= 0),
    -- Deferred so a reorder can swap positions inside one transaction.
    CONSTRAINT crm_stages_position_key UNIQUE (pipeline_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE crm_leads (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    contact_id       uuid NOT NULL REFERENCES crm_contacts (id) ON DELETE CASCADE,
    pipeline_id      uuid NOT NULL REFERENCES crm_pipelines (id),
    -- No cascade: a stage holding leads cannot be removed (the API answers 409 first).
    stage_id         uuid NOT NULL REFERENCES crm_stages (id),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    -- One lead per contact and pipeline; POST /api/pipeline/leads answers the existing one (docs/domain/crm.md#leads).
    CONSTRAINT crm_leads_contact_pipeline_key UNIQUE (pipeline_id, contact_id)
);
-- Lists by pipeline (and stage), newest first; contacts' pipeline_id filter uses the unique key above.
CREATE INDEX crm_leads_pipeline_stage ON crm_leads (pipeline_id, stage_id, id DESC);
CREATE INDEX crm_leads_org_id ON crm_leads (organization_id, id DESC);
CREATE INDEX crm_leads_contact ON crm_leads (contact_id);
CREATE INDEX crm_leads_stage ON crm_leads (stage_id);
