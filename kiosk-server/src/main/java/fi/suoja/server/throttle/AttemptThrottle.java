package fi.suoja.server.throttle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The wrong attempts of one scope in its current window, and when its next try may be looked at.
 * {@code failures} counts a try as wrong when it is taken and gives it back when it was right, so
 * that racing tries are counted under the row lock, never after it.
 */
@MappedEntity("attempt_throttle")
record AttemptThrottle(
        @Id String scope,
        Instant windowStart,
        int failures,
        Instant nextSlot,
        @Nullable Instant alertedAt) {
}
