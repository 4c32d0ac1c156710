-- A new booking's id is known before its row is written, so that on PostgreSQL the row goes with
-- its slot claims, door tasks and COMMIT in one statement (fi.suoja.server.db.IdBlocks): the
-- server takes 50 ids at a time from the booking table's own identity sequence, and a row written
-- with the generated id takes a whole step of 50, so no id is ever given twice.
ALTER TABLE booking ALTER COLUMN id SET INCREMENT BY 50;
