package fi.suoja.server.door;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A staff alert for the staff desk: what it is about as a {@link AlertCode} with its parameters, which
 * the desk words in its language ({@code attempts}: tries or wrong guesses; {@code failure}: how a lock
 * or sign failed; {@code subject}: whose guessing). {@code message} is the server's English detail, for
 * IT and for alerts raised before codes ({@link AlertCode#LEGACY}), which have no other words.
 */
@Serdeable
record AlertView(long id, @Nullable Long siteId, @Nullable Long roomId, @Nullable String roomName, AlertCode code,
                 @Nullable Integer attempts, @Nullable DoorFailure failure, @Nullable String subject, String message, Instant raisedAt,
                 @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {
}
