package fi.suoja.hardware.broker;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door adapters' connection against the real Mosquitto of this machine (127.0.0.1:1883),
 * through a proxy that breaks the network: it comes back by itself, with its subscriptions.
 */
@Tag("mosquitto")
class PahoBrokerConnectionMosquittoTest {

    @Test
    void after_the_network_breaks_the_connection_comes_back_with_its_subscriptions_and_publishes_again() throws Exception {
        String topic = "suoja-test/" + UUID.randomUUID() + "/state";
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (TcpProxy network = new TcpProxy(1883);
             PahoBrokerConnection lock = new PahoBrokerConnection(BrokerConfig.anonymous(network.url(), "lock-" + UUID.randomUUID()));
             PahoBrokerConnection other = new PahoBrokerConnection(BrokerConfig.anonymous("tcp://127.0.0.1:1883", "other-" + UUID.randomUUID()))) {
            lock.subscribe(topic, 1, (t, payload, retained) -> heard.add(new String(payload, StandardCharsets.UTF_8)));
            other.publish(topic, bytes("before"), 1, false);
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("before");

            network.cut();
            network.heal();

            // Until the connection is back, messages to the topic go to nobody; then one arrives.
            String arrived = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int n = 0; arrived == null && System.nanoTime() < deadline; n++) {
                other.publish(topic, bytes("after-" + n), 1, false);
                arrived = heard.poll(250, TimeUnit.MILLISECONDS);
            }
            assertThat(arrived).as("a message after the reconnection").startsWith("after-");
            assertThat(network.accepted()).as("connections through the network").isGreaterThanOrEqualTo(2);

            String reply = "suoja-test/" + UUID.randomUUID() + "/reply";
            BlockingQueue<String> replies = new LinkedBlockingQueue<>();
            other.subscribe(reply, 1, (t, payload, retained) -> replies.add(new String(payload, StandardCharsets.UTF_8)));
            lock.publish(reply, bytes("locked"), 1, false);
            assertThat(replies.poll(10, TimeUnit.SECONDS)).as("a publish on the new connection").isEqualTo("locked");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
