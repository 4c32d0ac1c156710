package fi.suoja.server.broker;

import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The broker this server talks to, for other MQTT clients of the server (door locks, room signs):
 * the embedded broker on whatever port it was given, or the configured {@code suoja.mqtt.url}.
 */
@Singleton
public class BrokerAddress {

    private final MqttConfig config;
    private final String url;
    private final Optional<EmbeddedAuthentication.ServerAccount> embeddedAccount;

    BrokerAddress(MqttConfig config, Optional<EmbeddedBroker> embedded) {
        this.config = config;
        this.url = embedded.map(b -> "tcp://127.0.0.1:" + b.port()).orElse(config.url());
        this.embeddedAccount = embedded.map(EmbeddedBroker::serverAccount);
    }

    public String url() {
        return url;
    }

    /** The server's own client id, for naming its other connections; each needs an id of its own. */
    public String clientId() {
        return config.clientId();
    }

    /** The server's account: on the embedded broker the one it made for the server, else the configured one. */
    public Optional<String> username() {
        return embeddedAccount.map(EmbeddedAuthentication.ServerAccount::username)
                .or(() -> Optional.ofNullable(config.username()).filter(name -> !name.isBlank()));
    }

    public Optional<String> password() {
        return embeddedAccount.map(EmbeddedAuthentication.ServerAccount::password)
                .or(() -> Optional.ofNullable(config.password()).filter(secret -> !secret.isEmpty()));
    }
}
