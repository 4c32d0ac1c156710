-- What the server last refused from a device as a code (fi.suoja.server.device.RefusalKind) that the
-- desk words in its language; last_refusal keeps the English detail for the log and IT. Refusals
-- noted before this have no kind: the desk says only that a message was refused, and when.
ALTER TABLE device ADD COLUMN last_refusal_kind VARCHAR(30);
