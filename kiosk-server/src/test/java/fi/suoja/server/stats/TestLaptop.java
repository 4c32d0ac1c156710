package fi.suoja.server.stats;

import fi.suoja.hardware.broker.IgnoringCallback;
import fi.suoja.hardware.mqtt.AgentConfigKeys;
import fi.suoja.hardware.mqtt.AgentState;
import fi.suoja.hardware.mqtt.Command;
import fi.suoja.hardware.mqtt.CommandSigner;
import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.DeviceStatus;
import fi.suoja.hardware.mqtt.Event;
import fi.suoja.hardware.mqtt.EventType;
import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.hardware.mqtt.Wire;
import fi.suoja.hardware.mqtt.WipeReport;
import fi.suoja.server.AgentWire;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A laptop's agent for the statistics scenario, over the real broker: it acknowledges every
 * command and answers each WIPE with the next outcome the test queued (verified or not, and how
 * long the agent says it took), so the wipe numbers the server keeps are known exactly.
 */
final class TestLaptop implements AutoCloseable {

    record Outcome(boolean verified, long millis) {
    }

    private static final String EPOCH = "57a7500000000001";

    final DeviceId id;
    private final Properties config;
    private final Topics topics;
    /** Every status and event is signed with the device key, as the server believes nothing else. */
    private final CommandSigner signer;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final MqttClient client;
    /** Answers are published off Paho's callback thread, which must not wait for its own acknowledgements. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    TestLaptop(String agentConfig, String brokerUrl, Clock clock) {
        this.config = AgentWire.settings(agentConfig);
        this.id = new DeviceId(config.getProperty(AgentConfigKeys.DEVICE_ID));
        this.topics = new Topics(config.getProperty(AgentConfigKeys.TOPIC_ROOT));
        this.signer = CommandSigner.ofBase64(config.getProperty(AgentConfigKeys.DEVICE_KEY));
        this.clock = clock;
        try {
            client = new MqttClient(brokerUrl, id.value() + "-" + UUID.randomUUID().toString().substring(0, 6), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    TestLaptop next(boolean verified, long millis) {
        outcomes.add(new Outcome(verified, millis));
        return this;
    }

    /** Online with a retained status, subscribed to its commands, then HELLO (which fetches its open wipe). */
    TestLaptop start() {
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setUserName(config.getProperty(AgentConfigKeys.BROKER_USERNAME));
            options.setPassword(config.getProperty(AgentConfigKeys.BROKER_PASSWORD).getBytes(StandardCharsets.UTF_8));
            client.setCallback(new IgnoringCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    worker.execute(() -> handle(message));
                }
            });
            client.connect(options);
            // Paho 1.2.5's subscribe with a listener recurses; the client's callback takes the messages
            client.subscribe(topics.commands(id), 1);
            publish(topics.status(id), Wire.encode(signer.sign(new DeviceStatus(id.value(), true, EPOCH, 1, AgentState.IDLE, 90,
                    10_000_000_000L, "stats-test", "Linux", clock.instant(), null))), true);
            event(EventType.HELLO, null, null, null);
            return this;
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(MqttMessage message) {
        Command command;
        try {
            command = Wire.decode(message.getPayload(), Command.class);
        } catch (Wire.MalformedMessage e) {
            throw new AssertionError("the server sent a malformed command", e);
        }
        event(EventType.ACK, command.id(), null, null);
        if (command.type() == CommandType.WIPE) {
            Outcome outcome = outcomes.poll();
            if (outcome == null) {
                throw new AssertionError("the test queued no outcome for wipe " + command.id());
            }
            WipeReport report = new WipeReport(command.param("jobId"), outcome.verified(), 5, 1, 2048,
                    outcome.verified() ? List.of() : List.of("Downloads/locked.pdf"), outcome.millis(), clock.instant());
            event(EventType.RESULT, command.id(), outcome.verified() ? "wiped" : "not verified", report);
        }
    }

    private void event(EventType type, String commandId, String detail, WipeReport report) {
        publish(topics.events(id), Wire.encode(signer.sign(new Event(id.value(), type, EPOCH, 1, commandId, AgentState.IDLE,
                detail, false, report, clock.instant(), null))), false);
    }

    private void publish(String topic, byte[] payload, boolean retained) {
        AgentWire.publish(client, topic, payload, retained);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            // the test is over; the broker drops the session
        }
    }
}
