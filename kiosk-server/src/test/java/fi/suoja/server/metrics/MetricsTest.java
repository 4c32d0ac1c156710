package fi.suoja.server.metrics;

import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.OwnBroker;
import fi.suoja.server.ServerScene;
import fi.suoja.server.TestBroker;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus series and the broker link's health through the real HTTP API, on H2, with a
 * real MQTT broker of this class's own (so that it can be stopped without touching other tests).
 * Counts are shared by the tests of the class, so each test looks at how they change.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest extends ServerScene implements TestPropertyProvider {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private final OwnBroker broker = new OwnBroker("the metrics test's broker port");

    Api api;
    Api.Library library;
    long roomId;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestBroker.serverProperties(TestBroker.newTopicRoot()));
        properties.put("suoja.mqtt.url", broker.url());
        properties.put("suoja.metrics.token", Scrape.TOKEN);
        properties.put("suoja.metrics.counts-for", "0s");
        return properties;
    }

    @BeforeEach
    void scene() {
        clock.set(ZonedDateTime.of(LocalDate.of(2026, 11, 24), LocalTime.of(10, 0), HELSINKI).toInstant());
        api = new Api(server);
        library = api.library(Api.rules());
        roomId = api.createRoom(library.admin(), library.siteId(), "Room " + library.unique(), "08:00", "20:00");
        Eventually.until("the broker link", () -> scrape().value("suoja_mqtt_connected"), v -> v == 1.0);
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    private Scrape scrape() {
        return Scrape.of(server.getURI());
    }

    @Test
    void nobody_scrapes_without_the_metrics_token_not_even_an_admin() {
        assertThat(Scrape.get(server.getURI(), null).statusCode()).isEqualTo(401);
        assertThat(Scrape.get(server.getURI(), "Bearer not-the-metrics-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(Scrape.get(server.getURI(), "Basic " + Scrape.TOKEN).statusCode()).isEqualTo(401);
        HttpResponse<String> admin = Scrape.get(server.getURI(), "Bearer " + library.admin());
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).doesNotContain("suoja_");

        HttpResponse<String> allowed = Scrape.get(server.getURI(), "Bearer " + Scrape.TOKEN);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(allowed.body()).contains("# HELP suoja_bookings ").contains("jvm_memory_used_bytes");
    }

    @Test
    void the_metrics_token_opens_nothing_else() {
        assertThat(api.get("/api/v1/devices", Scrape.TOKEN).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", Scrape.TOKEN).status()).isEqualTo(401);
    }

    @Test
    void every_series_is_there_from_the_start_with_every_state() {
        Scrape scrape = scrape();
        for (String status : new String[] {"CONFIRMED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"}) {
            assertThat(scrape.value("suoja_bookings{status=\"" + status + "\"}")).isGreaterThanOrEqualTo(0);
        }
        for (String state : new String[] {"PROVISIONED", "READY", "ON_LOAN", "WIPE_PENDING", "WIPING", "WIPE_FAILED",
                "FAULTY", "RETIRED"}) {
            assertThat(scrape.value("suoja_devices{state=\"" + state + "\"}")).isGreaterThanOrEqualTo(0);
        }
        assertThat(scrape.value("suoja_devices_agents{online=\"true\"}")).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("suoja_devices_agents{online=\"false\"}")).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("suoja_help_calls_open{status=\"OPEN\"}")).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("suoja_door_tasks_failing{state=\"retrying\"}")).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("suoja_door_tasks_failing{state=\"failed-24h\"}")).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("suoja_wipe_duration_seconds_count{outcome=\"ok\"}")).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("suoja_bookings_made_total")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void a_booking_counts_as_created_and_as_confirmed_until_it_is_cancelled() {
        Scrape before = scrape();
        // for later: a booking for now is checked in at once, and cannot be cancelled
        Api.Answer booking = expect(201, api.post("/api/v1/bookings", library.kiosk(), Map.of(
                "roomId", roomId, "start", clock.instant().plus(Duration.ofHours(1)).toString(), "minutes", 30)));

        Scrape made = scrape();
        assertRose(before, made, "suoja_bookings_made_total", 1);
        assertRose(before, made, "suoja_bookings{status=\"CONFIRMED\"}", 1);

        expect(200, api.post("/api/v1/bookings/" + booking.string("code") + "/cancel", library.kiosk(),
                Map.of("reason", "test")));
        Scrape cancelled = scrape();
        assertRose(before, cancelled, "suoja_bookings{status=\"CONFIRMED\"}", 0);
        assertRose(before, cancelled, "suoja_bookings{status=\"CANCELLED\"}", 1);
        assertRose(made, cancelled, "suoja_bookings_made_total", 0);
    }

    @Test
    void a_registered_laptop_counts_as_provisioned_and_offline_until_its_agent_is_heard() {
        Scrape before = scrape();
        expect(201, api.post("/api/v1/devices", library.admin(),
                Map.of("tag", "MET-" + library.unique(), "kind", "LAPTOP", "siteId", library.siteId())));
        Scrape after = scrape();
        assertRose(before, after, "suoja_devices{state=\"PROVISIONED\"}", 1);
        assertRose(before, after, "suoja_devices_agents{online=\"false\"}", 1);
        assertRose(before, after, "suoja_devices_agents{online=\"true\"}", 0);
    }

    @Test
    void a_help_call_counts_as_open_until_it_is_resolved() {
        Scrape before = scrape();
        long id = expect(201, api.post("/api/v1/help-calls", library.kiosk(), Map.of("screen", "START", "language", "fi"))).number("id");
        assertThat(scrape().value("suoja_help_calls_open{status=\"OPEN\"}"))
                .isEqualTo(before.value("suoja_help_calls_open{status=\"OPEN\"}") + 1);

        expect(200, api.post("/api/v1/help-calls/" + id + "/acknowledge", library.staff(), null));
        Scrape acknowledged = scrape();
        assertRose(before, acknowledged, "suoja_help_calls_open{status=\"OPEN\"}", 0);
        assertRose(before, acknowledged, "suoja_help_calls_open{status=\"ACKNOWLEDGED\"}", 1);

        expect(200, api.post("/api/v1/help-calls/" + id + "/resolve", library.staff(), null));
        assertThat(scrape().value("suoja_help_calls_open{status=\"ACKNOWLEDGED\"}"))
                .isEqualTo(before.value("suoja_help_calls_open{status=\"ACKNOWLEDGED\"}"));

        // a call the visitor cancelled is closed too
        long cancelled = expect(201, api.post("/api/v1/help-calls", library.kiosk(), Map.of("screen", "START", "language", "fi"))).number("id");
        expect(200, api.post("/api/v1/help-calls/" + cancelled + "/cancel", library.kiosk(), null));
        Scrape after = scrape();
        assertRose(before, after, "suoja_help_calls_open{status=\"OPEN\"}", 0);
        assertThat(after.text()).doesNotContain("suoja_help_calls_open{status=\"CANCELLED\"}");
    }

    @Test
    void health_shows_the_database_and_the_broker_link_and_turns_down_while_the_broker_is_gone() {
        Api.Answer anonymous = expect(200, api.get("/health", null));
        assertThat(anonymous.string("status")).isEqualTo("UP");
        assertThat(anonymous.text()).doesNotContain("mqtt").doesNotContain("jdbc");
        Api.Answer up = expect(200, api.get("/health", library.admin()));
        assertThat(component(up, "jdbc").get("status")).isEqualTo("UP");
        assertThat(component(up, "mqtt").get("status")).isEqualTo("UP");

        broker.stop();
        Eventually.until("the link to drop", () -> scrape().value("suoja_mqtt_connected"), v -> v == 0.0, Duration.ofSeconds(30));
        Api.Answer down = api.get("/health", library.admin());
        assertThat(down.status()).isEqualTo(503);
        assertThat(component(down, "mqtt").get("status")).isEqualTo("DOWN");
        assertThat(component(down, "jdbc").get("status")).isEqualTo("UP");
        assertThat(api.get("/health", null).status()).isEqualTo(503);

        broker.start();
        Eventually.until("the link to come back", () -> scrape().value("suoja_mqtt_connected"), v -> v == 1.0, Duration.ofSeconds(60));
        assertThat(api.get("/health", null).status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(Api.Answer health, String name) {
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertThat(details).as("health details: " + health).containsKey(name);
        return (Map<String, Object>) details.get(name);
    }


    /** The series is {@code by} higher in {@code after} than in {@code before}. */
    private static void assertRose(Scrape before, Scrape after, String series, int by) {
        assertThat(after.value(series)).isEqualTo(before.value(series) + by);
    }
}
