package fi.suoja.hardware.broker;

import fi.suoja.hardware.Registration;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link BrokerConnection} over Paho's asynchronous MQTT 5 client, reconnecting by itself; the
 * subscriptions are made again in {@code connectComplete}, because the session starts clean.
 * Messages reach handlers through one callback: Paho's per-subscription listeners are not used
 * (in Paho 1.2.5 they recurse into a StackOverflowError in the synchronous client).
 */
public final class PahoBrokerConnection implements BrokerConnection {

    private static final Logger log = LoggerFactory.getLogger(PahoBrokerConnection.class);
    private static final long WAIT_MILLIS = 10_000;

    private final BrokerConfig config;
    private final MqttAsyncClient client;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> filters = new ConcurrentHashMap<>();

    private record Subscription(String filter, Handler handler) {
    }

    /** Connects now; throws if the broker cannot be reached within the connect timeout. */
    public PahoBrokerConnection(BrokerConfig config) throws BrokerException {
        this.config = config;
        try {
            client = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new BrokerException("cannot make an MQTT client for " + config.serverUri() + ": " + e.getMessage(), e);
        }
        client.setCallback(new Callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 60);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        if (config.username() != null) {
            options.setUserName(config.username());
            options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        try {
            client.connect(options).waitForCompletion(config.connectTimeout().toMillis());
        } catch (MqttException e) {
            closeQuietly();
            throw new BrokerException("cannot connect to the MQTT broker at " + config.serverUri() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException {
        try {
            client.publish(topic, new MqttMessage(payload, qos, retained, new MqttProperties()))
                    .waitForCompletion(WAIT_MILLIS);
        } catch (MqttException e) {
            throw new BrokerException("cannot publish to " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Registration subscribe(String topicFilter, int qos, Handler handler) throws BrokerException {
        Subscription subscription = new Subscription(topicFilter, handler);
        subscriptions.add(subscription);
        if (filters.putIfAbsent(topicFilter, qos) == null && client.isConnected()) {
            try {
                client.subscribe(topicFilter, qos).waitForCompletion(WAIT_MILLIS);
            } catch (MqttException e) {
                subscriptions.remove(subscription);
                filters.remove(topicFilter);
                throw new BrokerException("cannot subscribe to " + topicFilter + ": " + e.getMessage(), e);
            }
        }
        return () -> {
            subscriptions.remove(subscription);
            if (subscriptions.stream().noneMatch(s -> s.filter().equals(topicFilter)) && filters.remove(topicFilter) != null) {
                try {
                    if (client.isConnected()) {
                        client.unsubscribe(topicFilter);
                    }
                } catch (MqttException e) {
                    log.debug("unsubscribing from {}: {}", topicFilter, e.getMessage());
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            log.debug("{} disconnect: {}", config.clientId(), e.getMessage());
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("{} close: {}", config.clientId(), e.getMessage());
        }
    }

    private final class Callback extends IgnoringCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            for (Map.Entry<String, Integer> filter : filters.entrySet()) {
                try {
                    // No listener and no waiting: this runs on Paho's own thread.
                    IMqttToken ignored = client.subscribe(filter.getKey(), filter.getValue());
                } catch (MqttException e) {
                    log.warn("{} cannot subscribe to {} again: {}", config.clientId(), filter.getKey(), e.getMessage());
                }
            }
            if (reconnect) {
                log.info("{} connected again to {}", config.clientId(), serverUri);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            log.warn("{} lost the broker: {}", config.clientId(),
                    response.getException() != null ? response.getException().getMessage() : response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("{} MQTT error: {}", config.clientId(), exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            for (Subscription subscription : subscriptions) {
                if (BrokerConnection.matches(subscription.filter(), topic)) {
                    try {
                        subscription.handler().arrived(topic, message.getPayload(), message.isRetained());
                    } catch (RuntimeException e) {
                        log.warn("{} a handler of {} failed on a message: {}", config.clientId(), topic, e.toString());
                    }
                }
            }
        }
    }
}
