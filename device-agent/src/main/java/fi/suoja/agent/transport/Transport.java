package fi.suoja.agent.transport;

import java.time.Duration;

/**
 * The little the agent needs from MQTT. The agent drives connecting itself (one attempt per call)
 * because every connection carries a new Last Will with the new session counter.
 */
public interface Transport extends AutoCloseable {

    /** What the transport tells the agent; called on the transport's own threads, so it must not block. */
    interface Listener {
        void messageArrived(String topic, byte[] payload);

        void connectionLost(String reason);
    }

    /** A message the broker publishes for us if we vanish without saying goodbye. */
    record Will(String topic, byte[] payload) {
    }

    /** A publish handed to the broker: confirmed once the broker has acknowledged it (QoS 1). */
    interface Delivery {
        boolean confirmed();
    }

    /**
     * Connects once (persistent session, the given will) and restores the subscriptions before it
     * returns, so nothing sent after this call returns is missed. Publishes not confirmed on an
     * earlier connection are forgotten here: the caller sends them again.
     */
    void connect(Will will, Duration timeout) throws TransportException;

    /** Subscribes now if connected, and again after every later connect. */
    void subscribe(String topicFilter, int qos) throws TransportException;

    Delivery publish(String topic, byte[] payload, int qos, boolean retained) throws TransportException;

    boolean isConnected();

    /** Disconnects cleanly (the broker then drops the will) and frees the client. Safe twice. */
    @Override
    void close();
}
