package fi.suoja.server.door;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Something at a room staff must see to, such as a lock that did not take a booking's code. Open until acknowledged. */
@MappedEntity("staff_alert")
record StaffAlert(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long siteId,
        @Nullable Long roomId,
        @Nullable Long bookingId,
        String message,
        Instant raisedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy) {

    static final int MESSAGE_MAX = 500;
}
