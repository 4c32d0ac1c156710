package fi.suoja.server.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * A booking as the kiosk and staff see it. {@code code} is in its display form; the door code
 * fields are null when the room has no keypad. {@code id} matches the {@code bookingId} of the
 * fleet's loans, so the staff desk can show which devices a booking holds. {@code checkInUntil}
 * is, for a booking not checked in yet, when its check-in closes and the room is given to others.
 * {@code roomName} and {@code place} are in the library's first language, {@code roomNames} and
 * {@code places} in every language they were written in (see {@link fi.suoja.server.room.RoomTexts}).
 */
@Serdeable
public record BookingView(
        @Nullable String code,
        long roomId,
        String roomName,
        String place,
        Map<String, String> roomNames,
        Map<String, String> places,
        long siteId,
        String timeZone,
        Instant start,
        Instant end,
        BookingStatus status,
        @Nullable String doorCode,
        @Nullable Instant doorCodeValidFrom,
        @Nullable Instant doorCodeValidUntil,
        @Nullable Instant checkedInAt,
        @Nullable Instant endedAt,
        @Nullable String nameOnDoor,
        boolean libraryCardGiven,
        @Nullable String language,
        long id,
        @Nullable Instant checkInUntil) {
}
