package fi.suoja.server.device;

import fi.suoja.server.Api;
import fi.suoja.server.TestBroker;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/** The real agent and the server over the embedded HiveMQ, the one-box default: no broker accounts. */
class RealAgentOnEmbeddedBrokerTest extends RealAgentScenarios {

    @Override
    EmbeddedServer startServer() {
        Map<String, Object> properties = new HashMap<>(TestBroker.serverProperties(topicRoot));
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @Override
    void deviceRegistered(Api api, String admin) {
        // The embedded broker takes anyone on localhost.
    }
}
