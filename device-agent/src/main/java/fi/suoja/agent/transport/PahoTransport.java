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
 *
 * <p>Every connection gets a <b>new Paho client</b>. Paho 1.2.5 gives outgoing publishes topic
 * aliases on its own whenever the broker allows them, keeps an unacknowledged publish as sent
 * (alias, no topic name) and sends it again as it is on the next connection of the same client,
 * where the alias means nothing: the broker disconnects with a protocol error (reason 130) on
 * every reconnect until the process restarts (eclipse-paho/paho.mqtt.java#1104). An agent frozen
 * past its keep-alive with an answer in flight locked itself out that way. A fresh client starts
 * with no such state; the agent sends again whatever was not confirmed ({@link Delivery}).
 */
public final class PahoTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(PahoTransport.class);
    /** A loan laptop may sit in a drawer for weeks; its commands must still be waiting. */
    static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(30).toSeconds();

    private final String brokerUrl;
    private final String clientId;
    private final String username;
    private final byte[] password;
    private final Duration keepAlive;
    private final Listener listener;
    private final Map<String, Integer> subscriptions = new LinkedHashMap<>();
    private final List<IMqttToken> pendingSubscriptions = new ArrayList<>();
    private volatile MqttAsyncClient client;
    private volatile CountDownLatch connectCompleted = new CountDownLatch(1);

    public PahoTransport(String brokerUrl, String clientId, String username, String password, Duration keepAlive,
                         Listener listener) throws TransportException {
        this.brokerUrl = brokerUrl;
        this.clientId = clientId;
        this.username = username;
        this.password = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
        this.keepAlive = keepAlive;
        this.listener = listener;
        this.client = newClient();
    }

    private MqttAsyncClient newClient() throws TransportException {
        try {
            MqttAsyncClient fresh = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
            fresh.setCallback(new Callback(fresh));
            return fresh;
        } catch (MqttException e) {
            throw new TransportException("cannot create an MQTT client for " + brokerUrl, e);
        }
    }

    @Override
    public void connect(Will will, Duration timeout) throws TransportException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval((int) Math.max(1, keepAlive.toSeconds()));
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password);
        }
        MqttMessage willMessage = new MqttMessage(will.payload(), 1, true, new MqttProperties());
        options.setWill(will.topic(), willMessage);
        replaceClient();
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

    /** Drops the client of the last connection with everything it still held, and makes a new one. */
    private void replaceClient() throws TransportException {
        MqttAsyncClient old = client;
        try {
            old.disconnectForcibly(0, 1_000, false);
        } catch (MqttException | RuntimeException e) {
            log.debug("{} dropping the last connection's client: {}", clientId, e.getMessage());
        }
        try {
            old.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("{} closing the last connection's client: {}", clientId, e.getMessage());
        }
        synchronized (pendingSubscriptions) {
            pendingSubscriptions.clear();
        }
        client = newClient();
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
        MqttAsyncClient current = client;
        if (current.isConnected()) {
            try {
                current.subscribe(topicFilter, qos).waitForCompletion(10_000);
            } catch (MqttException e) {
                throw new TransportException("cannot subscribe to " + topicFilter, e);
            }
        }
    }

    @Override
    public Delivery publish(String topic, byte[] payload, int qos, boolean retained) throws TransportException {
        try {
            IMqttToken token = client.publish(topic, payload, qos, retained);
            return () -> token.isComplete() && token.getException() == null;
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
        MqttAsyncClient current = client;
        try {
            if (current.isConnected()) {
                current.disconnect(5_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            log.debug("{} disconnect: {}", clientId, e.getMessage());
        }
        try {
            current.close(true);
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

    /** The callbacks of one client; those of a replaced client are not passed on. */
    private final class Callback implements MqttCallback {

        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        private boolean current() {
            return owner == client;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (!current()) {
                return;
            }
            Map<String, Integer> toRestore;
            synchronized (subscriptions) {
                toRestore = new LinkedHashMap<>(subscriptions);
            }
            for (Map.Entry<String, Integer> subscription : toRestore.entrySet()) {
                try {
                    // Without a listener: the token is waited for on the agent's thread, not here.
                    IMqttToken token = owner.subscribe(subscription.getKey(), subscription.getValue());
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
            if (!current()) {
                return;
            }
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
            // Even from a replaced client: Paho acknowledges it, so it must not be lost (commands are idempotent).
            listener.messageArrived(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Read through each publish's Delivery by the agent.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication is used
        }
    }
}
