package fi.suoja.server.door;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * Something staff must see to, such as a lock that did not take a booking's code, or someone guessing
 * codes or passwords. Open until acknowledged. No site: for every library (a login belongs to none).
 * What it is about is {@code code} with its parameters ({@code attempts}, {@code failure},
 * {@code subject}), which the desk words; {@code message} is the English detail for the log and IT.
 */
@MappedEntity("staff_alert")
record StaffAlert(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        @Nullable Long siteId,
        @Nullable Long roomId,
        @Nullable Long bookingId,
        AlertCode code,
        @Nullable Integer attempts,
        @Nullable DoorFailure failure,
        @Nullable String subject,
        String message,
        Instant raisedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy) {

    static final int MESSAGE_MAX = 500;
    static final int SUBJECT_MAX = 120;
}
