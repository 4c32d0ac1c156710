package fi.suoja.hardware.broker;

import fi.suoja.hardware.Registration;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link BrokerConnection} for the door and sign adapters, over the contract's
 * {@link PersistentSessionClient} (a new Paho client for every connection, subscriptions made
 * again, unacknowledged publishes sent again by their full topic names) and a {@link Reconnector}
 * that connects again after a lost connection. The session starts clean: a lock's or sign's state
 * is published retained, so nothing needs to wait in the broker while we are away.
 */
public final class PahoBrokerConnection implements BrokerConnection {

    private static final Logger log = LoggerFactory.getLogger(PahoBrokerConnection.class);
    private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(10);

    private final BrokerConfig config;
    private final PersistentSessionClient client;
    private final Reconnector reconnector;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    private record Subscription(String filter, Handler handler) {
    }

    /** Connects now; throws if the broker cannot be reached within the connect timeout. */
    public PahoBrokerConnection(BrokerConfig config) throws BrokerException {
        this.config = config;
        this.client = new PersistentSessionClient(config.serverUri(), config.clientId(), new PersistentSessionClient.Listener() {
            @Override
            public void messageArrived(String topic, byte[] payload, boolean retained) {
                deliver(topic, payload, retained);
            }

            @Override
            public void connectionLost(String reason) {
                log.warn("{} lost the broker: {}", config.clientId(), reason);
                reconnector.connectionLost();
            }
        });
        this.reconnector = new Reconnector("the MQTT broker at " + config.serverUri() + " as " + config.clientId(), this::connect);
        try {
            connect();
        } catch (BrokerException e) {
            close();
            throw new BrokerException("cannot connect to the MQTT broker at " + config.serverUri() + ": " + e.getMessage(), e);
        }
    }

    private void connect() throws BrokerException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        if (config.username() != null) {
            options.setUserName(config.username());
            options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options, config.connectTimeout());
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException {
        PersistentSessionClient.Delivery delivery = client.publish(topic, payload, qos, retained, ACKNOWLEDGED_WITHIN);
        if (qos == 0) {
            return;
        }
        try {
            if (!delivery.await(ACKNOWLEDGED_WITHIN)) {
                throw new BrokerException("the broker did not acknowledge " + topic + " within "
                        + ACKNOWLEDGED_WITHIN.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while publishing to " + topic, e);
        }
    }

    @Override
    public Registration subscribe(String topicFilter, int qos, Handler handler) throws BrokerException {
        Subscription subscription = new Subscription(topicFilter, handler);
        subscriptions.add(subscription);
        try {
            // Also made again on every later connection; a second subscription to a filter changes nothing.
            client.subscribe(topicFilter, qos);
        } catch (BrokerException e) {
            subscriptions.remove(subscription);
            throw e;
        }
        return () -> {
            subscriptions.remove(subscription);
            if (subscriptions.stream().noneMatch(s -> s.filter().equals(topicFilter))) {
                client.unsubscribe(topicFilter);
            }
        };
    }

    @Override
    public void close() {
        reconnector.close();
        client.close();
    }

    private void deliver(String topic, byte[] payload, boolean retained) {
        for (Subscription subscription : subscriptions) {
            if (BrokerConnection.matches(subscription.filter(), topic)) {
                try {
                    subscription.handler().arrived(topic, payload, retained);
                } catch (RuntimeException e) {
                    log.warn("{} a handler of {} failed on a message: {}", config.clientId(), topic, e.toString());
                }
            }
        }
    }
}
