package fi.suoja.agent.transport;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * MQTT 5 over Eclipse Paho's asynchronous client: a fixed client id, a persistent session that
 * outlives long offline periods, subscriptions restored in {@code connectComplete}. Paho's own
 * automatic reconnect stays off because it would reuse the first Last Will forever.
 * Subscriptions go through a callback, never through per-subscription listeners (which recurse
 * into a StackOverflowError in Paho 1.2.5's synchronous client).
 */
public final class PahoTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(PahoTransport.class);
    /** A loan laptop may sit in a drawer for weeks; its commands must still be waiting. */
    static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(30).toSeconds();

    private final String clientId;
    private final String username;
    private final byte[] password;
    private final MqttAsyncClient client;
    private final Listener listener;
    private final Map<String, Integer> subscriptions = new LinkedHashMap<>();
    private final List<IMqttToken> pendingSubscriptions = new ArrayList<>();
    private volatile CountDownLatch connectCompleted = new CountDownLatch(1);

    public PahoTransport(String brokerUrl, String clientId, String username, String password, Listener listener)
            throws TransportException {
        this.clientId = clientId;
        this.username = username;
        this.password = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
        this.listener = listener;
        try {
            this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new TransportException("cannot create an MQTT client for " + brokerUrl, e);
        }
        client.setCallback(new Callback());
    }

    @Override
    public void connect(Will will, Duration timeout) throws TransportException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password);
        }
        MqttMessage willMessage = new MqttMessage(will.payload(), 1, true, new MqttProperties());
        options.setWill(will.topic(), willMessage);
        connectCompleted = new CountDownLatch(1);
        try {
            client.connect(options).waitForCompletion(timeout.toMillis());
            // connectComplete (below) issues the subscriptions; wait for it and for the broker's answers.
            if (!connectCompleted.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TransportException("connected, but the subscriptions were not restored in time", null);
            }
            for (IMqttToken token : takePendingSubscriptions()) {
                token.waitForCompletion(timeout.toMillis());
            }
        } catch (MqttException e) {
            abandon();
            throw new TransportException("cannot connect: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while connecting", e);
        } catch (TransportException e) {
            abandon();
            throw e;
        }
    }

    /** A half-made connection (connected, subscriptions missing) is worse than none: drop it, retry whole. */
    private void abandon() {
        try {
            client.disconnectForcibly(0, 1_000, false);
        } catch (MqttException | RuntimeException e) {
            log.debug("{} dropping a half-made connection: {}", clientId, e.getMessage());
        }
    }

    @Override
    public void subscribe(String topicFilter, int qos) throws TransportException {
        synchronized (subscriptions) {
            subscriptions.put(topicFilter, qos);
        }
        if (client.isConnected()) {
            try {
                client.subscribe(topicFilter, qos).waitForCompletion(10_000);
            } catch (MqttException e) {
                throw new TransportException("cannot subscribe to " + topicFilter, e);
            }
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws TransportException {
        try {
            client.publish(topic, payload, qos, retained);
        } catch (MqttException e) {
            throw new TransportException("cannot publish to " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(5_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            log.debug("{} disconnect: {}", clientId, e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("{} close: {}", clientId, e.getMessage());
        }
    }

    private List<IMqttToken> takePendingSubscriptions() {
        synchronized (pendingSubscriptions) {
            List<IMqttToken> tokens = new ArrayList<>(pendingSubscriptions);
            pendingSubscriptions.clear();
            return tokens;
        }
    }

    private final class Callback implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            Map<String, Integer> toRestore;
            synchronized (subscriptions) {
                toRestore = new LinkedHashMap<>(subscriptions);
            }
            for (Map.Entry<String, Integer> subscription : toRestore.entrySet()) {
                try {
                    // Without a listener: the token is waited for on the agent's thread, not here.
                    IMqttToken token = client.subscribe(subscription.getKey(), subscription.getValue());
                    synchronized (pendingSubscriptions) {
                        pendingSubscriptions.add(token);
                    }
                } catch (MqttException e) {
                    log.warn("{} cannot restore the subscription to {}: {}", clientId, subscription.getKey(),
                            e.getMessage());
                }
            }
            connectCompleted.countDown();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String reason = response.getException() != null ? response.getException().getMessage()
                    : response.getReasonString() != null ? response.getReasonString()
                    : "disconnected by the broker (reason code " + response.getReturnCode() + ")";
            listener.connectionLost(reason);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("{} MQTT error: {}", clientId, exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            listener.messageArrived(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // QoS 1 deliveries need no follow-up: the outbox only holds what Paho refused.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication is used
        }
    }
}
