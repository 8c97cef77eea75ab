-- Grains whose stored state (orleansstorage) exists but cannot be read: the silo's grain storage records each failed
-- read here, and the next successful read of the same grain removes its row. Every silo and API host reads the table,
-- so readiness and the `unreadable-state` operator command see failures wherever they happened.
-- Scoped by the Orleans service id, as orleansstorage is: clusters sharing a database do not see each other's grains.
CREATE TABLE grain_state_failures (
    service_id  text        NOT NULL,
    state_name  text        NOT NULL,  -- the [PersistentState] name: campaign, allocation, participant, abtest
    grain_id    text        NOT NULL,  -- the Orleans grain id as the runtime prints it (type/key)
    grain_key   text        NOT NULL,  -- the key as the API shows it (a Guid in D format, …)
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    attempts    bigint      NOT NULL,
    error       text        NOT NULL,  -- the latest failure: the deserializer's exception type and message
    silo        text        NOT NULL,  -- the silo of the latest failure
    PRIMARY KEY (service_id, state_name, grain_id)
);
