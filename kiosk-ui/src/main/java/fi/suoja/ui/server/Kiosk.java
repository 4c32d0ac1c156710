package fi.suoja.ui.server;

import java.time.Instant;

/** A kiosk as an administrator lists it; {@code revokedAt} is set once its token no longer works. */
@ApiSchema("KioskView")
public record Kiosk(long id, long siteId, String name, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
