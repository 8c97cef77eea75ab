-- Audit log of every mutating request: who, in which organization, what, a digest of the payload
-- (never the payload itself, which may hold secrets), when and how it ended.
CREATE TABLE audit_log (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    user_id          uuid,
    api_key_id       uuid,
    action           text NOT NULL,
    resource_type    text NOT NULL,
    resource_id      text,
    payload_sha256   text,
    status_code      integer NOT NULL,
    outcome          text NOT NULL,
    occurred_at      timestamptz NOT NULL
);
CREATE INDEX audit_log_org_id ON audit_log (organization_id, id DESC);
CREATE INDEX audit_log_org_resource ON audit_log (organization_id, resource_type, resource_id, id DESC);
