-- A user can be disabled (its keys stop authenticating, its rows stay for the audit trail), and a key records which
-- user issued it. Keys issued before this change, and keys from the bootstrap command, have no issuer.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
ALTER TABLE api_keys ADD COLUMN issued_by uuid REFERENCES users (id);
