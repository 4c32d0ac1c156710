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

    /**
     * Connects once (persistent session, the given will) and restores the subscriptions before it
     * returns, so nothing sent after this call returns is missed. What an earlier connection did not
     * get acknowledged is sent again first, in its order, with full topic names; a retained status is
     * not, since the caller publishes a fresh one.
     */
    void connect(Will will, Duration timeout) throws TransportException;

    /** Subscribes now if connected, and again after every later connect. */
    void subscribe(String topicFilter, int qos) throws TransportException;

    /** Hands a message to the broker; kept and sent again on the next connection until the broker acknowledges it. */
    void publish(String topic, byte[] payload, int qos, boolean retained) throws TransportException;

    boolean isConnected();

    /** Disconnects cleanly (the broker then drops the will) and frees the client. Safe twice. */
    @Override
    void close();
}
