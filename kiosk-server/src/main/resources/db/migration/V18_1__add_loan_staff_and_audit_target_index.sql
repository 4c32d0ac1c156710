-- Who lent a device and who took it back (staff user names, like audit_entry.actor), for the
-- device's history on the staff desk. NULL for loans from before this column, and returned_by for
-- loans that ended with their booking or their due time rather than by a scan.
ALTER TABLE loan ADD COLUMN lent_by VARCHAR(60);
ALTER TABLE loan ADD COLUMN returned_by VARCHAR(60);

-- A device's history reads its faults, repairs and retirement from the audit log by target, newest first.
CREATE INDEX audit_entry_target ON audit_entry (target_kind, target_id, done_at);
