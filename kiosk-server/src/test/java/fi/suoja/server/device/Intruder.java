package fi.suoja.server.device;

import fi.suoja.hardware.broker.IgnoringCallback;
import fi.suoja.server.Eventually;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Any local program with an MQTT library and no account: it reads a topic and writes what it likes.
 * On a broker without ACLs nothing stops it; the server must not believe it.
 */
final class Intruder implements AutoCloseable {

    private final MqttClient client;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();

    /** Connects without a user name and reads {@code topic}; fails if the broker refuses either. */
    Intruder(String brokerUrl, String topic) throws MqttException {
        client = new MqttClient(brokerUrl, "intruder-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        client.setCallback(new IgnoringCallback() {
            @Override
            public void messageArrived(String t, MqttMessage message) {
                received.add(message.getPayload());
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        int granted = client.subscribe(topic, 1).getReasonCodes()[0];
        if (granted >= 0x80) {
            throw new MqttException(granted);
        }
    }

    byte[] awaitCommand() {
        return Eventually.until("a message on the intruder's topic", () -> List.copyOf(received), r -> !r.isEmpty(),
                Duration.ofSeconds(15)).get(0);
    }

    void publish(String topic, byte[] payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        client.publish(topic, message);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
