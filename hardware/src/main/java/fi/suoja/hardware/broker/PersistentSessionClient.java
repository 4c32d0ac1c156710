package fi.suoja.hardware.broker;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An MQTT 5 client (Eclipse Paho) for a persistent session whose QoS 1 publishes outlive a lost
 * connection: what the broker did not acknowledge on one connection is published again, with its
 * full topic name, on the next one, before anything new. The device agent and the server both talk
 * to the broker through it.
 *
 * <p>Every connection gets a <b>new Paho client</b>. Paho 1.2.5 gives outgoing publishes topic
 * aliases by itself whenever the broker's CONNACK allows them (a client cannot turn that off), keeps
 * an unacknowledged publish as it was sent — alias, no topic name — and sends it again as it is on
 * the next connection of the same client, where the alias means nothing: the broker disconnects for
 * a protocol error, on every reconnect, until the process restarts (eclipse-paho/paho.mqtt.java#1104;
 * an agent frozen past its keep-alive locked itself out that way). A fresh client starts without
 * such state, and this class sends what is left over itself, as new messages.
 *
 * <p>The owner drives connecting, one attempt per {@link #connect} call, so that each connection can
 * carry options of its own (a new Last Will, say); Paho's automatic reconnect would reuse the old
 * client. The subscriptions are made again before {@code connect} returns. Messages reach the
 * {@link Listener} through one callback, never through per-subscription listeners (which recurse
 * into a StackOverflowError in Paho 1.2.5).
 *
 * <p>A <b>retained</b> publish left unacknowledged is not sent again: it stands for its sender's
 * state at the time, and the sender publishes its state afresh after connecting. A message sent again
 * may reach its receivers twice (QoS 1 is "at least once"); Suoja's commands and events are
 * idempotent.
 */
public final class PersistentSessionClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersistentSessionClient.class);
    /** How long dropping a dead connection's client may take. */
    private static final long DROP_MILLIS = 1_000;

    /** What the client tells its owner; called on Paho's threads, so it must not block. */
    public interface Listener {
        /**
         * A message on a subscription; also from a replaced connection, since Paho has acknowledged it.
         * {@code retained} marks an old message the broker kept, sent on subscribing.
         */
        void messageArrived(String topic, byte[] payload, boolean retained);

        /** The current connection ended without {@link #close()}; the owner connects again when it sees fit. */
        void connectionLost(String reason);
    }

    /** A publish handed to the client: confirmed once the broker has acknowledged it, on whichever connection. */
    public static final class Delivery {

        private final CountDownLatch acknowledged = new CountDownLatch(1);

        public boolean confirmed() {
            return acknowledged.getCount() == 0;
        }

        /** Waits until the broker acknowledged the message; false if it did not within {@code timeout}. */
        public boolean await(Duration timeout) throws InterruptedException {
            return acknowledged.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        private void confirm() {
            acknowledged.countDown();
        }
    }

    private record Outgoing(String topic, byte[] payload, int qos, boolean retained, Delivery delivery) {
    }

    /** Confirms a delivery from Paho's callback thread; takes no lock, so it never waits for a publisher. */
    private static final MqttActionListener CONFIRM = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            ((Outgoing) token.getUserContext()).delivery().confirm();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            // The connection ended first: the message stays unconfirmed and is sent again on the next one.
        }
    };

    private final String serverUri;
    private final String clientId;
    private final Listener listener;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final Map<String, Integer> subscriptions = new LinkedHashMap<>();
    /** Handed to Paho and not known to be acknowledged, oldest first. Guarded by {@link #lock}. */
    private final Deque<Outgoing> unconfirmed = new ArrayDeque<>();
    /** The client of the current (or next) connection. Written under {@link #lock}. */
    private volatile MqttAsyncClient client;
    /** Connected, subscribed, and what the last connection left over sent again: new publishes may go. */
    private volatile boolean ready;
    private volatile boolean closed;

    public PersistentSessionClient(String serverUri, String clientId, Listener listener) throws BrokerException {
        this.serverUri = serverUri;
        this.clientId = clientId;
        this.listener = listener;
        this.client = newClient();
    }

    private MqttAsyncClient newClient() throws BrokerException {
        try {
            MqttAsyncClient fresh = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
            fresh.setCallback(new Callback(fresh));
            return fresh;
        } catch (MqttException | IllegalArgumentException e) {
            throw new BrokerException("cannot make an MQTT client for " + serverUri + ": " + e.getMessage(), e);
        }
    }

    /**
     * One connection attempt with a new Paho client: connects with {@code options} (clean start
     * should be off, or there is no session to resume), makes every subscription again, then
     * publishes again what earlier connections left unacknowledged, in its order. Only then do new
     * publishes go out. On failure the half-made connection is dropped; what is unacknowledged
     * stays for the next attempt.
     */
    public void connect(MqttConnectionOptions options, Duration timeout) throws BrokerException {
        long deadline = System.nanoTime() + timeout.toNanos();
        MqttAsyncClient old;
        MqttAsyncClient fresh;
        Map<String, Integer> filters;
        synchronized (lock) {
            if (closed) {
                throw new BrokerException("the MQTT client of " + clientId + " is closed", null);
            }
            ready = false;
            old = client;
            fresh = newClient();
            client = fresh;
            filters = new LinkedHashMap<>(subscriptions);
        }
        drop(old);
        try {
            options.setAutomaticReconnect(false);
            if (options.getSocketFactory() == null) {
                NoDelaySockets.forUri(serverUri).ifPresent(options::setSocketFactory);
            }
            fresh.connect(options).waitForCompletion(remainingMillis(deadline));
            for (Map.Entry<String, Integer> filter : filters.entrySet()) {
                // Without a listener: the token is waited for here, not on Paho's thread.
                IMqttToken token = fresh.subscribe(filter.getKey(), filter.getValue());
                token.waitForCompletion(remainingMillis(deadline));
                refusedSubscription(filter.getKey(), token);
            }
            synchronized (lock) {
                if (client != fresh || closed) {
                    throw new BrokerException("the connection of " + clientId + " was replaced while it was made", null);
                }
                sendAgain(fresh, deadline);
                ready = true;
            }
        } catch (MqttException e) {
            drop(fresh);
            throw new BrokerException("cannot connect to " + serverUri + " as " + clientId + ": " + e.getMessage(), e);
        } catch (BrokerException e) {
            drop(fresh);
            throw e;
        }
    }

    /** Under {@link #lock}: the last connection's unacknowledged publishes, as new messages on this one. */
    private void sendAgain(MqttAsyncClient fresh, long deadline) throws BrokerException {
        List<Outgoing> again = new ArrayList<>();
        for (Outgoing outgoing : unconfirmed) {
            if (!outgoing.delivery().confirmed() && !outgoing.retained()) {
                again.add(outgoing);
            }
        }
        unconfirmed.clear();
        if (!again.isEmpty()) {
            log.info("{} sending again {} message(s) the last connection did not get acknowledged", clientId, again.size());
        }
        for (Outgoing outgoing : again) {
            unconfirmed.addLast(outgoing);
        }
        for (Outgoing outgoing : again) {
            send(fresh, outgoing, deadline);
        }
    }

    /** Subscribes now if connected, and again on every later connection. */
    public void subscribe(String topicFilter, int qos) throws BrokerException {
        MqttAsyncClient current;
        synchronized (lock) {
            subscriptions.put(topicFilter, qos);
            current = client;
        }
        if (ready) {
            try {
                IMqttToken token = current.subscribe(topicFilter, qos);
                token.waitForCompletion(10_000);
                refusedSubscription(topicFilter, token);
            } catch (MqttException e) {
                throw new BrokerException("cannot subscribe to " + topicFilter + ": " + e.getMessage(), e);
            }
        }
    }

    /** No longer subscribed, now if connected and on later connections. */
    public void unsubscribe(String topicFilter) {
        MqttAsyncClient current;
        synchronized (lock) {
            if (subscriptions.remove(topicFilter) == null) {
                return;
            }
            current = client;
        }
        if (ready) {
            try {
                current.unsubscribe(topicFilter);
            } catch (MqttException e) {
                log.debug("{} unsubscribing from {}: {}", clientId, topicFilter, e.getMessage());
            }
        }
    }

    private void refusedSubscription(String topicFilter, IMqttToken token) {
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            log.warn("{} the broker refused the subscription to {} (reason code {})", clientId, topicFilter, codes[0]);
        }
    }

    /**
     * Hands a message to the broker. When as many QoS 1 messages as the broker takes at once are
     * unacknowledged, waits up to {@code waitForRoom} for one of them first. The message is kept
     * until the broker acknowledges it, and sent again on the next connection if this one ends first.
     *
     * @throws BrokerException when not connected, or still no room after the wait
     */
    public Delivery publish(String topic, byte[] payload, int qos, boolean retained, Duration waitForRoom)
            throws BrokerException {
        Outgoing outgoing = new Outgoing(topic, payload, qos, retained, new Delivery());
        synchronized (lock) {
            if (!ready) {
                throw new BrokerException("not connected to " + serverUri, null);
            }
            unconfirmed.removeIf(o -> o.delivery().confirmed());
            send(client, outgoing, System.nanoTime() + waitForRoom.toNanos());
            if (qos > 0) {
                unconfirmed.addLast(outgoing);
            }
        }
        return outgoing.delivery();
    }

    /** Under {@link #lock}. A fresh MqttMessage each time: Paho writes its topic alias into the message's properties. */
    private void send(MqttAsyncClient to, Outgoing outgoing, long deadline) throws BrokerException {
        while (true) {
            try {
                to.publish(outgoing.topic(), new MqttMessage(outgoing.payload(), outgoing.qos(), outgoing.retained(),
                        new MqttProperties()), outgoing, CONFIRM);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || !awaitRoom(deadline)) {
                    throw new BrokerException("cannot publish to " + outgoing.topic() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Under {@link #lock}: waits until the oldest unacknowledged message is acknowledged (Paho frees
     * its slot before it tells us), or the deadline passes. The acknowledgement takes no lock.
     */
    private boolean awaitRoom(long deadline) {
        try {
            for (Outgoing outgoing : unconfirmed) {
                if (!outgoing.delivery().confirmed()) {
                    long left = deadline - System.nanoTime();
                    return left > 0 && outgoing.delivery().await(Duration.ofNanos(left));
                }
            }
            // Paho counts a slot of ours that we no longer track: give its callback a moment.
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(2)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Connected, subscribed and caught up with what an earlier connection left over. */
    public boolean isConnected() {
        return ready && client.isConnected();
    }

    /** Disconnects cleanly (the broker then drops the Last Will) and frees the client. Safe twice. */
    @Override
    public void close() {
        MqttAsyncClient current;
        synchronized (lock) {
            closed = true;
            ready = false;
            current = client;
        }
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

    /** Drops a client with everything it still held; its callbacks are no longer passed on. */
    private void drop(MqttAsyncClient old) {
        try {
            old.disconnectForcibly(0, DROP_MILLIS, false);
        } catch (MqttException | RuntimeException e) {
            log.debug("{} dropping a connection's client: {}", clientId, e.getMessage());
        }
        try {
            old.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("{} closing a connection's client: {}", clientId, e.getMessage());
        }
    }

    private static long remainingMillis(long deadline) throws BrokerException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new BrokerException("the connection was not ready in time", null);
        }
        return left;
    }

    /** The callbacks of one Paho client. */
    private final class Callback extends IgnoringCallback {

        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (owner != client || closed) {
                return;
            }
            ready = false;
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
            listener.messageArrived(topic, message.getPayload(), message.isRetained());
        }
    }
}
