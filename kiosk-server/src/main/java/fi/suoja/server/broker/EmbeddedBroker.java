package fi.suoja.server.broker;

import fi.suoja.hardware.mqtt.Topics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Starts the embedded broker with the server, before the server's own MQTT client connects. It
 * takes only the server's own account (the configured one, or one made up for this run) and the
 * devices' accounts from their registration (see {@link EmbeddedAuthentication}).
 */
@Context
@Requires(property = "suoja.mqtt.embedded.enabled", notEquals = "false")
class EmbeddedBroker {

    private final HiveBroker broker;
    private final EmbeddedAuthentication.ServerAccount server;

    EmbeddedBroker(EmbeddedBrokerConfig config, MqttConfig mqtt, BeanProvider<BrokerAccounts> devices) {
        this.server = new EmbeddedAuthentication.ServerAccount(
                mqtt.username() == null || mqtt.username().isBlank() ? "suoja-server" : mqtt.username(),
                mqtt.password() == null || mqtt.password().isEmpty() ? randomPassword() : mqtt.password());
        EmbeddedAuthentication accounts = new EmbeddedAuthentication(server, new Topics(mqtt.topicRoot()), devices::get);
        this.broker = HiveBroker.start(config.bindAddress(), config.port(), Path.of(config.dataDir()),
                config.persistent(), "suoja.mqtt.embedded.port", accounts.extension());
    }

    int port() {
        return broker.port();
    }

    /** The account the server's own clients log in with. */
    EmbeddedAuthentication.ServerAccount serverAccount() {
        return server;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @PreDestroy
    void stop() {
        broker.close();
    }
}
