package fi.suoja.agent;

import fi.suoja.hardware.broker.IgnoringCallback;
import fi.suoja.hardware.mqtt.Command;
import fi.suoja.hardware.mqtt.CommandSigner;
import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.DeviceStatus;
import fi.suoja.hardware.mqtt.Event;
import fi.suoja.hardware.mqtt.EventType;
import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.hardware.mqtt.Wire;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Plays kiosk-server in a test: a Paho client that signs commands and collects events and status. */
final class TestServer implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final MqttAsyncClient client;
    private final Topics topics = Topics.defaults();
    private final DeviceId device;
    private final CommandSigner signer;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();
    /** Statuses and events whose signature is not the device key's over their content (there should be none). */
    final List<Object> unsigned = new CopyOnWriteArrayList<>();

    TestServer(String brokerUrl, DeviceId device, byte[] key) throws MqttException {
        this.device = device;
        this.signer = new CommandSigner(key);
        this.client = new MqttAsyncClient(brokerUrl, "test-server-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new IgnoringCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                if (topic.equals(topics.events(device))) {
                    Event event = Wire.decode(message.getPayload(), Event.class);
                    if (!signer.verify(event)) {
                        unsigned.add(event);
                    }
                    events.add(event);
                } else if (topic.equals(topics.status(device)) && message.getPayload().length > 0) {
                    DeviceStatus status = Wire.decode(message.getPayload(), DeviceStatus.class);
                    if (!signer.verify(status)) {
                        unsigned.add(status);
                    }
                    statuses.add(status);
                }
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 2);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(topics.events(device), 1).waitForCompletion(10_000);
        client.subscribe(topics.status(device), 1).waitForCompletion(10_000);
    }

    Command command(String id, CommandType type, Map<String, String> params) {
        Instant now = Instant.now();
        return signer.sign(Command.unsigned(id, device, type, now, now.plus(Duration.ofMinutes(10)), params));
    }

    Command send(Command command) throws MqttException {
        sendRaw(Wire.encode(command));
        return command;
    }

    Command send(String id, CommandType type, Map<String, String> params) throws MqttException {
        return send(command(id, type, params));
    }

    void sendRaw(byte[] payload) throws MqttException {
        client.publish(topics.commands(device), payload, 1, false).waitForCompletion(10_000);
    }

    /** Subscribes again so that the broker hands over its retained status afresh. */
    DeviceStatus freshRetainedStatus(Duration timeout) throws Exception {
        client.unsubscribe(topics.status(device)).waitForCompletion(10_000);
        int before = statuses.size();
        client.subscribe(topics.status(device), 1).waitForCompletion(10_000);
        await("a retained status for " + device).atMost(timeout).pollInterval(POLL).until(() -> statuses.size() > before);
        return statuses.get(before);
    }

    Event awaitEvent(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        await("an event").atMost(timeout).pollInterval(POLL)
                .untilAsserted(() -> assertThat(events).as("events so far").anyMatch(wanted));
        return events.stream().filter(wanted).findFirst().orElseThrow();
    }

    Event awaitEvent(EventType type, String commandId) throws InterruptedException {
        return awaitEvent(e -> e.type() == type && commandId.equals(e.commandId()), Duration.ofSeconds(20));
    }

    DeviceStatus awaitStatus(Predicate<DeviceStatus> wanted, Duration timeout) throws InterruptedException {
        await("a status").atMost(timeout).pollInterval(POLL)
                .untilAsserted(() -> assertThat(statuses).as("statuses so far").anyMatch(wanted));
        return statuses.stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Waits until {@code count} statuses arrived after the first {@code seen}; returns those. */
    List<DeviceStatus> awaitStatusesAfter(int seen, int count, Duration timeout) throws InterruptedException {
        await(count + " more statuses").atMost(timeout).pollInterval(POLL)
                .untilAsserted(() -> assertThat(statuses).as("statuses so far").hasSizeGreaterThanOrEqualTo(seen + count));
        return List.copyOf(statuses.subList(seen, seen + count));
    }

    List<Event> eventsAbout(String commandId) {
        return events.stream().filter(e -> commandId.equals(e.commandId())).toList();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
