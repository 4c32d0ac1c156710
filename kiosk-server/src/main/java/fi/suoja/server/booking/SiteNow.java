package fi.suoja.server.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A library's rooms at this moment, for a booking of a given length, as the kiosk's start screen
 * and its "now" show them.
 *
 * @param state     FREE when a room can be booked now; FULL when rooms are open but all are
 *                  taken; CLOSED when no room is open long enough for such a booking
 * @param freeRooms how many rooms can be booked now
 * @param closesAt  when open: the latest closing time today of the rooms open now
 * @param opensAt   when CLOSED: the next time a room opens within the booking horizon, or null
 * @param nextFree  the first room and time a booking of that length can start (now, when FREE),
 *                  from the asked day on and within the booking horizon, or null when there is none
 */
@Serdeable
public record SiteNow(State state, int freeRooms, @Nullable Instant closesAt, @Nullable Instant opensAt,
                      @Nullable FreeRoom nextFree) {

    public enum State { FREE, FULL, CLOSED }
}
