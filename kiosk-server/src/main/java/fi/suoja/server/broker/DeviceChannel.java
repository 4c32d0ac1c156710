package fi.suoja.server.broker;

import fi.suoja.hardware.mqtt.Topics;

import java.util.ArrayList;
import java.util.List;

/** The server's side of the MQTT link, as the fleet needs it. */
public interface DeviceChannel {

    Topics topics();

    /** The broker address to write into agents' configuration files. */
    String agentBrokerUrl();

    /**
     * Publishes at QoS 1, not retained. Returns false when the broker cannot be reached now; the
     * caller keeps its work queued and sends it again later.
     */
    boolean publish(String topic, byte[] payload);

    /** One message of {@link #publishAll}. */
    record Message(String topic, byte[] payload) {
    }

    /**
     * Publishes many messages at once, each as {@link #publish} does, and answers for each, in
     * order, whether the broker acknowledged it. A channel that can should keep several in flight
     * instead of waiting for each acknowledgement in turn.
     */
    default List<Boolean> publishAll(List<Message> messages) {
        List<Boolean> acknowledged = new ArrayList<>(messages.size());
        for (Message message : messages) {
            acknowledged.add(publish(message.topic(), message.payload()));
        }
        return acknowledged;
    }

    /** Whether the link to the broker is up now (for health and metrics). */
    boolean connected();
}
