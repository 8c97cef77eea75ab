-- Orleans ADO.NET schema, part 1: the shared query registry and cluster membership.
-- Targets Microsoft.Orleans.Clustering.AdoNet 10.4.x with Invariant = "Npgsql" (Npgsql 10).
-- The providers read every SQL statement they run from orleansquery at startup and bind
-- parameters by name (@DeploymentId, ...) and read result columns by name, so those names
-- are the contract; everything else here is free to differ from Orleans' own scripts.
-- Npgsql 10 sends DateTime values (DbType.DateTime, Kind=Utc) as timestamptz, so every
-- timestamp column and function argument is timestamptz.

-- Shared by the clustering, persistence and reminders providers (0002 and 0003 add rows).
CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,

    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);

-- One row per deployment (ClusterId); its version is the optimistic-concurrency etag of the
-- whole membership table, bumped by every successful insert/update of a silo row.
CREATE TABLE orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL,
    timestamp    timestamptz  NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0,

    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid)
);

CREATE TABLE orleansmembershiptable
(
    deploymentid varchar(150) NOT NULL,
    address      varchar(45)  NOT NULL,
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     varchar(150) NOT NULL,
    hostname     varchar(150) NOT NULL,
    status       integer      NOT NULL,
    proxyport    integer      NOT NULL,
    suspecttimes text         NULL,
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,

    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid)
);

-- Inserts a silo row only if the caller saw the current table version. Locking the version
-- row first serialises all versioned writers of a deployment, so nothing has to be undone:
-- the version is bumped only after the insert succeeded. Returns 1 on success, 0 otherwise.
CREATE FUNCTION orleans_insert_membership(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM 1
    FROM orleansmembershipversiontable
    WHERE deploymentid = p_deployment_id
      AND version = p_version
    FOR UPDATE;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname,
         status, proxyport, starttime, iamalivetime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershipversiontable
    SET version = version + 1,
        timestamp = now()
    WHERE deploymentid = p_deployment_id;

    RETURN 1;
END
$$;

-- Same etag discipline as orleans_insert_membership.
CREATE FUNCTION orleans_update_membership(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM 1
    FROM orleansmembershipversiontable
    WHERE deploymentid = p_deployment_id
      AND version = p_version
    FOR UPDATE;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershiptable
    SET status = p_status,
        suspecttimes = p_suspect_times,
        iamalivetime = p_i_am_alive_time
    WHERE deploymentid = p_deployment_id
      AND address = p_address
      AND port = p_port
      AND generation = p_generation;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershipversiontable
    SET version = version + 1,
        timestamp = now()
    WHERE deploymentid = p_deployment_id;

    RETURN 1;
END
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Must always yield exactly one row with one column (1 = created, 0 = already there).
('InsertMembershipVersionKey', $q$
    WITH inserted AS (
        INSERT INTO orleansmembershipversiontable (deploymentid)
        VALUES (@DeploymentId)
        ON CONFLICT DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer FROM inserted;
$q$),

('InsertMembershipKey', $q$
    SELECT orleans_insert_membership(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
$q$),

('UpdateMembershipKey', $q$
    SELECT orleans_update_membership(
        @DeploymentId, @Address, @Port, @Generation,
        @Status, @SuspectTimes, @IAmAliveTime, @Version);
$q$),

-- Heartbeats are deliberately not versioned (Orleans' extended membership protocol).
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleansmembershiptable
    SET iamalivetime = @IAmAliveTime
    WHERE deploymentid = @DeploymentId
      AND address = @Address
      AND port = @Port
      AND generation = @Generation;
$q$),

-- The outer join keeps the version row visible even when the silo row is absent;
-- the provider reads the table etag from it.
('MembershipReadRowKey', $q$
    SELECT
        v.deploymentid,
        m.address,
        m.port,
        m.generation,
        m.siloname,
        m.hostname,
        m.status,
        m.proxyport,
        m.suspecttimes,
        m.starttime,
        m.iamalivetime,
        v.version
    FROM orleansmembershipversiontable v
    LEFT JOIN orleansmembershiptable m
           ON m.deploymentid = v.deploymentid
          AND m.address = @Address
          AND m.port = @Port
          AND m.generation = @Generation
    WHERE v.deploymentid = @DeploymentId;
$q$),

('MembershipReadAllKey', $q$
    SELECT
        v.deploymentid,
        m.address,
        m.port,
        m.generation,
        m.siloname,
        m.hostname,
        m.status,
        m.proxyport,
        m.suspecttimes,
        m.starttime,
        m.iamalivetime,
        v.version
    FROM orleansmembershipversiontable v
    LEFT JOIN orleansmembershiptable m
           ON m.deploymentid = v.deploymentid
    WHERE v.deploymentid = @DeploymentId;
$q$),

('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
$q$),

-- Used by clients (and silos) to find gateways; @Status is always Active (3).
('GatewaysQueryKey', $q$
    SELECT address, proxyport, generation
    FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId
      AND status = @Status
      AND proxyport > 0;
$q$),

-- Required by the provider, but only used when CleanupDefunctSiloEntryKey below is absent.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId
      AND iamalivetime < @IAmAliveTime
      AND status <> 3;
$q$),

-- Optional since 10.4: when present the provider reads the table, picks Dead (6) rows older
-- than the cutoff and deletes each one only if it is unchanged since that read.
('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId
      AND address = @Address
      AND port = @Port
      AND generation = @Generation
      AND status = 6
      AND starttime = @StartTime
      AND iamalivetime = @IAmAliveTime
      AND NULLIF(suspecttimes, '') IS NOT DISTINCT FROM NULLIF(@SuspectTimes, '');
$q$);
