package fi.suoja.server.booking;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What the door of a booking's room needs to know, read fresh when the door is driven: whether the
 * booking still holds the room, its time, and its keypad code with the instant the code opens.
 * The code fields are null when the room has no keypad or the booking was anonymised.
 */
public record BookingDoor(long bookingId, long roomId, BookingStatus status, Instant startsAt, Instant endsAt,
                          @Nullable String doorCode, @Nullable Instant doorCodeFrom, @Nullable Instant checkedInAt) {

    /** Whether the booking keeps its room at the instant: not ended, cancelled or released, and not over. */
    public boolean holdsRoomAt(Instant at) {
        return status.holdsRoom() && at.isBefore(endsAt);
    }
}
