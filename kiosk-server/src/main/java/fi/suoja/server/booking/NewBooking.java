package fi.suoja.server.booking;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A request for a room: where, from when, for how long; a card number and a name only if the site
 * uses them; the language the kiosk was in, for statistics.
 */
public record NewBooking(long roomId, Instant start, int minutes, @Nullable String libraryCard, @Nullable String nameOnDoor,
                         @Nullable String language) {
}
