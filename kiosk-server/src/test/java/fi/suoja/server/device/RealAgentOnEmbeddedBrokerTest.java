package fi.suoja.server.device;

import fi.suoja.server.Api;
import fi.suoja.server.TestBroker;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;

/**
 * The real agent and the server over the server's own embedded HiveMQ, the one-box default: the
 * agent logs in with the broker account its registration made, as on Mosquitto.
 */
class RealAgentOnEmbeddedBrokerTest extends RealAgentScenarios {

    @Override
    EmbeddedServer startServer() throws IOException {
        return ApplicationContext.run(EmbeddedServer.class, TestBroker.embeddedBrokerServer(topicRoot), "test");
    }

    @Override
    void deviceRegistered(Api api, String admin) {
        // The embedded broker reads the device's account from the database at each connect.
    }
}
