package fi.suoja.server.broker;

import fi.suoja.hardware.broker.BrokerException;
import fi.suoja.hardware.broker.PersistentSessionClient;
import fi.suoja.hardware.broker.Reconnector;
import fi.suoja.hardware.mqtt.Topics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The server's MQTT 5 client: a persistent session, every device's retained status, and the
 * devices' events through a shared subscription so that each event reaches one server instance of
 * the group. It talks through the contract's {@link PersistentSessionClient}: a new Paho client for
 * every connection, subscriptions made again (which also brings every retained status again), and
 * commands the broker had not acknowledged when a connection died sent again on the next one, by
 * their full topic names. Paho's own automatic reconnect sent them again with topic aliases of the
 * dead connection, and the broker disconnected the server for a protocol error on every reconnect.
 *
 * <p>Paho calls back on its own thread; messages are handed to worker threads of ours, so that
 * database work and publishing from a handler never block Paho. There are a few of them
 * ({@code suoja.mqtt.inbound-lanes}), each one thread: with one, the fleet's statuses waited on one
 * thread's database round trips (bench/fleet: 10,000 laptops at a 15 s heartbeat fell behind at a
 * fifth of a core). A device's status and events always take the lane its id hashes to, so they are
 * handled in their order of arrival as before; different devices never shared state that needed
 * one thread (the server runs as several instances against one database anyway).
 */
@Singleton
@Requires(property = "suoja.mqtt.enabled", notEquals = "false")
class MqttLink implements DeviceChannel, ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    private static final int QOS = 1;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a command may wait for the broker's acknowledgement before the caller keeps it queued. */
    private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(10);
    /**
     * QoS 1 publishes in flight at once. Paho refuses one more than the broker's receive maximum
     * ("Too many publishes in progress"; Mosquitto allows 20, HiveMQ 10 by default), and a refused
     * command waited a minute for its re-send: "wipe now" to many laptops at once lost most sends
     * (bench/fleet). Within the limit, a refusal (Paho counts a slot free only a moment after its
     * PUBACK) waits for room for up to a second.
     */
    private static final int MAX_IN_FLIGHT = 10;
    private static final Duration WAIT_FOR_ROOM = Duration.ofSeconds(1);
    /** The longest inbound messages wait for a burst of commands to go out. */
    private static final Duration BURST_HOLD = Duration.ofSeconds(15);

    private final MqttConfig config;
    private final Topics topics;
    private final BeanProvider<DeviceMessages> handler;
    /** One single-thread executor per lane. */
    private final List<ExecutorService> inbound;
    /** Connects and reconnects, one attempt at a time. */
    private final Reconnector reconnector;
    private final PersistentSessionClient client;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT, true);
    private final Object burstLock = new Object();
    /** Bursts of {@link #publishAll} under way. Guarded by {@link #burstLock}. */
    private int bursts;
    private final String url;
    private final BrokerAddress address;
    private final SharedGroup group;
    private boolean subscribed;
    private volatile boolean stopped;

    MqttLink(MqttConfig config, BeanProvider<DeviceMessages> handler, Optional<EmbeddedBroker> embedded,
             BrokerAddress address, SharedGroup group) throws BrokerException {
        // The embedded broker (when used) is a constructor argument so that it is listening before we connect.
        this.config = config;
        this.topics = new Topics(config.topicRoot());
        this.handler = handler;
        this.inbound = IntStream.range(0, config.inboundLanes())
                .mapToObj(lane -> Executors.newSingleThreadExecutor(r -> new Thread(r, "suoja-mqtt-inbound-" + lane)))
                .toList();
        // With the embedded broker the server always talks to it, on whatever port it was given.
        this.url = embedded.map(b -> "tcp://127.0.0.1:" + b.port()).orElse(config.url());
        this.address = address;
        this.group = group;
        this.client = new PersistentSessionClient(url, config.clientId(), new PersistentSessionClient.Listener() {
            @Override
            public void messageArrived(String topic, byte[] payload, boolean retained) {
                ExecutorService lane = laneOf(topic);
                if (!lane.isShutdown()) {
                    lane.execute(() -> {
                        awaitBursts();
                        dispatch(topic, payload);
                    });
                }
            }

            @Override
            public void connectionLost(String reason) {
                LOG.warn("Disconnected from the MQTT broker: {}", reason);
                reconnector.connectionLost();
            }
        });
        this.reconnector = new Reconnector("the MQTT broker at " + url + " as " + config.clientId(), this::connect);
    }

    @Override
    public String agentBrokerUrl() {
        return config.agentUrl() == null || config.agentUrl().isBlank() ? url : config.agentUrl();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        reconnector.connectNow();
    }

    /** One attempt, on the {@link #reconnector}'s thread. */
    private void connect() throws BrokerException {
        if (stopped || client.isConnected()) {
            return;
        }
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(config.sessionExpirySeconds());
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout((int) CONNECT_TIMEOUT.toSeconds());
        address.username().ifPresent(options::setUserName);
        address.password().ifPresent(secret -> options.setPassword(secret.getBytes(StandardCharsets.UTF_8)));
        if (!subscribed) {
            // Made on every connection from now on; the group name may need the database, hence here.
            client.subscribe(topics.allStatus(), QOS);
            client.subscribe(topics.sharedEvents(group.name()), QOS);
            subscribed = true;
        }
        client.connect(options, CONNECT_TIMEOUT);
        LOG.info("Connected to the MQTT broker at {} as {}; subscribed to {} and the devices' events as a shared group",
                url, config.clientId(), topics.allStatus());
    }

    @Override
    public Topics topics() {
        return topics;
    }

    /**
     * True once the broker has acknowledged the message. When the connection dies first, the
     * message is sent again on the next one; if that does not happen within 10 s, the caller is told
     * false and keeps its work queued (a command it sends again later has a new id, and an agent
     * acts on a job once).
     */
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
            PersistentSessionClient.Delivery delivery = client.publish(topic, payload, QOS, false, WAIT_FOR_ROOM);
            if (!delivery.await(ACKNOWLEDGED_WITHIN)) {
                LOG.warn("The MQTT broker did not acknowledge {} within {} s; it is sent again on the next connection",
                        topic, ACKNOWLEDGED_WITHIN.toSeconds());
                return false;
            }
            return true;
        } catch (BrokerException e) {
            LOG.warn("Could not publish to {}: {}", topic, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            inFlight.release();
        }
    }

    /**
     * Hands every message to the client at once, as many in flight as the broker takes (the client
     * waits for room as each is refused), then waits for their acknowledgements together: a burst
     * of commands is one broker round trip deep per window, not one per message. Not through the
     * slots of {@link #publish}: one caller keeps the window full, where those slots keep many
     * callers from being refused. Each message not acknowledged within 10 s of the last one going
     * out answers false and is sent again on the next connection, like one of {@link #publish}.
     */
    @Override
    public List<Boolean> publishAll(List<Message> messages) {
        Boolean[] acknowledged = new Boolean[messages.size()];
        Arrays.fill(acknowledged, false);
        if (!client.isConnected()) {
            LOG.info("Not connected to the MQTT broker; {} messages stay queued", messages.size());
            return Arrays.asList(acknowledged);
        }
        synchronized (burstLock) {
            bursts++;
        }
        try {
            publishAll(messages, acknowledged);
        } finally {
            synchronized (burstLock) {
                bursts--;
                burstLock.notifyAll();
            }
        }
        return Arrays.asList(acknowledged);
    }

    /**
     * Lets inbound messages wait while a burst goes out, for at most {@link #BURST_HOLD}: with two
     * cores full of the answers to its first commands (each a few transactions), the broker's
     * acknowledgements of the rest came slowly, and 1,000 commands took 1–2 s to go out instead of
     * about 0.1 s (bench/fleet). The answers wait in their lanes in their order, as they would
     * behind each other anyway; the broker has them acknowledged either way.
     */
    private void awaitBursts() {
        long until = System.nanoTime() + BURST_HOLD.toNanos();
        synchronized (burstLock) {
            while (bursts > 0) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(burstLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void publishAll(List<Message> messages, Boolean[] acknowledged) {
        PersistentSessionClient.Delivery[] deliveries = new PersistentSessionClient.Delivery[messages.size()];
        int refused = 0;
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            try {
                deliveries[i] = client.publish(message.topic(), message.payload(), QOS, false, WAIT_FOR_ROOM);
            } catch (BrokerException e) {
                // Not connected, or no room for a second: the rest would wait as long each; they stay queued.
                refused = messages.size() - i;
                LOG.warn("Could not publish to {}: {}", message.topic(), e.getMessage());
                break;
            }
        }
        long deadline = System.nanoTime() + ACKNOWLEDGED_WITHIN.toNanos();
        try {
            for (int i = 0; i < deliveries.length; i++) {
                if (deliveries[i] != null) {
                    acknowledged[i] = deliveries[i].await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long unacknowledged = Arrays.stream(acknowledged).filter(a -> !a).count() - refused;
        if (refused > 0 || unacknowledged > 0) {
            LOG.warn("Of {} messages published together, {} could not be handed to the broker and {} were not acknowledged"
                    + " within {} s", messages.size(), refused, unacknowledged, ACKNOWLEDGED_WITHIN.toSeconds());
        }
    }

    @Override
    public boolean connected() {
        return client.isConnected();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        reconnector.close();
        client.close();
        inbound.forEach(ExecutorService::shutdown);
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (ExecutorService lane : inbound) {
                if (!lane.awaitTermination(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    lane.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The lane of the device the topic belongs to: the topic without its last level
     * ({@code {root}/devices/{id}}) is the same for a device's status and events.
     */
    private ExecutorService laneOf(String topic) {
        int slash = topic.lastIndexOf('/');
        String device = slash < 0 ? topic : topic.substring(0, slash);
        return inbound.get(Math.floorMod(device.hashCode(), inbound.size()));
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
}
