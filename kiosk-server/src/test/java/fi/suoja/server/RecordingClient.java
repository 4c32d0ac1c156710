package fi.suoja.server;

import fi.suoja.hardware.broker.IgnoringCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain MQTT 5 client for tests, with an account or without: it records everything it receives
 * as {@code "topic text"} and every time the broker disconnects it.
 */
public final class RecordingClient extends IgnoringCallback implements AutoCloseable {

    public final MqttClient mqtt;
    public final List<String> received = new CopyOnWriteArrayList<>();
    public final List<String> disconnects = new CopyOnWriteArrayList<>();

    /** Connects now; throws if the broker refuses ({@code user} null: no account). */
    public RecordingClient(String brokerUrl, String clientId, String user, String password) throws MqttException {
        mqtt = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        mqtt.setCallback(this);
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            mqtt.connect(options);
        } catch (MqttException e) {
            mqtt.close();
            throw e;
        }
    }

    /** The broker's reason code for the subscription (at least 0x80: refused). */
    public int subscribe(String filter) throws MqttException {
        return mqtt.subscribe(new String[] {filter}, new int[] {1}).getReasonCodes()[0];
    }

    /** Publishes at QoS 1; a publish the broker refuses is simply not delivered, which is what tests look for. */
    public void publish(String topic, String text) {
        try {
            mqtt.publish(topic, new MqttMessage(text.getBytes(StandardCharsets.UTF_8), 1, false, null));
        } catch (MqttException e) {
            // Refused ("not authorized", or the connection was dropped for it): nothing is delivered either way.
        }
    }

    /** The texts received, without their topics. */
    public List<String> texts() {
        return received.stream().map(entry -> entry.substring(entry.indexOf(' ') + 1)).toList();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        disconnects.add(String.valueOf(response));
    }

    @Override
    public void close() {
        try {
            if (mqtt.isConnected()) {
                mqtt.disconnect();
            }
            mqtt.close();
        } catch (MqttException e) {
            // The test is over; the broker forgets the client.
        }
    }
}
