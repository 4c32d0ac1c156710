package fi.suoja.agent;

import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Its own broker, because restarting it would disturb the other broker tests. */
class AgentBrokerRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void the_agent_reconnects_after_the_broker_restarts_and_its_subscription_is_restored() throws Exception {
        TestDevice device = new TestDevice("laptop-phoenix", temp);
        try (TestBroker broker = new TestBroker(temp.resolve("broker"));
             Agent agent = device.agent(broker.url())) {
            long firstSession;
            // the server listens before the agent starts, so the HELLO cannot go by unheard
            try (TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY)) {
                agent.start();
                firstSession = server.awaitEvent(e -> e.type() == EventType.HELLO, WAIT).session();
            }

            // In-memory persistence: the restarted broker knows no session and no subscription.
            // Stopping closes the agent's connection; whether it notices before or after the broker is back,
            // it must come back on a new connection, which the status below proves.
            broker.stop();
            broker.start();

            try (TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY)) {
                // the agent may be back before this server subscribes; its retained status tells either way
                await("a status of a new connection after the restart").atMost(WAIT)
                        .untilAsserted(() -> assertThat(server.statuses).as("a status of a new connection after the restart")
                                .anyMatch(s -> s.online() && s.session() > firstSession));

                server.send("after-restart", CommandType.PING, Map.of());
                assertThat(server.awaitEvent(EventType.RESULT, "after-restart").detail()).isEqualTo("pong");
            }
        }
    }
}
