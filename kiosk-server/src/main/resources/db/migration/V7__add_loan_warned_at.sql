-- When the "your time is ending" warning went to the device, so that it is sent once.
ALTER TABLE loan ADD COLUMN warned_at TIMESTAMP WITH TIME ZONE;
