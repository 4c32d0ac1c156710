package fi.suoja.server.booking;

import java.time.Instant;

/** Published after a booking was extended and the change is committed: things lent for it last longer too. */
public record BookingExtended(long bookingId, Instant endsAt) {
}
