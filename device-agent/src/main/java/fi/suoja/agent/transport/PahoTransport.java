package fi.suoja.agent.transport;

import fi.suoja.hardware.broker.BrokerException;
import fi.suoja.hardware.broker.PersistentSessionClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * MQTT 5 over the contract's {@link PersistentSessionClient}: a fixed client id, a persistent
 * session that outlives long offline periods, a new Paho client for every connection (so nothing
 * of a dead connection, such as its topic aliases, is sent on the next), subscriptions restored
 * and what the last connection left unacknowledged sent again before {@link #connect} returns.
 */
public final class PahoTransport implements Transport {

    /** A loan laptop may sit in a drawer for weeks; its commands must still be waiting. */
    static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(30).toSeconds();

    private final String username;
    private final byte[] password;
    private final Duration keepAlive;
    private final PersistentSessionClient client;

    public PahoTransport(String brokerUrl, String clientId, String username, String password, Duration keepAlive,
                         Listener listener) throws TransportException {
        this.username = username;
        this.password = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
        this.keepAlive = keepAlive;
        try {
            this.client = new PersistentSessionClient(brokerUrl, clientId, new PersistentSessionClient.Listener() {
                @Override
                public void messageArrived(String topic, byte[] payload, boolean retained) {
                    listener.messageArrived(topic, payload);
                }

                @Override
                public void connectionLost(String reason) {
                    listener.connectionLost(reason);
                }
            });
        } catch (BrokerException e) {
            throw new TransportException(e.getMessage(), e);
        }
    }

    @Override
    public void connect(Will will, Duration timeout) throws TransportException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setKeepAliveInterval((int) Math.max(1, keepAlive.toSeconds()));
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password);
        }
        options.setWill(will.topic(), new MqttMessage(will.payload(), 1, true, new MqttProperties()));
        try {
            client.connect(options, timeout);
        } catch (BrokerException e) {
            throw new TransportException(e.getMessage(), e);
        }
    }

    @Override
    public void subscribe(String topicFilter, int qos) throws TransportException {
        try {
            client.subscribe(topicFilter, qos);
        } catch (BrokerException e) {
            throw new TransportException(e.getMessage(), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws TransportException {
        try {
            // No waiting for room: the agent's loop keeps the message in its outbox and tries again shortly.
            client.publish(topic, payload, qos, retained, Duration.ZERO);
        } catch (BrokerException e) {
            throw new TransportException(e.getMessage(), e);
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        client.close();
    }
}
