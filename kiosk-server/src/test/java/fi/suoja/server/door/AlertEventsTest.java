package fi.suoja.server.door;

import fi.suoja.server.Api;
import fi.suoja.server.EventStreamClient;
import fi.suoja.server.throttle.GuessingSlowed;
import fi.suoja.server.throttle.Scope;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff alerts reach the desks as server-sent events, as help calls do: a desk starts with its
 * library's open alerts, then hears each raise and acknowledgement of its library's alerts and of
 * those for every library, and nothing of another library's.
 */
@MicronautTest(transactional = false)
class AlertEventsTest {

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    ApplicationEventPublisher<GuessingSlowed> guessing;

    Api api;
    Api.Library library;

    @BeforeEach
    void scene() {
        api = new Api(server);
        library = api.library(Api.rules());
    }

    private EventStreamClient desk(long siteId) {
        return EventStreamClient.open(server.getURI(), "/api/v1/alerts/events?siteId=" + siteId, library.staff(), json);
    }

    /** Someone guesses booking codes at this test's kiosk: an alert for its library. */
    private void guessingAtTheKiosk() {
        guessing.publishEvent(new GuessingSlowed(Scope.kiosk(library.kioskId(), library.siteId()), 12, Instant.now()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(EventStreamClient.Received event) {
        return (Map<String, Object>) event.data();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(EventStreamClient.Received event) {
        return (List<Map<String, Object>>) event.data();
    }

    private static long id(Map<String, Object> alert) {
        return ((Number) alert.get("id")).longValue();
    }

    @Test
    void a_desk_hears_an_alert_raised_in_its_library_and_its_acknowledgement() {
        try (EventStreamClient stream = desk(library.siteId())) {
            assertThat(list(stream.next("the open alerts", e -> e.name().equals("alerts"))))
                    .noneMatch(alert -> library.siteId() == ((Number) alert.getOrDefault("siteId", -1)).longValue());

            guessingAtTheKiosk();
            Map<String, Object> raised = data(stream.next("the raised alert", e -> e.name().equals("alert")));
            assertThat(((Number) raised.get("siteId")).longValue()).isEqualTo(library.siteId());
            assertThat(raised.get("code")).isEqualTo("CODES_GUESSED");
            assertThat(raised.get("acknowledgedAt")).isNull();

            expect(200, api.post("/api/v1/alerts/" + id(raised) + "/acknowledge", library.staff(), null));
            Map<String, Object> seen = data(stream.next("the acknowledgement", e -> e.name().equals("alert")));
            assertThat(id(seen)).isEqualTo(id(raised));
            assertThat(seen.get("acknowledgedAt")).isNotNull();
            assertThat(seen.get("acknowledgedBy")).isNotNull();

            expect(200, api.post("/api/v1/alerts/" + id(raised) + "/acknowledge", library.staff(), null));
            assertThat(stream.drain(Duration.ofMillis(300))).as("a second acknowledgement changes nothing").isEmpty();
        }
    }

    @Test
    void a_desk_starts_with_the_open_alerts_so_one_raised_while_its_stream_was_down_is_not_lost() {
        guessingAtTheKiosk();
        try (EventStreamClient stream = desk(library.siteId())) {
            List<Map<String, Object>> open = list(stream.next("the open alerts", e -> e.name().equals("alerts")));
            assertThat(open).filteredOn(alert -> alert.get("siteId") != null
                    && ((Number) alert.get("siteId")).longValue() == library.siteId()).hasSize(1);
        }
    }

    @Test
    void another_librarys_desk_hears_nothing_but_alerts_for_every_library_reach_both() {
        long otherSite = api.createSite(library.admin(), "Other library " + System.nanoTime(), null);
        try (EventStreamClient other = desk(otherSite); EventStreamClient ours = desk(library.siteId())) {
            other.next("the other library's state", e -> e.name().equals("alerts"));
            ours.next("our state", e -> e.name().equals("alerts"));

            guessingAtTheKiosk();
            ours.next("our alert", e -> e.name().equals("alert"));
            assertThat(other.drain(Duration.ofMillis(300))).as("the other library's desk hears nothing").isEmpty();

            String account = "nobody" + System.nanoTime();
            guessing.publishEvent(new GuessingSlowed(Scope.account(account), 20, Instant.now()));
            assertThat(data(ours.next("the login alert here", e -> e.name().equals("alert"))))
                    .containsEntry("code", "PASSWORDS_GUESSED").containsEntry("subject", account);
            assertThat(data(other.next("the login alert there", e -> e.name().equals("alert"))))
                    .containsEntry("code", "PASSWORDS_GUESSED").containsEntry("subject", account);
        }
    }

    @Test
    void a_desk_must_name_its_library() {
        Api.Answer unnamed = EventStreamClient.refused(server.getURI(), "/api/v1/alerts/events", library.staff(), json);
        assertThat(unnamed.status()).isEqualTo(400);
        Api.Answer kiosk = EventStreamClient.refused(server.getURI(), "/api/v1/alerts/events?siteId=" + library.siteId(),
                library.kiosk(), json);
        assertThat(kiosk.status()).isEqualTo(403);
    }
}
