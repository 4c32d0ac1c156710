package fi.suoja.server.broker;

import fi.suoja.hardware.broker.TcpProxy;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.server.Eventually;
import fi.suoja.server.RecordingClient;
import fi.suoja.server.TestBroker;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's connection to the broker dies while commands are on their way and unacknowledged:
 * once the server is connected again they reach the laptop, and the link stays up. Paho's own
 * automatic reconnect sent them again with topic aliases of the dead connection; a broker that
 * allows aliases (HiveMQ, and Mosquitto unless told {@code max_topic_alias 0}) disconnected the
 * server for a protocol error on every reconnect, and no command reached any laptop until the
 * server was restarted. Over HiveMQ by {@link CommandsInFlightOnHiveMqTest}, over Mosquitto by
 * {@link CommandsInFlightOnMosquittoTest}.
 */
abstract class CommandsInFlightScenarios {

    /** A broker that allows topic aliases; the server reaches it through a proxy, the laptop directly. */
    abstract String brokerUrl();

    @Test
    void commands_in_flight_when_the_servers_connection_dies_reach_the_laptop_once_it_is_connected_again()
            throws Exception {
        String topicRoot = TestBroker.newTopicRoot();
        DeviceId laptop = new DeviceId("lap-in-flight");
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try (TcpProxy proxy = new TcpProxy(URI.create(brokerUrl()).getPort());
             RecordingClient laptopSide = new RecordingClient(brokerUrl(), "laptop-side-" + UUID.randomUUID(), null, null);
             ApplicationContext server = ApplicationContext.run(Map.of(
                     "suoja.mqtt.enabled", true,
                     "suoja.mqtt.embedded.enabled", false,
                     "suoja.mqtt.url", proxy.url(),
                     "suoja.mqtt.client-id", "test-server-" + UUID.randomUUID(),
                     "suoja.mqtt.topic-root", topicRoot,
                     "suoja.mqtt.session-expiry-seconds", 0), "test")) {
            assertThat(laptopSide.subscribe(new Topics(topicRoot).commands(laptop))).isLessThan(0x80);
            DeviceChannel channel = server.getBean(DeviceChannel.class);
            String topic = channel.topics().commands(laptop);
            Eventually.until("the server's link to the broker", channel::connected, up -> up, Duration.ofSeconds(30));
            // The first command names the topic and gives it an alias; later ones on this connection carry the alias only.
            assertThat(channel.publish(topic, bytes("command-1"))).isTrue();
            Eventually.until("command-1 at the laptop", laptopSide::texts, r -> r.contains("command-1"));

            proxy.hold();
            Future<Boolean> two = senders.submit(() -> channel.publish(topic, bytes("command-2")));
            Future<Boolean> three = senders.submit(() -> channel.publish(topic, bytes("command-3")));
            Eventually.until("commands 2 and 3 sent, never acknowledged", proxy::held,
                    held -> held.contains("command-2") && held.contains("command-3"));
            proxy.cut();
            assertThat(laptopSide.texts()).containsExactly("command-1");
            proxy.heal();

            Eventually.until("commands 2 and 3 at the laptop", laptopSide::texts,
                    r -> r.containsAll(List.of("command-2", "command-3")), Duration.ofSeconds(60));
            // Each caller got its answer: acknowledged on the new connection, or (if that took over 10 s) false.
            two.get(30, TimeUnit.SECONDS);
            three.get(30, TimeUnit.SECONDS);

            // The link stays up: the next command goes out at once and arrives.
            Eventually.until("the server's link to the broker", channel::connected, up -> up, Duration.ofSeconds(30));
            assertThat(channel.publish(topic, bytes("command-4"))).isTrue();
            Eventually.until("command-4 at the laptop", laptopSide::texts, r -> r.contains("command-4"));
        } finally {
            senders.shutdownNow();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
