package fi.suoja.server.help;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A kiosk's call for staff. The kiosk's name is copied so the call still reads right if the kiosk is renamed. */
@MappedEntity("help_call")
record HelpCall(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long siteId,
        long kioskId,
        String kioskName,
        HelpCallStatus status,
        Instant createdAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant resolvedAt,
        @Nullable String resolvedBy) {

    static HelpCall raise(long siteId, long kioskId, String kioskName, Instant at) {
        return new HelpCall(null, siteId, kioskId, kioskName, HelpCallStatus.OPEN, at, null, null, null, null);
    }

    /** Acknowledging twice, or after the call was resolved, changes nothing: two staff may tap at once. */
    HelpCall acknowledge(String by, Instant at) {
        if (status != HelpCallStatus.OPEN) {
            return this;
        }
        return new HelpCall(id, siteId, kioskId, kioskName, HelpCallStatus.ACKNOWLEDGED, createdAt, at, by, null, null);
    }

    HelpCall resolve(String by, Instant at) {
        if (status == HelpCallStatus.RESOLVED) {
            return this;
        }
        return new HelpCall(id, siteId, kioskId, kioskName, HelpCallStatus.RESOLVED, createdAt,
                acknowledgedAt == null ? at : acknowledgedAt, acknowledgedBy == null ? by : acknowledgedBy, at, by);
    }
}
