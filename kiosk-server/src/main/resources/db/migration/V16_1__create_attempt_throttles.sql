-- Wrong booking codes and passwords, counted per kiosk, account or address (fi.suoja.server.throttle).
-- One row per scope, changed under its row lock, so that all server instances count one sequence
-- of tries: failures in the window that began at window_start, and the earliest time the next try
-- may be looked at once the free tries are used up. alerted_at: when staff were last told.
CREATE TABLE attempt_throttle (
    scope         VARCHAR(120) NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    failures      INT          NOT NULL CHECK (failures >= 0),
    next_slot     TIMESTAMP WITH TIME ZONE NOT NULL,
    alerted_at    TIMESTAMP WITH TIME ZONE
);

-- The list of wrong codes it replaces was counted before it was added to: racing tries got through.
DROP TABLE code_attempt_failure;

-- Alerts about guessing at logins belong to no library; the desk shows them in every library.
ALTER TABLE staff_alert ALTER COLUMN site_id DROP NOT NULL;
