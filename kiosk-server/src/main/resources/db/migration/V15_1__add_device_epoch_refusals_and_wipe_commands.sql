-- A device's session identity is an epoch (random, chosen by the agent at its first start and
-- whenever its state is lost) plus a counter within it; epoch_started_at is the agent's own time
-- of the first message of the current epoch, so that an older epoch cannot come back by replay.
-- What the server refused from a device (unsigned, forged, out of bounds, a clock far off) is
-- counted beside it, so staff can see a device the server cannot hear.
ALTER TABLE device ADD COLUMN agent_epoch VARCHAR(32);
ALTER TABLE device ADD COLUMN epoch_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE device ADD COLUMN refused_messages INT DEFAULT 0 NOT NULL;
ALTER TABLE device ADD COLUMN last_refusal VARCHAR(300);
ALTER TABLE device ADD COLUMN last_refused_at TIMESTAMP WITH TIME ZONE;

-- Every WIPE command sent, and when the agent acknowledged it. A wipe result counts only if it
-- answers a row here of the device's open job that was acknowledged before.
CREATE TABLE wipe_command (
    id               VARCHAR(80)  NOT NULL PRIMARY KEY,
    job_id           VARCHAR(40)  NOT NULL REFERENCES wipe_job (id),
    device_id        VARCHAR(40)  NOT NULL REFERENCES device (id),
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX wipe_command_job ON wipe_command (job_id);
