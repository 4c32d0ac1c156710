package fi.suoja.server.broker;

/**
 * Where the MQTT link hands what devices publish. Implemented by the fleet; called on one thread,
 * in the order the messages arrived. Payloads are untrusted and unparsed.
 */
public interface DeviceMessages {

    void status(String topic, byte[] payload);

    void event(String topic, byte[] payload);
}
