package fi.suoja.server.help;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A kiosk's call for staff. The kiosk's name is copied so the call still reads right if the kiosk
 * is renamed. {@code resolvedAt} is when the call was closed, however it was; {@code resolvedBy}
 * the staff member who closed it, if one did. Changes go through the repository's conditional
 * updates, so two people acting at once never undo each other.
 */
@MappedEntity("help_call")
record HelpCall(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long siteId,
        long kioskId,
        String kioskName,
        HelpCallStatus status,
        @Nullable KioskScreen screen,
        @Nullable String language,
        Instant createdAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant resolvedAt,
        @Nullable String resolvedBy) {

    static HelpCall raise(long siteId, long kioskId, String kioskName, NewHelpCall request, Instant at) {
        return new HelpCall(null, siteId, kioskId, kioskName, HelpCallStatus.OPEN, request.screen(), request.language(),
                at, null, null, null, null);
    }

    /** When somebody last moved the call on: staff acknowledging it, or else the visitor asking. */
    Instant lastTouched() {
        return acknowledgedAt == null ? createdAt : acknowledgedAt;
    }
}
