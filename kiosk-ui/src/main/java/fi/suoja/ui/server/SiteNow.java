package fi.suoja.ui.server;

import java.time.Instant;
import java.util.Optional;

/**
 * The library's rooms at this moment, for a booking of one length, as the server sees them.
 *
 * @param closesAt when open: the latest closing time today, else null
 * @param opensAt  when closed: when a room opens next within the booking horizon, else null
 * @param nextFree the first room and start for such a booking (from the asked day on), if any
 */
public record SiteNow(State state, int freeRooms, Instant closesAt, Instant opensAt, Optional<RoomChoice> nextFree) {

    /**
     * FREE: a room can be booked now; FULL: open, but every room is taken; CLOSED: no room is open
     * for it. No {@code UNKNOWN}: a kiosk that cannot tell whether it may offer a room shows its
     * calm "does not work" screen.
     */
    @ApiSchema("SiteNow.State")
    public enum State { FREE, FULL, CLOSED }

    /** The server's answer. */
    @ApiSchema("SiteNow")
    record Answer(State state, int freeRooms, Instant closesAt, Instant opensAt, RoomChoice.FreeRoom nextFree) {

        SiteNow now() {
            return new SiteNow(state, freeRooms, closesAt, opensAt, Optional.ofNullable(nextFree).map(RoomChoice.FreeRoom::choice));
        }
    }
}
