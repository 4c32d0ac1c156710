package fi.suoja.server.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * One thing staff or an admin did. {@code actor} is the staff user name (the only personal data
 * kept); {@code desk} the desk it came from as the UI server names it, {@code address} the address
 * the request came from.
 */
@MappedEntity("audit_entry")
record AuditEntry(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        @MappedProperty("done_at") Instant at,
        String actor,
        @Nullable String desk,
        @Nullable String address,
        AuditAction action,
        @Nullable Long siteId,
        @Nullable Target.Kind targetKind,
        @Nullable String targetId,
        @Nullable Long bookingId,
        @Nullable String detail) {

    static final int ACTOR_MAX = 60;
    static final int DESK_MAX = 80;
    static final int DETAIL_MAX = 300;
}
