package fi.suoja.server.broker;

import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.server.secret.ServerSecrets;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The server's MQTT 5 client (Eclipse Paho): a persistent session that reconnects by itself,
 * every device's retained status, and the devices' events through a shared subscription so that
 * each event reaches one server instance of the group. Subscriptions are made again after every
 * connect, which also brings every retained status again.
 *
 * <p>Paho calls back on its own thread; messages are handed to one worker thread of ours, so that
 * database work and publishing from a handler never block Paho (and keep arrival order).
 */
@Singleton
@Requires(property = "suoja.mqtt.enabled", notEquals = "false")
class MqttLink implements DeviceChannel, ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    private static final int QOS = 1;
    /**
     * QoS 1 publishes in flight at once. Paho refuses one more than the broker's receive maximum
     * ("Too many publishes in progress"; Mosquitto allows 20, HiveMQ 10 by default), and a refused
     * command waited a minute for its re-send: "wipe now" to many laptops at once lost most sends
     * (bench/fleet). Within the limit, a refusal (Paho counts a slot free only a moment after its
     * PUBACK) is tried again after 2 ms, for up to a second.
     */
    private static final int MAX_IN_FLIGHT = 10;
    private static final String GROUP_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final MqttConfig config;
    private final Topics topics;
    private final BeanProvider<DeviceMessages> handler;
    private final ExecutorService inbound = Executors.newSingleThreadExecutor(r -> new Thread(r, "suoja-mqtt-inbound"));
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "suoja-mqtt-connect"));
    private final MqttClient client;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT, true);
    private final String url;
    private final BrokerAddress address;
    private final ServerSecrets secrets;
    private volatile boolean stopped;

    MqttLink(MqttConfig config, BeanProvider<DeviceMessages> handler, Optional<EmbeddedBroker> embedded,
             BrokerAddress address, ServerSecrets secrets) throws MqttException {
        // The embedded broker (when used) is a constructor argument so that it is listening before we connect.
        this.config = config;
        this.topics = new Topics(config.topicRoot());
        this.handler = handler;
        // With the embedded broker the server always talks to it, on whatever port it was given.
        this.url = embedded.map(b -> "tcp://127.0.0.1:" + b.port()).orElse(config.url());
        this.address = address;
        this.secrets = secrets;
        this.client = new MqttClient(url, config.clientId(), new MemoryPersistence());
        this.client.setTimeToWait(10_000);
        this.client.setCallback(new Callback());
    }

    @Override
    public String agentBrokerUrl() {
        return config.agentUrl() == null || config.agentUrl().isBlank() ? url : config.agentUrl();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        retry.execute(this::connect);
    }

    private void connect() {
        if (stopped || client.isConnected()) {
            return;
        }
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(config.sessionExpirySeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        address.username().ifPresent(options::setUserName);
        address.password().ifPresent(secret -> options.setPassword(secret.getBytes(StandardCharsets.UTF_8)));
        try {
            client.connect(options);
        } catch (MqttException e) {
            // Paho reconnects by itself only after a first success; until then we try again here.
            LOG.warn("Cannot connect to the MQTT broker at {} as {}: {}. Trying again in 5 s.", url, config.clientId(), e.getMessage());
            if (!stopped) {
                retry.schedule(this::connect, 5, TimeUnit.SECONDS);
            }
        }
    }

    private void subscribe() {
        try {
            // Without per-subscription listeners: Paho's listener variant of subscribe recurses into a StackOverflowError.
            String group = sharedGroup();
            IMqttToken token = client.subscribe(new String[] {topics.allStatus(), topics.sharedEvents(group)},
                    new int[] {QOS, QOS});
            LOG.info("Subscribed to {} and the devices' events as a shared group (granted {})", topics.allStatus(),
                    java.util.Arrays.toString(token.getGrantedQos()));
        } catch (MqttException e) {
            LOG.error("Cannot subscribe to the device topics; will try again on the next connect", e);
        }
    }

    /**
     * The shared-subscription group of the server instances. A broker hands each member of a group
     * its share of the events; Mosquitto 2.0's ACL file does not check subscriptions, so a laptop's
     * account could join a group whose name it knows and make the broker drop the events it was
     * handed (they fail the ACL on delivery). The name is therefore derived from a secret that all
     * instances share through the database and that no device ever sees.
     */
    String sharedGroup() {
        if (config.sharedGroup() != null && !config.sharedGroup().isBlank()) {
            return config.sharedGroup();
        }
        byte[] key = secrets.key("mqtt-shared-group");
        StringBuilder name = new StringBuilder("suoja-");
        for (int i = 0; i < 16; i++) {
            name.append(GROUP_ALPHABET.charAt((key[i] & 0xff) % GROUP_ALPHABET.length()));
        }
        return name.toString();
    }

    @Override
    public Topics topics() {
        return topics;
    }

    @Override
    public boolean publish(String topic, byte[] payload) {
        if (!client.isConnected()) {
            LOG.info("Not connected to the MQTT broker; {} stays queued", topic);
            return false;
        }
        try {
            if (!inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
                LOG.warn("Could not publish to {}: no free slot for 10 s", topic);
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            for (int refused = 0; ; refused++) {
                MqttMessage message = new MqttMessage(payload);
                message.setQos(QOS);
                message.setRetained(false);
                try {
                    client.publish(topic, message);
                    return true;
                } catch (MqttException e) {
                    // Paho frees a slot a moment after the PUBACK it waited for: try again shortly.
                    if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || refused >= 500) {
                        LOG.warn("Could not publish to {}: {}", topic, e.getMessage());
                        return false;
                    }
                    Thread.sleep(2);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            inFlight.release();
        }
    }

    @Override
    public boolean connected() {
        return client.isConnected();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        retry.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2_000);
            }
        } catch (MqttException e) {
            LOG.debug("Disconnect from the MQTT broker failed", e);
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Closing the MQTT client failed", e);
        }
        inbound.shutdown();
        try {
            if (!inbound.awaitTermination(5, TimeUnit.SECONDS)) {
                inbound.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(String topic, byte[] payload) {
        try {
            if (topic.endsWith("/status")) {
                handler.get().status(topic, payload);
            } else if (topic.endsWith("/events")) {
                handler.get().event(topic, payload);
            } else {
                LOG.warn("Ignoring a message on an unexpected topic {}", topic);
            }
        } catch (RuntimeException e) {
            // One bad message must not stop the link; the device will send again or be retried.
            LOG.error("Handling a message on {} failed", topic, e);
        }
    }

    private final class Callback implements MqttCallback {

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("Disconnected from the MQTT broker: {}", response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error", exception);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            if (!inbound.isShutdown()) {
                inbound.execute(() -> dispatch(topic, payload));
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // QoS 1 publishes are confirmed synchronously in publish().
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info("{} to the MQTT broker at {} as {}", reconnect ? "Reconnected" : "Connected", serverUri, config.clientId());
            if (!inbound.isShutdown()) {
                inbound.execute(MqttLink.this::subscribe);
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
