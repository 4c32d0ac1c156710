package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

import java.time.Instant;
import java.util.Map;

/**
 * A booking as the server shows it; the door code is null when the room has no keypad. {@code id}
 * is what a device's loan names ({@link Device.Loan#bookingId()}). {@code checkInUntil} is, for a
 * booking not checked in yet, when it is given to others unless the visitor comes.
 * {@code roomName} and {@code place} are the library's first language's, {@code roomNames} and
 * {@code places} the other languages'; {@link #room()} has them together.
 */
@ApiSchema("BookingView")
public record Booking(String code, long roomId, String roomName, String place, Map<String, String> roomNames,
                      Map<String, String> places, String timeZone, Instant start, Instant end, Status status,
                      String doorCode, Instant doorCodeValidFrom, Instant checkedInAt, long id, Instant checkInUntil) {

    /** The booking lifecycle: CONFIRMED → CHECKED_IN → COMPLETED; CONFIRMED → CANCELLED or NO_SHOW. */
    @ApiSchema("BookingStatus")
    public enum Status {
        CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW,
        /** A status of a newer server than this UI. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    /** The room's name and place in every language the room has them in. */
    public RoomTexts room() {
        return new RoomTexts(roomName, place, roomNames, places);
    }

    public boolean confirmed() {
        return status == Status.CONFIRMED;
    }

    public boolean checkedIn() {
        return status == Status.CHECKED_IN;
    }
}
