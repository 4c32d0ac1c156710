package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.H2FileServer;
import fi.suoja.server.MutableClock;
import fi.suoja.server.TestBroker;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wipe under way when the server stops is not lost: the job is in the database, and after the
 * restart the agent's HELLO gets it again, so the device becomes READY only then.
 */
class FleetRestartTest {

    @TempDir
    Path dir;

    private final String topicRoot = TestBroker.newTopicRoot();

    private EmbeddedServer start() {
        return H2FileServer.start(dir, TestBroker.serverProperties(topicRoot));
    }

    @Test
    void a_wipe_in_progress_survives_a_server_restart_and_is_sent_again_on_the_agents_hello() {
        String id;
        String jobId;
        FakeAgent agent;
        try (EmbeddedServer server = start()) {
            Api api = new Api(server);
            String admin = api.loginAdmin();
            long site = api.createSite(admin, "Restart library", Api.rules());
            Api.Answer registered = expect(201, api.post("/api/v1/devices", admin, Map.of("tag", "LAP-R1", "kind", "LAPTOP", "siteId", site)));
            agent = new FakeAgent(registered.string("agentConfig"), TestBroker.url(), server.getApplicationContext().getBean(MutableClock.class));
            agent.mode = FakeAgent.Mode.ACK_ONLY;
            id = agent.id.value();
            agent.connect(1);
            Eventually.until("online", () -> expect(200, api.get("/api/v1/devices/" + id, admin)), d -> Boolean.TRUE.equals(d.get("online")));
            agent.hello();
            Eventually.until("the ACK", () -> expect(200, api.get("/api/v1/devices/" + id, admin)),
                    d -> d.get("wipe") != null && "ACKED".equals(((Map<?, ?>) d.get("wipe")).get("state")));
            jobId = agent.commandsOf(CommandType.WIPE).get(0).param("jobId");
        }
        try (EmbeddedServer server = start(); FakeAgent again = agent) {
            Api api = new Api(server);
            String admin = api.loginAdmin();
            Api.Answer before = expect(200, api.get("/api/v1/devices/" + id, admin));
            assertThat(before.string("state")).isEqualTo("PROVISIONED");
            assertThat(((Map<?, ?>) before.get("wipe")).get("jobId")).isEqualTo(jobId);

            // The agent reconnects after the server's restart and asks what is open for it.
            again.mode = FakeAgent.Mode.VERIFIED;
            again.close();
            FakeAgent reconnected = new FakeAgent(agentConfig(again), TestBroker.url(), server.getApplicationContext().getBean(MutableClock.class));
            reconnected.connect(2);
            reconnected.hello();
            Api.Answer ready = Eventually.until("READY", () -> expect(200, api.get("/api/v1/devices/" + id, admin)),
                    d -> "READY".equals(d.string("state")));
            assertThat(ready.get("wipe")).isNull();
            assertThat(reconnected.commandsOf(CommandType.WIPE)).singleElement()
                    .satisfies(c -> assertThat(c.param("jobId")).isEqualTo(jobId));
            assertThat(expect(200, api.get("/api/v1/devices/" + id + "/wipe-reports", admin)).list())
                    .singleElement().satisfies(r -> assertThat(r.get("jobId")).isEqualTo(jobId));
            reconnected.close();
        }
    }

    private static String agentConfig(FakeAgent agent) {
        StringBuilder text = new StringBuilder();
        agent.config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }
}
