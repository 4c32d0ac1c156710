package fi.suoja.ui.server;

import java.time.Instant;

/** A booking as the server shows it to a kiosk; the door code is null when the room has no keypad. */
public record Booking(String code, long roomId, String roomName, String place, String timeZone,
                      Instant start, Instant end, String status, String doorCode,
                      Instant doorCodeValidFrom, Instant checkedInAt) {

    public boolean confirmed() {
        return "CONFIRMED".equals(status);
    }

    public boolean checkedIn() {
        return "CHECKED_IN".equals(status);
    }
}
