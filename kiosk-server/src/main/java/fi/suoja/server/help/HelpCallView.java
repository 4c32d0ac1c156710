package fi.suoja.server.help;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A help call as the kiosk and the staff desk see it. */
@Serdeable
public record HelpCallView(
        long id,
        long siteId,
        long kioskId,
        String kioskName,
        HelpCallStatus status,
        Instant createdAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant resolvedAt,
        @Nullable String resolvedBy) {

    static HelpCallView of(HelpCall call) {
        return new HelpCallView(call.id(), call.siteId(), call.kioskId(), call.kioskName(), call.status(),
                call.createdAt(), call.acknowledgedAt(), call.acknowledgedBy(), call.resolvedAt(), call.resolvedBy());
    }
}
