package fi.suoja.server;

import fi.suoja.hardware.TempDirs;
import fi.suoja.server.broker.HiveBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One real MQTT 5 broker (embedded HiveMQ, the one the server embeds) on a free port for the whole
 * test run. Each test class gets its own topic root, so classes never see each other's devices.
 */
public final class TestBroker {

    private static HiveBroker broker;

    private TestBroker() {
    }

    public static synchronized String url() {
        if (broker == null) {
            try {
                Path dir = TempDirs.create("suoja-test-broker");
                broker = HiveBroker.start("127.0.0.1", freePort(), dir, false, "suoja.mqtt.embedded.port");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker.url();
    }

    /** The port of {@link #url()}, for a proxy in front of the broker. */
    public static int port() {
        return java.net.URI.create(url()).getPort();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server properties that connect it to the test broker under a topic root of its own. */
    public static Map<String, String> serverProperties(String topicRoot) {
        Map<String, String> properties = new HashMap<>();
        properties.put("suoja.mqtt.enabled", "true");
        properties.put("suoja.mqtt.embedded.enabled", "false");
        properties.put("suoja.mqtt.url", url());
        properties.put("suoja.mqtt.client-id", "test-server-" + UUID.randomUUID());
        properties.put("suoja.mqtt.topic-root", topicRoot);
        properties.put("suoja.mqtt.session-expiry-seconds", "0");
        return properties;
    }

    /**
     * Properties of a server on a random port that runs its own embedded broker (on a free port, a fresh
     * data directory, not persistent) under that topic root; the caller adds what else it needs.
     */
    public static Map<String, Object> embeddedBrokerServer(String topicRoot) throws IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("suoja.mqtt.enabled", true);
        properties.put("suoja.mqtt.embedded.enabled", true);
        properties.put("suoja.mqtt.embedded.port", freePort());
        properties.put("suoja.mqtt.embedded.data-dir", TempDirs.create("suoja-embedded").toString());
        properties.put("suoja.mqtt.embedded.persistent", false);
        properties.put("suoja.mqtt.topic-root", topicRoot);
        return properties;
    }

    public static String newTopicRoot() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "/v1";
    }
}
