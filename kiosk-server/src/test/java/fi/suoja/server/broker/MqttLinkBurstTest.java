package fi.suoja.server.broker;

import fi.suoja.server.TestBroker;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many commands at once ("wipe now" to a whole fleet): every publish goes out, none is refused by
 * the client for exceeding the broker's receive maximum (bench/fleet found a 1,000-laptop wipe
 * losing half its first sends that way, each then waiting a minute for its re-send).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttLinkBurstTest implements TestPropertyProvider {

    private static final int BURST = 60;

    private final String topicRoot = TestBroker.newTopicRoot();

    @Inject
    DeviceChannel channel;

    @Override
    public Map<String, String> getProperties() {
        return TestBroker.serverProperties(topicRoot);
    }

    @Test
    void a_burst_of_concurrent_publishes_all_go_out() throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(BURST);
        MqttClient listener = new MqttClient(TestBroker.url(), "burst-listener-" + topicRoot.hashCode(), new MemoryPersistence());
        listener.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String text = new String(message.getPayload(), StandardCharsets.UTF_8);
                if (text.startsWith("command-") && received.add(text)) {
                    all.countDown();
                }
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        listener.connect(new MqttConnectionOptions());
        listener.subscribe(new String[] {topicRoot + "/burst/#"}, new int[] {1});
        try {
            String probe = topicRoot + "/burst/probe";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!channel.publish(probe, "probe".getBytes(StandardCharsets.UTF_8)) && System.nanoTime() < deadline) {
                Thread.sleep(100); // the server's link is still connecting
            }
            ExecutorService pool = Executors.newFixedThreadPool(BURST);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> sent = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String payload = "command-" + i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return channel.publish(topicRoot + "/burst/" + payload, payload.getBytes(StandardCharsets.UTF_8));
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Boolean> f : sent) {
                if (f.get(30, TimeUnit.SECONDS)) {
                    ok++;
                }
            }
            pool.shutdown();

            assertThat(ok).as("publishes that went out").isEqualTo(BURST);
            assertThat(all.await(20, TimeUnit.SECONDS)).as("all %d arrived, got %d", BURST, received.size()).isTrue();
        } finally {
            listener.disconnect();
            listener.close();
        }
    }
}
