package fi.suoja.server.broker;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;

import java.nio.file.Path;

/** Starts the embedded broker with the server, before the server's own MQTT client connects. */
@Context
@Requires(property = "suoja.mqtt.embedded.enabled", notEquals = "false")
class EmbeddedBroker {

    private final HiveBroker broker;

    EmbeddedBroker(EmbeddedBrokerConfig config) {
        this.broker = HiveBroker.start(config.bindAddress(), config.port(), Path.of(config.dataDir()),
                config.persistent(), "suoja.mqtt.embedded.port");
    }

    int port() {
        return broker.port();
    }

    @PreDestroy
    void stop() {
        broker.close();
    }
}
