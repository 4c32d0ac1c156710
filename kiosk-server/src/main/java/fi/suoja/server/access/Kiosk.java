package fi.suoja.server.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A touchscreen kiosk of a site. It authenticates with its own token, stored as a hash. */
@MappedEntity("kiosk")
record Kiosk(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long siteId,
        String name,
        String tokenHash,
        Instant createdAt,
        @Nullable Instant revokedAt) {

    static final int NAME_MAX = 80;

    boolean revoked() {
        return revokedAt != null;
    }

    Kiosk revoke(Instant at) {
        return new Kiosk(id, siteId, name, tokenHash, createdAt, at);
    }

    Kiosk withTokenHash(String hash) {
        return new Kiosk(id, siteId, name, hash, createdAt, null);
    }
}
