package fi.suoja.bench.fleet;

import fi.suoja.hardware.broker.IgnoringCallback;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain Eclipse Paho MQTT 5 client, the library kiosk-server itself uses: it notes the arrival
 * time of every message on its subscriptions (the callback only stores; everything is read after
 * the measurement) and publishes at QoS 1, waiting for a free slot when the broker's receive
 * maximum is used up, as any Paho publisher must.
 */
final class PahoClient implements AutoCloseable {

    record Arrival(long nanos, String topic, byte[] payload) {
    }

    private final MqttAsyncClient client;
    final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();

    PahoClient(String url, String clientId, String... filters) throws MqttException {
        client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        client.setCallback(new IgnoringCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                System.err.println(clientId + " disconnected: " + response.getReasonString());
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                System.err.println(clientId + " error: " + exception.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                arrivals.add(new Arrival(System.nanoTime(), topic, message.getPayload()));
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setKeepAliveInterval(30);
        // The baseline sends without Nagle's delay, as the server's link and the simulated agents do.
        fi.suoja.hardware.broker.NoDelaySockets.forUri(url).ifPresent(options::setSocketFactory);
        client.connect(options).waitForCompletion(10_000);
        if (filters.length > 0) {
            int[] qos = new int[filters.length];
            java.util.Arrays.fill(qos, 1);
            client.subscribe(filters, qos).waitForCompletion(10_000);
        }
    }

    /** Publishes at QoS 1 and returns the time it was handed to Paho. */
    long publish(String topic, byte[] payload) throws MqttException {
        while (true) {
            try {
                long at = System.nanoTime();
                client.publish(topic, payload, 1, false);
                return at;
            } catch (MqttException e) {
                if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                LockSupport.parkNanos(100_000);
            }
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect(2_000).waitForCompletion(3_000);
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // closed
        }
    }
}
