-- What the desk needs to go to the right person: the kiosk screen the visitor asked from and the
-- kiosk's language then (both from fixed sets, checked by the server). Empty for calls made before.
-- A call is now also CANCELLED by the visitor or EXPIRED by the server; status has room for both.
ALTER TABLE help_call ADD COLUMN screen VARCHAR(20);
ALTER TABLE help_call ADD COLUMN language VARCHAR(8);

-- A kiosk's stream starts with its recent calls.
CREATE INDEX help_call_kiosk ON help_call (kiosk_id, created_at);
