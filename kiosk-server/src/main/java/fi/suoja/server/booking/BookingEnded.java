package fi.suoja.server.booking;

import java.time.Instant;

/**
 * Published after a booking stopped holding its room and the change is committed: ended early,
 * completed at its end, cancelled, or released as a no-show. Other features (the device fleet)
 * listen to it without the booking feature knowing them.
 */
public record BookingEnded(long bookingId, BookingStatus status, Instant at) {
}
