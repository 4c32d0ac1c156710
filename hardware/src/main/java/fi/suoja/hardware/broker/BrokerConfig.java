package fi.suoja.hardware.broker;

import java.time.Duration;

/**
 * Where the MQTT broker is and who we are to it.
 *
 * @param serverUri      such as {@code tcp://127.0.0.1:1883} or {@code ssl://broker:8883}
 * @param clientId       unique per connection; a second connection with the same id throws the first out
 * @param username       null for an anonymous broker
 * @param password       null for an anonymous broker
 * @param connectTimeout how long the first connection may take
 */
public record BrokerConfig(String serverUri, String clientId, String username, String password, Duration connectTimeout) {

    public BrokerConfig {
        if (serverUri == null || !(serverUri.startsWith("tcp://") || serverUri.startsWith("ssl://")
                || serverUri.startsWith("ws://") || serverUri.startsWith("wss://"))) {
            throw new IllegalArgumentException("a broker address starts with tcp://, ssl://, ws:// or wss://, not " + serverUri);
        }
        if (clientId == null || clientId.isBlank() || clientId.length() > 128) {
            throw new IllegalArgumentException("an MQTT client id is 1 to 128 characters, not " + clientId);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("give both a user name and a password, or neither");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("the connect timeout must be positive, not " + connectTimeout);
        }
    }

    /** An anonymous broker, as on a developer's machine. */
    public static BrokerConfig anonymous(String serverUri, String clientId) {
        return new BrokerConfig(serverUri, clientId, null, null, Duration.ofSeconds(10));
    }
}
