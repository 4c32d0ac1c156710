package fi.suoja.server.help;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A help call as the kiosk that made it sees it: whether someone is coming, never who. Staff
 * log-in names are not for a public screen (they are often a person's full name).
 */
@Serdeable
public record KioskHelpCallView(
        long id,
        HelpCallStatus status,
        @Nullable KioskScreen screen,
        @Nullable String language,
        Instant createdAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant closedAt) {

    static KioskHelpCallView of(HelpCallView call) {
        return new KioskHelpCallView(call.id(), call.status(), call.screen(), call.language(), call.createdAt(),
                call.acknowledgedAt(), call.resolvedAt());
    }
}
