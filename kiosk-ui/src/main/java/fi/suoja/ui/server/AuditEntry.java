package fi.suoja.ui.server;

import java.time.Instant;

/**
 * One entry of the server's audit log as the admin page shows it. {@code action} and
 * {@code targetKind} are the server's names (HAND_OUT, DEVICE); the others may be null.
 */
public record AuditEntry(long id, Instant at, String actor, String desk, String action, Long siteId, String targetKind,
                         String targetId, String detail) {
}
