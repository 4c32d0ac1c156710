package fi.suoja.server.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An audit entry as the API shows it to admins. */
@Serdeable
public record AuditEntryView(long id, Instant at, String actor, @Nullable String desk, @Nullable String address,
                             AuditAction action, @Nullable Long siteId, @Nullable Target.Kind targetKind,
                             @Nullable String targetId, @Nullable Long bookingId, @Nullable String detail) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id(), e.at(), e.actor(), e.desk(), e.address(), e.action(), e.siteId(), e.targetKind(),
                e.targetId(), e.bookingId(), e.detail());
    }
}
