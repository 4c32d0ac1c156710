-- A wipe is a durable job with its own id, which the agent writes to disk before it starts.
-- open_for holds the device id while the job is open and NULL once it has finished, so the
-- unique key allows at most one open wipe per device, whatever instances race.
CREATE TABLE wipe_job (
    id               VARCHAR(40)  NOT NULL PRIMARY KEY,
    device_id        VARCHAR(40)  NOT NULL REFERENCES device (id),
    open_for         VARCHAR(40)  UNIQUE,
    method           VARCHAR(16)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX wipe_job_device ON wipe_job (device_id, created_at);
CREATE INDEX wipe_job_due ON wipe_job (open_for, next_attempt_at);

-- What each finished wipe did, kept as proof (counts and relative paths only, no contents).
-- checked_by is set for devices without an agent, whose "wipe" is a staff check on return.
CREATE TABLE wipe_report (
    job_id               VARCHAR(40)  NOT NULL PRIMARY KEY REFERENCES wipe_job (id),
    device_id            VARCHAR(40)  NOT NULL REFERENCES device (id),
    verified             BOOLEAN      NOT NULL,
    files_removed        BIGINT       NOT NULL,
    directories_removed  BIGINT       NOT NULL,
    bytes_removed        BIGINT       NOT NULL,
    failures             VARCHAR(20000),
    duration_millis      BIGINT       NOT NULL,
    finished_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_by           VARCHAR(60)
);

CREATE INDEX wipe_report_device ON wipe_report (device_id, finished_at);
