package fi.suoja.server.booking;

import java.time.Instant;

/** What another feature may know of a booking: which it is, where, when, and whether it still runs. */
public record BookingRef(long id, long siteId, Instant startsAt, Instant endsAt, BookingStatus status) {

    public boolean activeAt(Instant now) {
        return status.holdsRoom() && now.isBefore(endsAt);
    }
}
