package fi.suoja.server.door;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A staff alert as the staff desk shows it. */
@Serdeable
record AlertView(long id, @Nullable Long siteId, @Nullable Long roomId, @Nullable String roomName, String message, Instant raisedAt,
                 @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {
}
