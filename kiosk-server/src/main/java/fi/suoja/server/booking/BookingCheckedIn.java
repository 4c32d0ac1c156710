package fi.suoja.server.booking;

import java.time.Instant;

/** Published after a citizen checked in and the change is committed: a door without a keypad can open now. */
public record BookingCheckedIn(long bookingId, long roomId, Instant at) {
}
