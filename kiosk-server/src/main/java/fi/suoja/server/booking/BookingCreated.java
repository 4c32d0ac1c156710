package fi.suoja.server.booking;

import java.time.Instant;

/**
 * Published after a booking was made and the change is committed, so that features with work at
 * the booking's instants (door codes, room signs) can plan it without the booking feature knowing them.
 */
public record BookingCreated(long bookingId, long roomId, Instant firstDue) {

    /** The first instant the booking needs anything: its door code's window opening, or else its start. */
    static BookingCreated of(BookingView made) {
        Instant first = made.doorCodeValidFrom() != null && made.doorCodeValidFrom().isBefore(made.start()) ? made.doorCodeValidFrom() : made.start();
        return new BookingCreated(made.id(), made.roomId(), first);
    }
}
