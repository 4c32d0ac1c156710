package fi.suoja.server.throttle;

import fi.suoja.server.Api;
import fi.suoja.server.ServerScene;
import fi.suoja.server.Simultaneous;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing booking codes and passwords is slowed down per kiosk and per account, counted in the
 * database across requests racing at the same moment, while a right code is always answered and
 * staff are told. Run on H2 and on PostgreSQL.
 */
abstract class GuessingScenarios extends ServerScene {

    static final Instant NOON = LocalDate.of(2026, 11, 24).atTime(12, 0).atZone(ZoneId.of("Europe/Helsinki")).toInstant();
    /** The defaults of application.yml: 10 free wrong codes, then turns 1 s, 2 s, 4 s apart within 6 s. */
    static final int FREE_CODES = 10;
    static final int TURNS_WITHIN_MAX_WAIT = 3;

    @Inject
    MeterRegistry meters;

    Api api;
    Api.Library library;
    long roomId;
    String code;

    @BeforeEach
    void scene() {
        clock.set(NOON.minus(Duration.ofHours(2)));
        api = new Api(server);
        library = api.library(Api.rules());
        roomId = api.createRoom(library.admin(), library.siteId(), "Room " + library.unique(), "08:00", "20:00");
        code = expect(201, api.post("/api/v1/bookings", library.kiosk(),
                Map.of("roomId", roomId, "start", NOON.toString(), "minutes", 30))).string("code");
    }

    static String wrongCode(int i) {
        return "ZZZ-ZZZ-Z" + "ABCDEFGHJK".charAt(i / 10 % 10) + "ABCDEFGHJK".charAt(i % 10);
    }

    @Test
    void a_visitor_who_mistypes_twice_is_answered_at_once_and_their_code_then_works() {
        for (int i = 0; i < 2; i++) {
            assertThat(api.get("/api/v1/bookings/" + wrongCode(i), library.kiosk()).problem())
                    .isEqualTo("urn:suoja:problem:booking-not-found");
        }
        expect(200, api.post("/api/v1/bookings/" + code + "/cancel", library.kiosk(), Map.of()));
    }

    @Test
    void a_hundred_simultaneous_wrong_codes_are_looked_at_only_as_far_as_the_limit_and_a_right_code_works_right_after()
            throws Exception {
        double slowedBefore = meters.counter("suoja.guessing.slowed", "scope", "kiosk").count();
        List<Api.Answer> answers = Simultaneous.run(100, i -> api.get("/api/v1/bookings/" + wrongCode(i), library.kiosk()));
        long lookedAt = answers.stream().filter(a -> a.status() == 404).count();
        long refused = answers.stream().filter(a -> a.status() == 429).count();
        System.out.println("100 simultaneous wrong codes at one kiosk: " + lookedAt + " looked at, " + refused + " refused");
        assertThat(lookedAt + refused).as("every answer is 404 or 429: " + answers).isEqualTo(100);
        assertThat(lookedAt).isBetween((long) FREE_CODES, (long) FREE_CODES + TURNS_WITHIN_MAX_WAIT);
        assertThat(answers).filteredOn(a -> a.status() == 429)
                .allSatisfy(a -> assertThat(a.problem()).isEqualTo("urn:suoja:problem:too-many-attempts"));

        // the visitor whose code it is arrives a little later: answered, never refused
        clock.advance(Duration.ofSeconds(10));
        assertThat(expect(200, api.get("/api/v1/bookings/" + code, library.kiosk())).string("status")).isEqualTo("CONFIRMED");
        expect(200, api.post("/api/v1/bookings/" + code + "/cancel", library.kiosk(), Map.of()));

        // staff see who is guessing where, and the metric counts it
        List<Map<String, Object>> alerts = expect(200, api.get("/api/v1/alerts?siteId=" + library.siteId(), library.staff())).list();
        assertThat(alerts).anySatisfy(alert -> assertThat(alert)
                .containsEntry("code", "CODES_GUESSED").containsEntry("subject", library.kioskName()));
        assertThat(meters.counter("suoja.guessing.slowed", "scope", "kiosk").count()).isEqualTo(slowedBefore + 1);
        assertThat(meters.counter("suoja.guessing.refused", "scope", "kiosk").count()).isGreaterThan(0);
    }

    @Test
    void another_kiosk_of_the_library_is_not_slowed_by_the_guessing_at_one() throws Exception {
        Simultaneous.run(FREE_CODES + 5, i -> api.get("/api/v1/bookings/" + wrongCode(i), library.kiosk()));
        String second = api.kioskToken(library.admin(), library.siteId(), "Second " + library.unique());
        assertThat(api.get("/api/v1/bookings/" + wrongCode(99), second).status()).isEqualTo(404);
        expect(200, api.get("/api/v1/bookings/" + code, second));
    }

    @Test
    void wrong_passwords_slow_down_logins_to_that_account_the_right_one_waits_for_its_turn_and_works_after_the_window() {
        String username = "guessed-" + library.unique();
        String password = "the-right-password-1";
        expect(201, api.post("/api/v1/accounts", library.admin(), Map.of("username", username, "password", password, "role", "STAFF")));
        for (int i = 0; i < 10; i++) {
            assertThat(login(username, "wrong-password-" + i).problem()).isEqualTo("urn:suoja:problem:not-logged-in");
        }
        // the eleventh is looked at in its turn (now), and the next turn is 2 s later
        assertThat(login(username, "wrong-password-10").problem()).isEqualTo("urn:suoja:problem:not-logged-in");
        Api.Answer early = login(username, password);
        assertThat(early.status()).as(early.toString()).isEqualTo(429);
        assertThat(early.problem()).isEqualTo("urn:suoja:problem:too-many-attempts");
        // other accounts are not touched
        expect(200, login("admin", Api.ADMIN_PASSWORD));

        clock.advance(Duration.ofSeconds(2));
        expect(200, login(username, password));

        List<Map<String, Object>> alerts = expect(200, api.get("/api/v1/alerts?siteId=" + library.siteId(), library.staff())).list();
        assertThat(alerts).anySatisfy(alert -> assertThat(alert)
                .containsEntry("code", "PASSWORDS_GUESSED").containsEntry("subject", username));

        // a new window: ten more wrong ones are answered at once, and the right one right away
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 10; i++) {
            assertThat(login(username, "wrong-again-" + i).status()).isEqualTo(401);
        }
        expect(200, login(username, password));
    }

    @Test
    void twenty_simultaneous_wrong_passwords_are_looked_at_only_as_far_as_the_limit() throws Exception {
        String username = "raced-" + library.unique();
        expect(201, api.post("/api/v1/accounts", library.admin(),
                Map.of("username", username, "password", "the-right-password-1", "role", "STAFF")));
        List<Api.Answer> answers = Simultaneous.run(20, i -> login(username, "wrong-password-" + i));
        assertThat(answers.stream().filter(a -> a.status() == 401).count()).isEqualTo(11);
        assertThat(answers.stream().filter(a -> a.status() == 429).count()).isEqualTo(9);
    }

    @Test
    void a_kiosk_reads_only_its_own_library_and_never_the_ids_of_locks_and_signs() {
        long otherSite = api.createSite(library.admin(), "Other " + library.unique(), Api.rules());
        long otherRoom = api.createRoom(library.admin(), otherSite, "Elsewhere " + library.unique(), "08:00", "20:00");
        String kiosk = library.kiosk();

        assertThat(expect(200, api.get("/api/v1/sites", kiosk)).list())
                .extracting(site -> ((Number) site.get("id")).longValue()).containsExactly(library.siteId());
        for (String path : List.of("/api/v1/sites/" + otherSite, "/api/v1/sites/" + otherSite + "/rules",
                "/api/v1/sites/" + otherSite + "/rooms", "/api/v1/rooms/" + otherRoom,
                "/api/v1/sites/" + otherSite + "/availability?date=2026-11-25", "/api/v1/sites/" + otherSite + "/free-now")) {
            Api.Answer answer = api.get(path, kiosk);
            assertThat(answer.status()).as(path + ": " + answer).isEqualTo(404);
            assertThat(answer.text()).doesNotContain("Elsewhere").doesNotContain("Other ");
        }
        String own = expect(200, api.get("/api/v1/sites/" + library.siteId() + "/rooms", kiosk)).text()
                + expect(200, api.get("/api/v1/rooms/" + roomId, kiosk)).text();
        assertThat(own).contains("Room " + library.unique()).doesNotContain("doorLockId").doesNotContain("lock-Room")
                .doesNotContain("roomSignId");
        // staff still see every library and the hardware of its rooms
        assertThat(expect(200, api.get("/api/v1/rooms/" + otherRoom, library.staff())).string("doorLockId"))
                .isEqualTo("lock-Elsewhere " + library.unique());
    }

    Api.Answer login(String username, String password) {
        return api.post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
    }
}
