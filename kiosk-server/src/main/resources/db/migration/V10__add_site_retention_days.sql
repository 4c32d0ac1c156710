-- How many days after its end a booking of this site keeps its codes, card hash and name on the
-- door. NULL: the server's setting (suoja.bookings.retention-days) holds, so changing that setting
-- still reaches every site whose admin has not chosen a number of its own.
ALTER TABLE site ADD COLUMN retention_days INT;
ALTER TABLE site ADD CONSTRAINT site_retention_days_range CHECK (retention_days BETWEEN 1 AND 365);
