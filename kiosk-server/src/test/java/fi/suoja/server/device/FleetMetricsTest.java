package fi.suoja.server.device;

import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.ServerScene;
import fi.suoja.server.TestBroker;
import fi.suoja.server.metrics.Scrape;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet's Prometheus series (devices by state, agents online, wipe durations by outcome) follow
 * what real agents report over a real broker; the laptop is played by {@link FakeAgent}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetMetricsTest extends ServerScene implements TestPropertyProvider {

    private static final String OK = "suoja_wipe_duration_seconds_count{outcome=\"ok\"}";
    private static final String FAILED = "suoja_wipe_duration_seconds_count{outcome=\"failed\"}";

    private FakeAgent agent;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestBroker.serverProperties(TestBroker.newTopicRoot()));
        properties.put("suoja.metrics.token", Scrape.TOKEN);
        properties.put("suoja.metrics.counts-for", "0s");
        return properties;
    }

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    private Scrape scrape() {
        return Scrape.of(server.getURI());
    }

    @Test
    void device_states_agents_online_and_wipe_durations_follow_what_the_agent_reports() {
        clock.set(ZonedDateTime.of(LocalDate.of(2026, 11, 24), LocalTime.of(10, 0), ZoneId.of("Europe/Helsinki")).toInstant());
        Api api = new Api(server);
        Api.Library library = api.library(Api.rules());
        long roomId = api.createRoom(library.admin(), library.siteId(), "Room M", "08:00", "20:00");
        Scrape before = scrape();

        String tag = "MET-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Answer registered = expect(201, api.post("/api/v1/devices", library.admin(),
                Map.of("tag", tag, "kind", "LAPTOP", "siteId", library.siteId())));
        agent = new FakeAgent(registered.string("agentConfig"), TestBroker.url(), clock);
        String id = agent.id.value();
        agent.mode = FakeAgent.Mode.VERIFIED;
        agent.connect(1);
        agent.hello();
        Eventually.until("the first wipe", () -> api.get("/api/v1/devices/" + id, library.staff()).string("state"), "READY"::equals);

        Scrape ready = scrape();
        assertThat(ready.value("suoja_devices{state=\"READY\"}")).isEqualTo(before.value("suoja_devices{state=\"READY\"}") + 1);
        assertThat(ready.value("suoja_devices{state=\"PROVISIONED\"}")).isEqualTo(before.value("suoja_devices{state=\"PROVISIONED\"}"));
        assertThat(ready.value("suoja_devices_agents{online=\"true\"}"))
                .isEqualTo(before.value("suoja_devices_agents{online=\"true\"}") + 1);
        assertThat(ready.value(OK)).isEqualTo(before.value(OK) + 1);
        assertThat(ready.value(FAILED)).isEqualTo(before.value(FAILED));
        assertThat(ready.value("suoja_wipe_duration_seconds_bucket{outcome=\"ok\",le=\"+Inf\"}")).isEqualTo(ready.value(OK));

        // A loan, then a wipe the agent cannot verify: the failed outcome is counted, the device is WIPE_FAILED.
        String code = expect(201, api.post("/api/v1/bookings", library.kiosk(),
                Map.of("roomId", roomId, "start", clock.instant().toString(), "minutes", 30))).string("code");
        expect(200, api.post("/api/v1/devices/hand-out", library.staff(), Map.of("tag", tag, "bookingCode", code)));
        assertThat(scrape().value("suoja_devices{state=\"ON_LOAN\"}")).isEqualTo(before.value("suoja_devices{state=\"ON_LOAN\"}") + 1);
        agent.mode = FakeAgent.Mode.UNVERIFIED;
        expect(200, api.post("/api/v1/devices/return", library.staff(), Map.of("tag", tag)));
        Eventually.until("the failed wipe", () -> api.get("/api/v1/devices/" + id, library.staff()).string("state"),
                "WIPE_FAILED"::equals);

        Scrape failed = scrape();
        assertThat(failed.value(FAILED)).isEqualTo(before.value(FAILED) + 1);
        assertThat(failed.value(OK)).isEqualTo(ready.value(OK));
        assertThat(failed.value("suoja_devices{state=\"WIPE_FAILED\"}")).isEqualTo(before.value("suoja_devices{state=\"WIPE_FAILED\"}") + 1);
        assertThat(failed.value("suoja_devices{state=\"READY\"}")).isEqualTo(before.value("suoja_devices{state=\"READY\"}"));

        agent.goOffline();
        Eventually.until("the agent to be offline", () -> scrape().value("suoja_devices_agents{online=\"false\"}"),
                v -> v == before.value("suoja_devices_agents{online=\"false\"}") + 1);
    }
}
