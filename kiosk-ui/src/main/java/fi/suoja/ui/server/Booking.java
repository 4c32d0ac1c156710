package fi.suoja.ui.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A booking as the server shows it; the door code is null when the room has no keypad. {@code id}
 * is what a device's loan names ({@link Device#loanBookingId()}). {@code checkInUntil} is, for a
 * booking not checked in yet, when it is given to others unless the visitor comes.
 * {@code roomName} and {@code place} are the library's first language's; {@link #room} has them in
 * every language.
 */
public record Booking(String code, long roomId, String roomName, String place, RoomTexts room, String timeZone,
                      Instant start, Instant end, String status, String doorCode,
                      Instant doorCodeValidFrom, Instant checkedInAt, long id, Instant checkInUntil) {

    /** A booking as the server's API shows it. */
    static Booking of(JsonNode b) {
        return new Booking(b.path("code").asText(), b.path("roomId").asLong(), b.path("roomName").asText(),
                b.path("place").asText(), RoomTexts.of(b, "roomName", "place", "roomNames", "places"),
                b.path("timeZone").asText(), Instant.parse(b.path("start").asText()),
                Instant.parse(b.path("end").asText()), b.path("status").asText(), ApiHttp.text(b.path("doorCode")),
                ApiHttp.instant(b.path("doorCodeValidFrom")), ApiHttp.instant(b.path("checkedInAt")),
                b.path("id").asLong(), ApiHttp.instant(b.path("checkInUntil")));
    }

    public boolean confirmed() {
        return "CONFIRMED".equals(status);
    }

    public boolean checkedIn() {
        return "CHECKED_IN".equals(status);
    }
}
