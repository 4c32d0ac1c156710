package fi.suoja.hardware.broker;

import fi.suoja.hardware.Registration;

/**
 * An MQTT connection as the device adapters use it: publish, and subscribe with a handler.
 * Handlers run on the connection's delivery thread and must not block; subscriptions survive
 * reconnects.
 */
public interface BrokerConnection extends AutoCloseable {

    /** A message as it arrived; {@code retained} is true for an old message the broker kept, sent on subscribe. */
    @FunctionalInterface
    interface Handler {
        void arrived(String topic, byte[] payload, boolean retained);
    }

    void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException;

    Registration subscribe(String topicFilter, int qos, Handler handler) throws BrokerException;

    @Override
    void close();

    /** Whether an MQTT topic filter, with {@code +} and {@code #} wildcards, matches a topic. */
    static boolean matches(String filter, String topic) {
        String[] wanted = filter.split("/", -1);
        String[] actual = topic.split("/", -1);
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals("#")) {
                return !(i == 0 && topic.startsWith("$"));
            }
            if (i >= actual.length) {
                return false;
            }
            if (wanted[i].equals("+")) {
                if (i == 0 && topic.startsWith("$")) {
                    return false;
                }
                continue;
            }
            if (!wanted[i].equals(actual[i])) {
                return false;
            }
        }
        return wanted.length == actual.length;
    }
}
