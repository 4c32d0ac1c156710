package fi.suoja.server.door;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * Something staff must see to, such as a lock that did not take a booking's code, or someone guessing
 * codes or passwords. Open until acknowledged. No site: for every library (a login belongs to none).
 */
@MappedEntity("staff_alert")
record StaffAlert(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        @Nullable Long siteId,
        @Nullable Long roomId,
        @Nullable Long bookingId,
        String message,
        Instant raisedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy) {

    static final int MESSAGE_MAX = 500;
}
