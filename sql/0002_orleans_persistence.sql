-- Orleans ADO.NET schema, part 2: grain state storage.
-- Targets Microsoft.Orleans.Persistence.AdoNet 10.4.x with Invariant = "Npgsql" (Npgsql 10).
-- Requires 0001 (orleansquery). The provider binds @GrainIdHash, @GrainIdN0, @GrainIdN1,
-- @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion
-- and @PayloadBinary, and reads PayloadBinary, Version and NewGrainStateVersion by name.
-- A write/clear/delete that does not return a new version is reported as an etag conflict
-- (InconsistentStateException), which is how optimistic concurrency surfaces.

CREATE TABLE orleansstorage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NULL
);

-- At most one state row per grain, even when two activations race on the first write
-- (split brain). The strings are hashed to keep the key well under the btree size limit;
-- a NULL extension maps to '' which md5 never produces. The leading columns also serve
-- the provider's lookups.
CREATE UNIQUE INDEX ux_orleansstorage_grain
    ON orleansstorage (grainidhash, graintypehash, serviceid, grainidn0, grainidn1,
                       md5(graintypestring), coalesce(md5(grainidextensionstring), ''));

-- Returns the new version, or the version passed in when nothing was written
-- (stale etag, or a concurrent first write won).
CREATE FUNCTION orleans_write_to_storage(
    p_grain_id_hash        integer,
    p_grain_id_n0          bigint,
    p_grain_id_n1          bigint,
    p_grain_type_hash      integer,
    p_grain_type_string    text,
    p_grain_id_extension   text,
    p_service_id           text,
    p_grain_state_version  integer,
    p_payload_binary       bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_grain_state_version IS NULL THEN
        -- No etag: the grain believes no row exists yet.
        INSERT INTO orleansstorage
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
             grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        VALUES
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type_string,
             p_grain_id_extension, p_service_id, p_payload_binary, now(), 1)
        ON CONFLICT DO NOTHING;

        IF FOUND THEN
            RETURN 1;
        END IF;
        RETURN NULL;
    END IF;

    UPDATE orleansstorage
    SET payloadbinary = p_payload_binary,
        modifiedon = now(),
        version = version + 1
    WHERE grainidhash = p_grain_id_hash
      AND graintypehash = p_grain_type_hash
      AND serviceid = p_service_id
      AND grainidn0 = p_grain_id_n0
      AND grainidn1 = p_grain_id_n1
      AND graintypestring = p_grain_type_string
      AND grainidextensionstring IS NOT DISTINCT FROM p_grain_id_extension
      AND version = p_grain_state_version;

    IF FOUND THEN
        RETURN p_grain_state_version + 1;
    END IF;
    RETURN p_grain_state_version;
END
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES

('WriteToStorageKey', $q$
    SELECT orleans_write_to_storage(
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
        AS newgrainstateversion;
$q$),

-- A cleared row keeps its version with a NULL payload, so the next write still checks the etag.
('ReadFromStorageKey', $q$
    SELECT payloadbinary, version
    FROM orleansstorage
    WHERE grainidhash = @GrainIdHash
      AND graintypehash = @GrainTypeHash
      AND serviceid = @ServiceId
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- The provider takes the first column of the first row as the new etag; no row = conflict.
('ClearStorageKey', $q$
    UPDATE orleansstorage
    SET payloadbinary = NULL,
        modifiedon = now(),
        version = version + 1
    WHERE grainidhash = @GrainIdHash
      AND graintypehash = @GrainTypeHash
      AND serviceid = @ServiceId
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version AS newgrainstateversion;
$q$),

-- Optional: only used with AdoNetGrainStorageOptions.DeleteStateOnClear = true.
-- Returns version + 1 because the provider compares it with the etag it sent.
('DeleteStorageKey', $q$
    DELETE FROM orleansstorage
    WHERE grainidhash = @GrainIdHash
      AND graintypehash = @GrainTypeHash
      AND serviceid = @ServiceId
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version + 1 AS newgrainstateversion;
$q$);
