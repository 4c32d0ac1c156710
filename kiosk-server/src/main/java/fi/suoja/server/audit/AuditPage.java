package fi.suoja.server.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of the audit log; {@code more}: a next page has entries. */
@Serdeable
public record AuditPage(List<AuditEntryView> entries, int page, int size, boolean more) {
}
