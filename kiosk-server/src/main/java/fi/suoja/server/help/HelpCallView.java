package fi.suoja.server.help;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A help call as the staff desk sees it. {@code screen} and {@code language} are empty for calls
 * made before kiosks sent them; {@code resolvedAt} is when the call was closed, however it was.
 */
@Serdeable
public record HelpCallView(
        long id,
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

    static HelpCallView of(HelpCall call) {
        return new HelpCallView(call.id(), call.siteId(), call.kioskId(), call.kioskName(), call.status(), call.screen(),
                call.language(), call.createdAt(), call.acknowledgedAt(), call.acknowledgedBy(), call.resolvedAt(),
                call.resolvedBy());
    }
}
