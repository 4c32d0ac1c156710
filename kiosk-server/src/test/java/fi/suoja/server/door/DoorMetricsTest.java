package fi.suoja.server.door;

import fi.suoja.server.Api;
import fi.suoja.server.LibraryScene;
import fi.suoja.server.TestBroker;
import fi.suoja.server.metrics.Scrape;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door series of the metrics follow real tries: a Zigbee2MQTT keypad lock that never answers
 * (nothing listens on its topics of the real test broker) makes the code's task retry, then fail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoorMetricsTest extends LibraryScene implements TestPropertyProvider {

    private static final String RETRYING = "suoja_door_tasks_failing{state=\"retrying\"}";
    private static final String FAILED = "suoja_door_tasks_failing{state=\"failed-24h\"}";

    @Inject
    DoorTaskRunner tasks;

    /** The keypad tests' library: door codes work from 20 minutes before the booking. */
    @Override
    protected Map<String, Object> rules() {
        return Api.rules("doorCodeLeadMinutes", 20);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestBroker.serverProperties(TestBroker.newTopicRoot()));
        properties.put("suoja.hardware.locks", "zigbee2mqtt");
        properties.put("suoja.hardware.zigbee2mqtt.base-topic", "silent" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("suoja.hardware.zigbee2mqtt.answer-timeout", "1s");
        properties.put("suoja.hardware.zigbee2mqtt.attempts", "1");
        properties.put("suoja.doors.max-attempts", "2");
        properties.put("suoja.metrics.token", Scrape.TOKEN);
        properties.put("suoja.metrics.counts-for", "0s");
        return properties;
    }

    @Test
    void a_door_code_that_the_lock_does_not_take_counts_as_retrying_then_as_failed() {
        long room = DoorScenarios.keypadRoom(api, admin, siteId, "Room Q", "room-q-door");
        expect(201, api.post("/api/v1/bookings", admin, Map.of("roomId", room, "start", DoorScenarios.at("12:00").toString(), "minutes", 60)));
        Scrape before = Scrape.of(server.getURI());

        clock.set(DoorScenarios.at("11:40"));
        tasks.runDue();
        Scrape once = Scrape.of(server.getURI());
        assertThat(once.value(RETRYING)).isEqualTo(before.value(RETRYING) + 1);
        assertThat(once.value(FAILED)).isEqualTo(before.value(FAILED));

        clock.set(DoorScenarios.at("11:50"));
        tasks.runDue();
        Scrape failed = Scrape.of(server.getURI());
        assertThat(failed.value(RETRYING)).isEqualTo(before.value(RETRYING));
        assertThat(failed.value(FAILED)).isEqualTo(before.value(FAILED) + 1);

        // Counted for a day after it failed, then no longer.
        clock.set(DoorScenarios.at("11:50").plusSeconds(24 * 3600 + 60));
        assertThat(Scrape.of(server.getURI()).value(FAILED)).isEqualTo(before.value(FAILED));
    }
}
