package fi.suoja.server.broker;

import fi.suoja.hardware.mqtt.Topics;

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

    /** Whether the link to the broker is up now (for health and metrics). */
    boolean connected();
}
