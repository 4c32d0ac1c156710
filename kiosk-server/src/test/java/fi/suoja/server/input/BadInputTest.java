package fi.suoja.server.input;

import fi.suoja.server.Api;
import fi.suoja.server.Simultaneous;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs that once answered 500 or were taken for something else (issue 13, point 6), each
 * refused with a 400 problem that says why, and nothing of the library changed by them.
 */
@MicronautTest(transactional = false)
class BadInputTest {

    @Inject
    EmbeddedServer server;

    Api api;
    Api.Library library;
    long roomId;

    @BeforeEach
    void scene() {
        api = new Api(server);
        library = api.library(Api.rules());
        roomId = api.createRoom(library.admin(), library.siteId(), "Room " + library.unique(), "08:00", "20:00");
    }

    private String reads() {
        String admin = library.admin();
        long site = library.siteId();
        return expect(200, api.get("/api/v1/rooms/" + roomId, admin)).text()
                + expect(200, api.get("/api/v1/sites/" + site, admin)).text()
                + expect(200, api.get("/api/v1/sites/" + site + "/availability?date=2026-12-01", admin)).text()
                + expect(200, api.get("/api/v1/sites/" + site + "/statistics?from=2026-11-01&to=2026-12-31", admin)).text();
    }

    static void assertRefused(Api.Answer answer, String saying) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problem()).isIn("urn:suoja:problem:invalid-request", "urn:suoja:problem:malformed-body");
        assertThat(answer.string("detail")).as(answer.toString()).contains(saying);
    }

    @Test
    void an_opening_time_with_seconds_or_fractions_is_refused_and_the_library_keeps_answering() {
        String before = reads();
        for (String time : List.of("09:00:00.9999999", "09:00:30", "9:00", "24:00", "09:00Z", "")) {
            assertRefused(api.put("/api/v1/rooms/" + roomId + "/hours", library.admin(),
                    List.of(Map.of("weekday", "MONDAY", "opens", time, "closes", "18:00"))), "time of day");
            assertRefused(api.put("/api/v1/rooms/" + roomId + "/exceptions/2026-12-24", library.admin(),
                    Map.of("closed", false, "opens", "10:00", "closes", time)), "time of day");
        }
        assertThat(reads()).isEqualTo(before);
        expect(200, api.put("/api/v1/rooms/" + roomId + "/hours", library.admin(),
                List.of(Map.of("weekday", "MONDAY", "opens", "09:00:00", "closes", "17:30"))));
    }

    @Test
    void yes_no_lists_and_fractions_are_not_taken_for_whole_numbers() {
        String before = reads();
        for (Object notANumber : List.of(true, List.of(1), 1.5, "15", 1e3, 99999999999L)) {
            Api.Answer answer = api.put("/api/v1/sites/" + library.siteId() + "/rules", library.admin(),
                    Api.rules("slotStepMinutes", notANumber));
            assertRefused(answer, "slotStepMinutes");
        }
        for (Object notABoolean : List.of(1, "true", List.of(true))) {
            assertRefused(api.put("/api/v1/sites/" + library.siteId() + "/rules", library.admin(),
                    Api.rules("libraryCardRequired", notABoolean)), "libraryCardRequired");
        }
        assertRefused(api.post("/api/v1/sites/" + library.siteId() + "/rooms", library.admin(),
                Map.of("name", 42, "place", "Hall", "capacity", 2)), "name");
        assertThat(reads()).isEqualTo(before);
    }

    @Test
    void control_characters_in_any_text_are_refused() {
        String before = reads();
        for (String text : List.of("Room\u0000", "\u001b[31mred", "a\u0085b", "half \ud800")) {
            assertRefused(api.post("/api/v1/sites/" + library.siteId() + "/rooms", library.admin(),
                    Map.of("name", text, "place", "Hall", "capacity", 2)), "control characters");
            assertRefused(api.post("/api/v1/accounts", library.admin(),
                    Map.of("username", "x" + text, "password", "long-enough-password", "role", "STAFF")), "control characters");
        }
        assertThat(reads()).isEqualTo(before);
        expect(201, api.post("/api/v1/sites/" + library.siteId() + "/rooms", library.admin(),
                Map.of("name", "Two\tlines\nok " + library.unique(), "place", "Hall", "capacity", 2)));
    }

    @Test
    void dates_and_times_outside_the_years_suoja_computes_with_are_refused_in_paths_queries_and_bodies() {
        String before = reads();
        String site = "/api/v1/sites/" + library.siteId();
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "1970-01-01", "2200-01-01")) {
            String query = date.replace("+", "%2B");
            assertRefused(api.get(site + "/availability?date=" + query, library.kiosk()), "date");
            assertRefused(api.get(site + "/bookings?date=" + query, library.staff()), "date");
            assertRefused(api.get(site + "/statistics?from=2026-01-01&to=" + query, library.staff()), "date");
            assertRefused(api.put("/api/v1/rooms/" + roomId + "/exceptions/" + query, library.admin(),
                    Map.of("closed", true)), "date");
        }
        for (String instant : List.of("+999999999-12-31T00:00:00Z", "-1000000000-01-01T00:00:00Z", "1970-01-01T00:00:00Z")) {
            assertRefused(api.post("/api/v1/bookings", library.kiosk(),
                    Map.of("roomId", roomId, "start", instant, "minutes", 15)), "time");
        }
        assertThat(reads()).isEqualTo(before);
    }

    @Test
    void twenty_simultaneous_creations_of_the_same_thing_give_one_success_and_nineteen_409() throws Exception {
        String admin = library.admin();
        String u = library.unique();
        Map<String, Callable<Api.Answer>> creations = Map.of(
                "account", () -> api.post("/api/v1/accounts", admin,
                        Map.of("username", "twin-" + u, "password", "twin-password-12", "role", "STAFF")),
                "device", () -> api.post("/api/v1/devices", admin,
                        Map.of("tag", "TWIN-" + u, "kind", "HEADSET", "siteId", library.siteId())),
                "room", () -> api.post("/api/v1/sites/" + library.siteId() + "/rooms", admin,
                        Map.of("name", "Twin " + u, "place", "Hall", "capacity", 2)),
                "site", () -> api.post("/api/v1/sites", admin, Map.of("name", "Twin library " + u)),
                "exception day", () -> api.put("/api/v1/rooms/" + roomId + "/exceptions/2026-12-26", admin,
                        Map.of("closed", true, "note", "Boxing day")));
        for (var creation : creations.entrySet()) {
            List<Api.Answer> answers = Simultaneous.run(20, i -> creation.getValue().call());
            List<Api.Answer> won = answers.stream().filter(a -> a.status() == 200 || a.status() == 201).toList();
            List<Api.Answer> lost = answers.stream().filter(a -> a.status() == 409).toList();
            assertThat(won.size() + lost.size()).as(creation.getKey() + ": " + answers).isEqualTo(20);
            assertThat(lost).allSatisfy(a -> assertThat(a.problem()).isEqualTo("urn:suoja:problem:already-exists"));
            if (!creation.getKey().equals("exception day")) {
                // a second PUT of the same day that loses nothing may succeed; a creation happens once
                assertThat(won).as(creation.getKey()).hasSize(1);
            }
        }
        assertThat(expect(200, api.get("/api/v1/rooms/" + roomId, admin)).get("exceptions")).asList().hasSize(1);
    }

}
