package fi.suoja.server.help;

import fi.suoja.server.Api;
import fi.suoja.server.EventStreamClient;
import fi.suoja.server.ServerDatabase;
import fi.suoja.server.ServerScene;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Help calls through the real HTTP API and its event stream, on a real database: a kiosk raises
 * one with its screen and language, staff see, acknowledge and resolve it, the visitor may cancel
 * it, the kiosk follows its own calls live, and the expiry job closes what nobody moved on when
 * the server's clock moves. Run on H2 by {@link HelpCallOnH2Test} and on PostgreSQL by
 * {@link HelpCallOnPostgresTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HelpCallScenarios extends ServerScene implements TestPropertyProvider, ServerDatabase {

    static final Duration EXPIRE_AFTER = Duration.ofMinutes(30);

    @Inject
    HelpCallService help;

    @Inject
    HelpCallRepository rows;

    @Inject
    JsonMapper json;

    Api api;
    /** This test's own library: its admin, staff member, kiosk and site. */
    Api.Library library;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.put("suoja.help.expire-after", EXPIRE_AFTER.toMinutes() + "m");
        return properties;
    }

    @BeforeEach
    void scene() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        api = new Api(server);
        library = api.library(Api.rules());
    }

    static Map<String, Object> ask(String screen, String language) {
        return Map.of("screen", screen, "language", language);
    }

    Api.Answer raise(String kioskToken, String screen, String language) {
        return api.post("/api/v1/help-calls", kioskToken, ask(screen, language));
    }

    long raise() {
        return expect(201, raise(library.kiosk(), "ROOMS", "ar")).number("id");
    }

    List<Map<String, Object>> openCalls() {
        return expect(200, api.get("/api/v1/help-calls?open=true&siteId=" + library.siteId(), library.staff())).list();
    }

    Map<String, Object> call(long id) {
        return expect(200, api.get("/api/v1/help-calls?open=false&siteId=" + library.siteId(), library.staff())).list().stream()
                .filter(c -> ((Number) c.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    EventStreamClient desk(long site) {
        return EventStreamClient.open(server.getURI(), "/api/v1/help-calls/events?siteId=" + site, library.staff(), json);
    }

    EventStreamClient kioskStream(String token) {
        return EventStreamClient.open(server.getURI(), "/api/v1/help-calls/events", token, json);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(EventStreamClient.Received event) {
        return (Map<String, Object>) event.data();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(EventStreamClient.Received event) {
        return (List<Map<String, Object>>) event.data();
    }

    static boolean change(EventStreamClient.Received event, long id, String status) {
        return event.name().equals("help-call") && ((Number) data(event).get("id")).longValue() == id
                && status.equals(data(event).get("status"));
    }

    // ---- raising ----

    @Test
    void a_kiosk_raises_a_call_with_its_screen_and_language_that_staff_see_with_the_kiosk_name() {
        Api.Answer raised = expect(201, raise(library.kiosk(), "CONFIRM", "so"));

        assertThat(raised.string("status")).isEqualTo("OPEN");
        assertThat(raised.string("screen")).isEqualTo("CONFIRM");
        assertThat(raised.string("language")).isEqualTo("so");
        List<Map<String, Object>> open = openCalls();
        assertThat(open).hasSize(1);
        Map<String, Object> seen = open.get(0);
        assertThat(((Number) seen.get("id")).longValue()).isEqualTo(raised.number("id"));
        assertThat(seen.get("kioskName")).asString().startsWith("Lobby ");
        assertThat(((Number) seen.get("siteId")).longValue()).isEqualTo(library.siteId());
        assertThat(seen).containsEntry("screen", "CONFIRM").containsEntry("language", "so").containsEntry("status", "OPEN");
        assertThat(seen.get("createdAt")).isEqualTo("2026-11-24T10:00:00Z");
    }

    @Test
    void every_tap_at_a_kiosk_is_a_call_of_its_own_that_the_desk_hears_also_while_one_is_open() {
        try (EventStreamClient desk = desk(library.siteId())) {
            long first = raise();
            clock.advance(Duration.ofMinutes(3));
            long second = expect(201, raise(library.kiosk(), "START", "fi")).number("id");

            assertThat(second).isNotEqualTo(first);
            assertThat(openCalls()).extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(first, second);
            desk.next("the first call", e -> change(e, first, "OPEN"));
            Map<String, Object> heard = data(desk.next("the second call", e -> change(e, second, "OPEN")));
            assertThat(heard).containsEntry("screen", "START").containsEntry("language", "fi");
        }
    }

    @Test
    void bad_input_is_refused_as_a_problem_and_nothing_is_stored() {
        List<Api.Answer> answers = List.of(
                api.post("/api/v1/help-calls", library.kiosk(), null),
                api.post("/api/v1/help-calls", library.kiosk(), Map.of("language", "fi")),
                api.post("/api/v1/help-calls", library.kiosk(), Map.of("screen", "ROOMS")),
                raise(library.kiosk(), "NOT_A_SCREEN", "fi"),
                raise(library.kiosk(), "ROOMS", "xx"),
                raise(library.kiosk(), "ROOMS", "FI"),
                raise(library.kiosk(), "ROOMS", "fi; DROP TABLE help_call"),
                raise(library.kiosk(), "R".repeat(5000), "fi"),
                api.post("/api/v1/help-calls", library.kiosk(), Map.of("screen", 7, "language", List.of("fi"))),
                api.raw("POST", "/api/v1/help-calls", library.kiosk(), "application/json", "{\"screen\": \"ROOMS\", \"language\":"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.problem()).isIn("urn:suoja:problem:invalid-request", "urn:suoja:problem:malformed-body");
        });
        assertThat(expect(200, api.get("/api/v1/help-calls?open=false&siteId=" + library.siteId(), library.staff())).list()).isEmpty();
    }

    // ---- answering ----

    @Test
    void staff_acknowledge_then_resolve_and_the_call_leaves_the_open_list() {
        long id = raise();

        clock.advance(Duration.ofMinutes(2));
        Api.Answer acknowledged = expect(200, api.post("/api/v1/help-calls/" + id + "/acknowledge", library.staff(), null));
        assertThat(acknowledged.string("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.string("acknowledgedBy")).startsWith("staff-");
        assertThat(acknowledged.string("acknowledgedAt")).isEqualTo("2026-11-24T10:02:00Z");

        Api.Answer resolved = expect(200, api.post("/api/v1/help-calls/" + id + "/resolve", library.staff(), null));
        assertThat(resolved.string("status")).isEqualTo("RESOLVED");
        assertThat(resolved.string("resolvedBy")).startsWith("staff-");
        assertThat(openCalls()).isEmpty();
        assertThat(call(id)).containsEntry("status", "RESOLVED");

        // a late acknowledge from a second staff member changes nothing
        assertThat(expect(200, api.post("/api/v1/help-calls/" + id + "/acknowledge", library.admin(), null)).string("status"))
                .isEqualTo("RESOLVED");
    }

    @Test
    void the_visitor_cancels_and_the_desk_sees_it_closed_by_the_visitor_not_by_staff() {
        long id = raise();
        expect(200, api.post("/api/v1/help-calls/" + id + "/acknowledge", library.staff(), null));
        try (EventStreamClient desk = desk(library.siteId())) {
            clock.advance(Duration.ofMinutes(1));
            Api.Answer cancelled = expect(200, api.post("/api/v1/help-calls/" + id + "/cancel", library.kiosk(), null));

            assertThat(cancelled.string("status")).isEqualTo("CANCELLED");
            assertThat(cancelled.string("closedAt")).isEqualTo("2026-11-24T10:01:00Z");
            Map<String, Object> seen = data(desk.next("the cancellation", e -> change(e, id, "CANCELLED")));
            assertThat(seen.get("resolvedBy")).as("no staff member closed it").isNull();
            assertThat(seen.get("resolvedAt")).isEqualTo("2026-11-24T10:01:00Z");
        }
        assertThat(openCalls()).isEmpty();
        // staff pressing Done afterwards change nothing
        assertThat(expect(200, api.post("/api/v1/help-calls/" + id + "/resolve", library.staff(), null)).string("status"))
                .isEqualTo("CANCELLED");
    }

    @Test
    void a_kiosk_cannot_cancel_another_kiosks_call() {
        long id = raise();
        String otherKiosk = api.kioskToken(library.admin(), library.siteId(), "Second kiosk " + id);

        Api.Answer answer = api.post("/api/v1/help-calls/" + id + "/cancel", otherKiosk, null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.problem()).isEqualTo("urn:suoja:problem:not-found");
        assertThat(call(id)).containsEntry("status", "OPEN");
    }

    // ---- the kiosk's stream ----

    @Test
    void the_kiosk_hears_its_own_acknowledgement_without_the_staff_name_and_never_another_kiosks_call() {
        String otherKiosk = api.kioskToken(library.admin(), library.siteId(), "Second kiosk " + System.nanoTime());
        long mine = raise();
        try (EventStreamClient stream = kioskStream(library.kiosk())) {
            EventStreamClient.Received state = stream.next("the state", e -> e.name().equals("help-calls"));
            assertThat(list(state)).extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(mine);

            long theirs = expect(201, raise(otherKiosk, "START", "en")).number("id");
            expect(200, api.post("/api/v1/help-calls/" + theirs + "/acknowledge", library.staff(), null));
            expect(200, api.post("/api/v1/help-calls/" + mine + "/acknowledge", library.staff(), null));

            Map<String, Object> heard = data(stream.next("my acknowledgement", e -> change(e, mine, "ACKNOWLEDGED")));
            assertThat(heard).containsEntry("acknowledgedAt", "2026-11-24T10:00:00Z");
            assertThat(heard).doesNotContainKeys("acknowledgedBy", "resolvedBy", "kioskName");
            assertThat(stream.drain(Duration.ofMillis(300))).as("nothing of the other kiosk")
                    .noneMatch(e -> e.name().equals("help-call") && ((Number) data(e).get("id")).longValue() == theirs);
        }
    }

    @Test
    void a_kiosk_that_reconnects_learns_the_acknowledgement_made_while_its_stream_was_down() {
        long id = raise();
        kioskStream(library.kiosk()).close();
        expect(200, api.post("/api/v1/help-calls/" + id + "/acknowledge", library.staff(), null));

        try (EventStreamClient again = kioskStream(library.kiosk())) {
            List<Map<String, Object>> state = list(again.next("the state", e -> e.name().equals("help-calls")));
            assertThat(state).singleElement().satisfies(c -> assertThat(c).containsEntry("status", "ACKNOWLEDGED"));
        }
    }

    @Test
    void a_kiosk_stream_starts_with_its_calls_closed_within_the_expiry_time_too() {
        long old = raise();
        expect(200, api.post("/api/v1/help-calls/" + old + "/resolve", library.staff(), null));
        clock.advance(EXPIRE_AFTER.plusMinutes(1));
        long recent = raise();
        expect(200, api.post("/api/v1/help-calls/" + recent + "/resolve", library.staff(), null));

        try (EventStreamClient stream = kioskStream(library.kiosk())) {
            List<Map<String, Object>> state = list(stream.next("the state", e -> e.name().equals("help-calls")));
            assertThat(state).extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(recent);
            assertThat(state.get(0)).containsEntry("status", "RESOLVED");
        }
    }

    // ---- the desk's stream ----

    @Test
    void the_desk_of_another_library_does_not_see_the_call() {
        long otherSite = api.createSite(library.admin(), "Other library " + System.nanoTime(), null);
        try (EventStreamClient other = desk(otherSite); EventStreamClient ours = desk(library.siteId())) {
            assertThat(list(other.next("the other library's state", e -> e.name().equals("help-calls")))).isEmpty();
            long id = raise();

            ours.next("the call at our desk", e -> change(e, id, "OPEN"));
            assertThat(other.drain(Duration.ofMillis(300))).as("the other library's desk hears nothing").isEmpty();
        }
        assertThat(expect(200, api.get("/api/v1/help-calls?siteId=" + otherSite, library.staff())).list()).isEmpty();
    }

    @Test
    void a_desk_starts_with_the_open_calls_of_its_library_and_must_name_it() {
        long open = raise();
        long done = raise();
        expect(200, api.post("/api/v1/help-calls/" + done + "/resolve", library.staff(), null));

        try (EventStreamClient stream = desk(library.siteId())) {
            List<Map<String, Object>> state = list(stream.next("the state", e -> e.name().equals("help-calls")));
            assertThat(state).extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(open);
            assertThat(state.get(0)).containsEntry("screen", "ROOMS").containsEntry("language", "ar");
        }
        Api.Answer unnamed = EventStreamClient.refused(server.getURI(), "/api/v1/help-calls/events", library.staff(), json);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.problem()).isEqualTo("urn:suoja:problem:invalid-request");
    }

    // ---- expiry ----

    @Test
    void the_expiry_job_closes_calls_nobody_moved_on_when_the_clock_moves_and_the_streams_hear_it() {
        long waiting = raise();
        long answered = raise();
        try (EventStreamClient stream = kioskStream(library.kiosk())) {
            clock.advance(EXPIRE_AFTER.minusMinutes(5));
            expect(200, api.post("/api/v1/help-calls/" + answered + "/acknowledge", library.staff(), null));
            help.expireStale();
            assertThat(call(waiting)).containsEntry("status", "OPEN");

            clock.advance(Duration.ofMinutes(5));
            help.expireStale();

            assertThat(call(waiting)).containsEntry("status", "EXPIRED").containsEntry("resolvedAt", "2026-11-24T10:30:00Z");
            assertThat(call(answered)).as("acknowledged 25 minutes in: not stale yet").containsEntry("status", "ACKNOWLEDGED");
            stream.next("the expiry", e -> change(e, waiting, "EXPIRED"));

            clock.advance(EXPIRE_AFTER.minusMinutes(5));
            help.expireStale();
            assertThat(call(answered)).as("nobody resolved it 30 minutes after acknowledging").containsEntry("status", "EXPIRED");
            stream.next("the second expiry", e -> change(e, answered, "EXPIRED"));
        }
        assertThat(openCalls()).isEmpty();
        assertThat(help.expireStale()).as("a second run finds nothing").isZero();
    }

    @Test
    void the_expiry_claim_leaves_a_call_that_was_acknowledged_after_the_job_read_it() {
        long id = raise();
        expect(200, api.post("/api/v1/help-calls/" + id + "/acknowledge", library.staff(), null));

        // what the job on another instance would do with the status it read before the acknowledgement
        assertThat(rows.expire(id, HelpCallStatus.OPEN.name(), clock.instant())).isZero();

        assertThat(call(id)).containsEntry("status", "ACKNOWLEDGED");
    }

    // ---- who may do what ----

    @Test
    void anonymous_callers_get_401() {
        for (String[] call : List.of(new String[] {"POST", "/api/v1/help-calls"}, new String[] {"GET", "/api/v1/help-calls"},
                new String[] {"POST", "/api/v1/help-calls/1/acknowledge"}, new String[] {"POST", "/api/v1/help-calls/1/resolve"},
                new String[] {"POST", "/api/v1/help-calls/1/cancel"})) {
            Api.Answer answer = api.send(call[0], call[1], null, null);
            assertThat(answer.status()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(answer.problem()).isEqualTo("urn:suoja:problem:not-logged-in");
        }
        Api.Answer stream = EventStreamClient.refused(server.getURI(), "/api/v1/help-calls/events", null, json);
        assertThat(stream.status()).isEqualTo(401);
        assertThat(stream.problem()).isEqualTo("urn:suoja:problem:not-logged-in");
    }

    @Test
    void only_kiosks_raise_and_cancel_calls_and_only_staff_answer_them() {
        assertThat(api.post("/api/v1/help-calls", library.staff(), ask("START", "fi")).problem()).isEqualTo("urn:suoja:problem:not-allowed");
        assertThat(api.post("/api/v1/help-calls", library.admin(), ask("START", "fi")).status()).isEqualTo(403);
        long id = raise();
        assertThat(api.post("/api/v1/help-calls/" + id + "/cancel", library.staff(), null).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/help-calls", library.kiosk()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/help-calls/" + id + "/acknowledge", library.kiosk(), null).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/help-calls/" + id + "/resolve", library.kiosk(), null).problem()).isEqualTo("urn:suoja:problem:not-allowed");
        assertThat(call(id)).containsEntry("status", "OPEN");
    }

    @Test
    void an_unknown_call_is_a_clear_404() {
        Api.Answer answer = api.post("/api/v1/help-calls/999999/acknowledge", library.staff(), null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.problem()).isEqualTo("urn:suoja:problem:not-found");
        assertThat(api.post("/api/v1/help-calls/999999/cancel", library.kiosk(), null).status()).isEqualTo(404);
    }
}
