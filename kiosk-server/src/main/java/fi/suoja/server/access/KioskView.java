package fi.suoja.server.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record KioskView(long id, long siteId, String name, Instant createdAt, @Nullable Instant revokedAt) {

    static KioskView of(Kiosk kiosk) {
        return new KioskView(kiosk.id(), kiosk.siteId(), kiosk.name(), kiosk.createdAt(), kiosk.revokedAt());
    }
}
