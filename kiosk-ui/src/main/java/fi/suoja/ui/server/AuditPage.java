package fi.suoja.ui.server;

import java.util.List;

/** One page of the audit log, newest first; {@code more}: an older page has entries. */
@ApiSchema("AuditPage")
public record AuditPage(List<AuditEntry> entries, int page, boolean more) {
}
