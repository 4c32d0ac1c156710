package fi.suoja.server.room;

import fi.suoja.server.Api;
import fi.suoja.server.LibraryScene;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Room names and places in the kiosk's languages: written per language by an admin, shown in every
 * view a room appears in, left alone by clients that know only {@code name} and {@code place},
 * and used by the statistics and the calendar feed in the asked language. Run on H2 by
 * {@link RoomTextsOnH2Test} and on PostgreSQL by {@link RoomTextsOnPostgresTest}.
 */
abstract class RoomTextScenarios extends LibraryScene {

    long familyRoom() {
        Map<String, Object> body = new HashMap<>(Map.of("capacity", 4, "stepFree", true, "equipment", List.of()));
        body.put("names", Map.of("fi", "Perhehuone", "sv", "Familjerum", "en", "Family room"));
        body.put("places", Map.of("fi", "2. kerros", "sv", "Våning 2"));
        long id = expect(201, api.post("/api/v1/sites/" + siteId + "/rooms", admin, body)).number("id");
        List<Map<String, String>> week = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> Map.of("weekday", d.name(), "opens", "08:00", "closes", "20:00")).toList();
        expect(200, api.put("/api/v1/rooms/" + id + "/hours", admin, week));
        return id;
    }

    Map<String, Object> room(long id) {
        return expect(200, api.get("/api/v1/rooms/" + id, staff)).map();
    }

    @Test
    void a_room_written_in_several_languages_shows_them_in_every_view_with_the_first_language_as_name_and_place() {
        long id = familyRoom();
        Map<String, Object> room = room(id);
        assertThat(room.get("name")).isEqualTo("Perhehuone");
        assertThat(room.get("place")).isEqualTo("2. kerros");
        assertThat(room.get("names")).isEqualTo(Map.of("fi", "Perhehuone", "sv", "Familjerum", "en", "Family room"));
        assertThat(room.get("places")).isEqualTo(Map.of("fi", "2. kerros", "sv", "Våning 2"));

        Map<String, Object> free = expect(200, api.get("/api/v1/sites/" + siteId + "/free-now?minutes=30", kiosk)).list().get(0);
        assertThat(free.get("names")).isEqualTo(room.get("names"));
        assertThat(free.get("places")).isEqualTo(room.get("places"));
        Map<String, Object> day = expect(200, api.get("/api/v1/sites/" + siteId + "/availability?date=" + TODAY, kiosk)).list().get(0);
        assertThat(day.get("names")).isEqualTo(room.get("names"));

        Api.Answer booking = expect(201, api.post("/api/v1/bookings", kiosk,
                Map.of("roomId", id, "start", free.get("start"), "minutes", 30)));
        assertThat(booking.string("roomName")).isEqualTo("Perhehuone");
        assertThat(booking.get("roomNames")).isEqualTo(room.get("names"));
        assertThat(booking.get("places")).isEqualTo(room.get("places"));
    }

    @Test
    void a_client_that_sends_only_name_and_place_changes_the_first_language_and_keeps_the_others() {
        long id = familyRoom();
        expect(200, api.put("/api/v1/rooms/" + id, admin, Map.of("name", "Perhehuone 2", "place", "3. kerros",
                "capacity", 4, "stepFree", true)));
        Map<String, Object> room = room(id);
        assertThat(room.get("names")).isEqualTo(Map.of("fi", "Perhehuone 2", "sv", "Familjerum", "en", "Family room"));
        assertThat(room.get("places")).isEqualTo(Map.of("fi", "3. kerros", "sv", "Våning 2"));
    }

    @Test
    void a_blank_text_removes_that_language_and_the_maps_replace_what_was_there() {
        long id = familyRoom();
        Map<String, Object> body = new HashMap<>(Map.of("name", "Perhehuone", "place", "2. kerros", "capacity", 4, "stepFree", true));
        body.put("names", Map.of("sv", " ", "uk", "Сімейна кімната"));
        expect(200, api.put("/api/v1/rooms/" + id, admin, body));
        Map<String, Object> room = room(id);
        assertThat(room.get("names")).isEqualTo(Map.of("fi", "Perhehuone", "uk", "Сімейна кімната"));
        assertThat(room.get("places")).as("places were not sent: kept").isEqualTo(Map.of("fi", "2. kerros", "sv", "Våning 2"));
    }

    @Test
    void an_unknown_language_a_missing_first_text_or_two_different_first_texts_are_refused_and_change_nothing() {
        long id = familyRoom();
        Map<String, Object> before = room(id);
        for (Map<String, Object> bad : List.of(
                Map.of("names", Map.of("fi", "Perhehuone", "de", "Familienraum"), "place", "2. kerros"),
                Map.of("names", Map.of("sv", "Familjerum"), "place", "2. kerros"),
                Map.of("name", "Perhehuone", "names", Map.of("fi", "Toinen nimi"), "place", "2. kerros"),
                Map.of("name", "Perhehuone", "place", "2. kerros", "names", Map.of("en", "x".repeat(Room.NAME_MAX + 1))))) {
            Map<String, Object> body = new HashMap<>(bad);
            body.put("capacity", 4);
            body.put("stepFree", true);
            Api.Answer refused = api.put("/api/v1/rooms/" + id, admin, body);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.problem()).isEqualTo("urn:suoja:problem:invalid-request");
            assertThat(room(id)).isEqualTo(before);
        }
    }

    @Test
    void statistics_and_the_calendar_feed_name_the_room_in_the_asked_language_or_in_the_first() {
        long id = familyRoom();
        String from = "?from=" + TODAY + "&to=" + TODAY;
        Map<String, Object> swedish = expect(200, api.get("/api/v1/sites/" + siteId + "/statistics" + from + "&lang=sv", staff)).map();
        assertThat(swedish.get("days").toString()).contains("Familjerum").doesNotContain("Perhehuone");
        Map<String, Object> arabic = expect(200, api.get("/api/v1/sites/" + siteId + "/statistics" + from + "&lang=ar", staff)).map();
        assertThat(arabic.get("days").toString()).contains("Perhehuone");
        assertThat(expect(200, api.get("/api/v1/sites/" + siteId + "/statistics.csv" + from + "&lang=en", staff)).text())
                .contains(",Family room,");

        Api.Answer link = expect(200, api.get("/api/v1/rooms/" + id + "/calendar-link?lang=en", staff));
        assertThat(link.string("room")).isEqualTo("Family room");
        assertThat(link.string("path")).endsWith("&lang=en");
        expect(201, api.post("/api/v1/bookings", kiosk, Map.of("roomId", id,
                "start", ZonedDateTime.of(TODAY, LocalTime.of(12, 0), HELSINKI).toInstant().toString(), "minutes", 30)));
        String feed = expect(200, api.get(link.string("path"), null)).text();
        assertThat(feed).contains("SUMMARY:Family room: Booked").contains("LOCATION:2. kerros");
        String swedishFeed = expect(200, api.get(link.string("path").replace("lang=en", "lang=sv"), null)).text();
        assertThat(swedishFeed).contains("SUMMARY:Familjerum: Booked").contains("LOCATION:Våning 2");
    }

    @Test
    void a_room_made_the_old_way_has_its_name_and_place_as_the_first_language_text() {
        long id = api.createRoom(admin, siteId, "Room A", "08:00", "20:00");
        Map<String, Object> room = room(id);
        assertThat(room.get("names")).isEqualTo(Map.of("fi", "Room A"));
        assertThat(room.get("places")).isEqualTo(Map.of("fi", "2nd floor"));
        assertThat(Instant.parse((String) expect(200, api.get("/api/v1/sites/" + siteId + "/free-now", kiosk)).list().get(0).get("start")))
                .isNotNull();
    }
}
