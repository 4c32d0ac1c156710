package fi.suoja.server.booking;

/**
 * Published after a booking was made and the change is committed, so that features with work at
 * the booking's instants (door codes, room signs) can plan it without the booking feature knowing them.
 */
public record BookingCreated(long bookingId, long roomId) {
}
