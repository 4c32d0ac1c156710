package fi.suoja.server.booking;

import fi.suoja.server.room.Room;

/**
 * Published inside the transaction that made a booking, before it commits: what a listener writes
 * for the booking (its door and sign tasks) goes into the same commit and rolls back with it, so a
 * booking is never answered without its door work, and one commit serves both.
 * {@link BookingCreated} follows after the commit.
 */
public record BookingWritten(BookingDoor booking, Room room) {
}
