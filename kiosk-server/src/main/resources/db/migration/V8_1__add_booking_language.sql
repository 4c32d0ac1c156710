-- The language the kiosk showed when the booking was made: for statistics of who the rooms serve. Not personal data.
ALTER TABLE booking ADD COLUMN language VARCHAR(8);
