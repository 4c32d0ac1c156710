package fi.suoja.server.device;

import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.MutableClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** The server and an agent against the machine's real Mosquitto (127.0.0.1:1883, anonymous): a short lifecycle. */
@Tag("mosquitto")
class FleetOnMosquittoTest {

    static final String MOSQUITTO = System.getenv().getOrDefault("SUOJA_TEST_MOSQUITTO_URL", "tcp://127.0.0.1:1883");

    @Test
    void a_laptop_is_wiped_lent_returned_and_wiped_again_through_mosquitto() {
        String root = "mq" + UUID.randomUUID().toString().substring(0, 8) + "/v1";
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "suoja.mqtt.enabled", true,
                "suoja.mqtt.embedded.enabled", false,
                "suoja.mqtt.url", MOSQUITTO,
                "suoja.mqtt.client-id", "test-server-" + UUID.randomUUID(),
                "suoja.mqtt.topic-root", root,
                "suoja.mqtt.session-expiry-seconds", 0), "test")) {
            MutableClock clock = server.getApplicationContext().getBean(MutableClock.class);
            clock.set(Instant.parse("2026-11-24T08:00:00Z"));
            Api api = new Api(server);
            String admin = api.loginAdmin();
            long site = api.createSite(admin, "Mosquitto library", Api.rules());
            Api.Answer registered = expect(201, api.post("/api/v1/devices", admin, Map.of("tag", "LAP-M1", "kind", "LAPTOP", "siteId", site)));
            try (FakeAgent agent = new FakeAgent(registered.string("agentConfig"), MOSQUITTO, clock)) {
                String id = agent.id.value();
                agent.connect(1);
                Eventually.until("online", () -> expect(200, api.get("/api/v1/devices/" + id, admin)), d -> Boolean.TRUE.equals(d.get("online")));
                agent.hello();
                Eventually.until("READY", () -> expect(200, api.get("/api/v1/devices/" + id, admin)), d -> "READY".equals(d.string("state")));

                expect(200, api.post("/api/v1/devices/hand-out", admin, Map.of("tag", "LAP-M1", "walkInUntil", "2026-11-24T09:00:00Z")));
                expect(200, api.post("/api/v1/devices/return", admin, Map.of("tag", "LAP-M1")));
                Eventually.until("READY again", () -> expect(200, api.get("/api/v1/devices/" + id, admin)), d -> "READY".equals(d.string("state")));
                assertThat(expect(200, api.get("/api/v1/devices/" + id + "/wipe-reports", admin)).list()).hasSize(2);
                assertThat(agent.refusals).isEmpty();
            }
        }
    }
}
