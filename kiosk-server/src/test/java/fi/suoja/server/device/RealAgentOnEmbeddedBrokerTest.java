package fi.suoja.server.device;

import fi.suoja.server.Api;
import fi.suoja.server.TestBroker;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The real agent and the server over the server's own embedded HiveMQ, the one-box default: the
 * agent logs in with the broker account its registration made, as on Mosquitto.
 */
class RealAgentOnEmbeddedBrokerTest extends RealAgentScenarios {

    @Override
    EmbeddedServer startServer() throws IOException {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "suoja.mqtt.enabled", true,
                "suoja.mqtt.embedded.enabled", true,
                "suoja.mqtt.embedded.port", TestBroker.freePort(),
                "suoja.mqtt.embedded.data-dir", Files.createTempDirectory("suoja-embedded").toString(),
                "suoja.mqtt.embedded.persistent", false,
                "suoja.mqtt.topic-root", topicRoot), "test");
    }

    @Override
    void deviceRegistered(Api api, String admin) {
        // The embedded broker reads the device's account from the database at each connect.
    }
}
