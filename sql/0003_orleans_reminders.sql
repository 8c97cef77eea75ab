-- Orleans ADO.NET schema, part 3: the reminder table.
-- Targets Microsoft.Orleans.Reminders.AdoNet 10.4.x with Invariant = "Npgsql" (Npgsql 10).
-- Requires 0001 (orleansquery). The provider binds @ServiceId, @GrainId, @ReminderName,
-- @StartTime, @Period, @GrainHash, @BeginHash, @EndHash, @Version and reads GrainId,
-- ReminderName, StartTime, Period and Version by name.
-- @Period is sent as int4 when it fits in 32 bits and as int8 otherwise (periods longer
-- than ~24.8 days), and is read back with GetInt64, hence the bigint column.
-- Grain hashes are uint values sent reinterpreted as signed int4; the provider picks
-- ReadRangeRows1Key/ReadRangeRows2Key by comparing them as signed ints, so the column must
-- be a signed integer compared in signed order.

CREATE TABLE orleansreminderstable
(
    serviceid    varchar(150) NOT NULL,
    grainid      varchar(512) NOT NULL,
    remindername varchar(150) NOT NULL,
    starttime    timestamptz  NOT NULL,
    period       bigint       NOT NULL,
    grainhash    integer      NOT NULL,
    version      integer      NOT NULL,

    CONSTRAINT pk_orleansreminderstable PRIMARY KEY (serviceid, grainid, remindername)
);

-- Each silo periodically loads the reminders of its hash-ring range.
CREATE INDEX ix_orleansreminderstable_serviceid_grainhash
    ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Returns the new etag.
('UpsertReminderRowKey', $q$
    INSERT INTO orleansreminderstable AS r
        (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
    SET starttime = excluded.starttime,
        period = excluded.period,
        grainhash = excluded.grainhash,
        version = r.version + 1
    RETURNING r.version;
$q$),

('ReadReminderRowsKey', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId
      AND grainid = @GrainId;
$q$),

('ReadReminderRowKey', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId
      AND grainid = @GrainId
      AND remindername = @ReminderName;
$q$),

-- Range (BeginHash, EndHash] that does not wrap around.
('ReadRangeRows1Key', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId
      AND grainhash > @BeginHash
      AND grainhash <= @EndHash;
$q$),

-- Range that wraps around the end of the (signed) ring.
('ReadRangeRows2Key', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId
      AND (grainhash > @BeginHash OR grainhash <= @EndHash);
$q$),

-- Must always yield one row with one column: 1 = deleted, 0 = missing or stale etag.
('DeleteReminderRowKey', $q$
    WITH deleted AS (
        DELETE FROM orleansreminderstable
        WHERE serviceid = @ServiceId
          AND grainid = @GrainId
          AND remindername = @ReminderName
          AND version = @Version
        RETURNING 1
    )
    SELECT count(*)::integer FROM deleted;
$q$),

('DeleteReminderRowsKey', $q$
    DELETE FROM orleansreminderstable
    WHERE serviceid = @ServiceId;
$q$);
