package fi.suoja.bench.turnaround;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * A plain Paho MQTT 5 client (the library the server and the agent use) that hands every message
 * to one handler, with a thread of its own for answers: Paho's callback thread must not wait for
 * an acknowledgement of its own client.
 */
final class Mqtt implements AutoCloseable {

    private final MqttClient client;
    private final ExecutorService answers;

    Mqtt(String brokerUrl, String clientId, BiConsumer<String, byte[]> handler) {
        answers = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, clientId + "-answers");
            thread.setDaemon(true);
            return thread;
        });
        try {
            client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void disconnected(MqttDisconnectResponse response) {
                }

                @Override
                public void mqttErrorOccurred(MqttException exception) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    handler.accept(topic, message.getPayload());
                }

                @Override
                public void deliveryComplete(IMqttToken token) {
                }

                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                }

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {
                }
            });
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setKeepAliveInterval(30);
            client.connect(options);
        } catch (MqttException e) {
            throw new IllegalStateException(clientId + " could not connect to " + brokerUrl + ": " + e.getMessage(), e);
        }
    }

    void subscribe(String filter, int qos) {
        try {
            client.subscribe(filter, qos).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new IllegalStateException("could not subscribe to " + filter, e);
        }
    }

    /** Publishes and returns once the broker has it (QoS 1: its PUBACK). */
    void publish(String topic, byte[] payload, int qos) {
        try {
            client.publish(topic, payload, qos, false);
        } catch (MqttException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Runs the answer on this client's own answer thread. */
    void later(Runnable answer) {
        answers.execute(answer);
    }

    @Override
    public void close() {
        answers.shutdownNow();
        try {
            client.disconnect(2_000);
            client.close();
        } catch (MqttException e) {
            // the broker may be gone already at the end of the run
        }
    }
}
