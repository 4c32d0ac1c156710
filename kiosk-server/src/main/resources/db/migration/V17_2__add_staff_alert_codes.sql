-- Staff alerts as a code and parameters that each desk words in its own language, instead of an
-- English sentence (fi.suoja.server.door.AlertCode). attempts: the tries of a door task or the wrong
-- guesses counted; failure: how a lock or sign failed (DoorFailure); subject: whose guessing (a
-- kiosk's name, a user name, an address). message stays: the English detail for the log and IT,
-- and the only words of the alerts raised before this, which keep their text as LEGACY.
ALTER TABLE staff_alert ADD COLUMN code VARCHAR(30) DEFAULT 'LEGACY' NOT NULL;
ALTER TABLE staff_alert ALTER COLUMN code DROP DEFAULT;
ALTER TABLE staff_alert ADD COLUMN attempts INT;
ALTER TABLE staff_alert ADD COLUMN failure VARCHAR(30);
ALTER TABLE staff_alert ADD COLUMN subject VARCHAR(120);
