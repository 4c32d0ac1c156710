package fi.suoja.server.device;

import fi.suoja.server.TestBroker;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded broker's port is checked before start, with an error that says what to change. */
class EmbeddedBrokerTest {

    @Test
    void a_taken_broker_port_stops_the_start_with_the_port_and_the_setting_named() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), TestBroker.freePort()));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, Map.of(
                    "micronaut.server.port", -1,
                    "suoja.mqtt.enabled", true,
                    "suoja.mqtt.embedded.enabled", true,
                    "suoja.mqtt.embedded.port", port), "test").close())
                    .hasStackTraceContaining("Port " + port + " on 127.0.0.1 is already in use")
                    .hasStackTraceContaining("suoja.mqtt.embedded.port");
        }
    }
}
