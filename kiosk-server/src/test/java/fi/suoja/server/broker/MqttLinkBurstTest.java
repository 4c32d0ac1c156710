package fi.suoja.server.broker;

import fi.suoja.server.Eventually;
import fi.suoja.server.RecordingClient;
import fi.suoja.server.TestBroker;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
        try (RecordingClient listener = new RecordingClient(TestBroker.url(), "burst-listener-" + UUID.randomUUID(), null, null)) {
            listener.subscribe(topicRoot + "/burst/#");
            String probe = topicRoot + "/burst/probe";
            Eventually.until("the server's link to be up", () -> channel.publish(probe, "probe".getBytes(StandardCharsets.UTF_8)),
                    up -> up, Duration.ofSeconds(20));
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
            Set<String> commands = IntStream.range(0, BURST).mapToObj(i -> "command-" + i).collect(Collectors.toSet());
            Eventually.until("all " + BURST + " commands at the listener", () -> Set.copyOf(listener.texts()),
                    received -> received.containsAll(commands), Duration.ofSeconds(20));
        }
    }

    @Test
    void a_burst_published_together_is_all_acknowledged_and_all_arrives() throws Exception {
        int burst = 1_000; // fifty times the broker's receive maximum
        try (RecordingClient listener = new RecordingClient(TestBroker.url(), "together-listener-" + UUID.randomUUID(), null, null)) {
            listener.subscribe(topicRoot + "/together/#");
            String probe = topicRoot + "/together/probe";
            Eventually.until("the server's link to be up", () -> channel.publish(probe, "probe".getBytes(StandardCharsets.UTF_8)),
                    up -> up, Duration.ofSeconds(20));
            List<DeviceChannel.Message> messages = IntStream.range(0, burst)
                    .mapToObj(i -> new DeviceChannel.Message(topicRoot + "/together/" + i, ("together-" + i).getBytes(StandardCharsets.UTF_8)))
                    .toList();

            List<Boolean> acknowledged = channel.publishAll(messages);

            assertThat(acknowledged).hasSize(burst).containsOnly(true);
            Set<String> sent = IntStream.range(0, burst).mapToObj(i -> "together-" + i).collect(Collectors.toSet());
            Eventually.until("all " + burst + " messages at the listener", () -> Set.copyOf(listener.texts()),
                    received -> received.containsAll(sent), Duration.ofSeconds(30));
        }
    }
}
