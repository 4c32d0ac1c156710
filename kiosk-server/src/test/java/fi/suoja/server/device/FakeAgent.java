package fi.suoja.server.device;

import fi.suoja.hardware.broker.IgnoringCallback;
import fi.suoja.hardware.mqtt.AgentConfigKeys;
import fi.suoja.hardware.mqtt.AgentState;
import fi.suoja.hardware.mqtt.Command;
import fi.suoja.hardware.mqtt.CommandCheck;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A laptop's agent, played by the test over a real broker with the contract of {@code hardware}:
 * it reads the configuration file the server wrote, checks every command's signature, and answers
 * wipes as told ({@link Mode}). Wipes are done once per job id, like the real agent.
 */
final class FakeAgent implements AutoCloseable {

    enum Mode {
        /** ACK, then a verified RESULT. */
        VERIFIED,
        /** ACK, then an unverified RESULT with a failure. */
        UNVERIFIED,
        /** ACK only: the wipe never finishes. */
        ACK_ONLY,
        /** Nothing at all. */
        SILENT
    }

    final DeviceId id;
    final Properties config;
    final Topics topics;
    private final String brokerUrl;
    private final Clock clock;
    private final CommandCheck check;
    final CommandSigner signer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    final List<Command> commands = new CopyOnWriteArrayList<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();
    private final Map<String, WipeReport> doneJobs = new ConcurrentHashMap<>();
    volatile Mode mode = Mode.VERIFIED;
    /** Whether each connection leaves a Last Will; see {@link #withoutWill}. */
    private volatile boolean will = true;
    volatile long session;
    /** This agent's session epoch; a new FakeAgent is a new (or reimaged) agent unless told otherwise. */
    volatile String epoch = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8)
            .putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong()).array());
    private MqttClient client;

    FakeAgent(String agentConfig, String brokerUrl, Clock clock) {
        this.config = AgentWire.settings(agentConfig);
        this.id = new DeviceId(config.getProperty(AgentConfigKeys.DEVICE_ID));
        this.topics = new Topics(config.getProperty(AgentConfigKeys.TOPIC_ROOT));
        this.brokerUrl = brokerUrl;
        this.clock = clock;
        this.signer = CommandSigner.ofBase64(config.getProperty(AgentConfigKeys.DEVICE_KEY));
        this.check = new CommandCheck(id, signer, Duration.ofMinutes(1));
    }

    /**
     * Connects from now on without a Last Will, as an agent looks to the server when the broker
     * crashes: no will is published, so the server still believes it online. A broker that is
     * stopped cleanly publishes the wills of the clients it drops, and one may reach the server
     * before its own connection closes, or not; a test of a broker outage that needs the laptops
     * online uses this instead of depending on that race.
     */
    FakeAgent withoutWill() {
        this.will = false;
        return this;
    }

    /** Connects as a new session: Last Will (unless {@link #withoutWill}) set to offline for this session, retained status online. */
    FakeAgent connect(long newSession) {
        this.session = newSession;
        try {
            // The client id is the device id, as for the real agent (and as a broker tying ids to users requires).
            client = new MqttClient(brokerUrl, id.value(), new MemoryPersistence());
            client.setCallback(new Callback());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setUserName(config.getProperty(AgentConfigKeys.BROKER_USERNAME));
            options.setPassword(config.getProperty(AgentConfigKeys.BROKER_PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (will) {
                MqttMessage lastWill = new MqttMessage(Wire.encode(status(false)));
                lastWill.setQos(1);
                lastWill.setRetained(true);
                options.setWill(topics.status(id), lastWill);
            }
            client.connect(options);
            client.subscribe(topics.commands(id), 1);
            publish(topics.status(id), Wire.encode(status(true)), true);
            return this;
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status as the real agent sends it: signed with the device key. */
    DeviceStatus status(boolean online) {
        return status(online, AgentState.IDLE, 80);
    }

    DeviceStatus status(boolean online, AgentState state, int battery) {
        return signer.sign(new DeviceStatus(id.value(), online, epoch, session, state, battery, 10_000_000_000L, "fake-1.0",
                "Linux", clock.instant(), null));
    }

    void hello() {
        event(EventType.HELLO, null, null, false, null);
    }

    /** Says goodbye properly: a retained offline status, then a clean disconnect. */
    void goOffline() {
        publish(topics.status(id), Wire.encode(status(false)), true);
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the connection without a DISCONNECT, like a power cut: the broker publishes the Last Will. */
    void crash() {
        try {
            client.disconnectForcibly(0, 0, false);
            client.close(true);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event as the real agent sends it: signed with the device key. */
    void event(EventType type, String commandId, String detail, boolean duplicate, WipeReport report) {
        publish(topics.events(id), Wire.encode(signer.sign(new Event(id.value(), type, epoch, session, commandId,
                AgentState.IDLE, detail, duplicate, report, clock.instant(), null))), false);
    }

    void publish(String topic, byte[] payload, boolean retained) {
        AgentWire.publish(client, topic, payload, retained);
    }

    List<Command> commandsOf(CommandType type) {
        return commands.stream().filter(c -> c.type() == type).toList();
    }

    /** Answers a WIPE as the real agent would: once per job id, a repeat gets the same report marked duplicate. */
    void answerWipe(Command command, boolean verified) {
        String jobId = command.param("jobId");
        WipeReport done = doneJobs.get(jobId);
        event(EventType.ACK, command.id(), null, done != null, null);
        WipeReport report = done != null ? done : new WipeReport(jobId, verified, 12, 3, 4096,
                verified ? List.of() : List.of("Downloads/locked.pdf"), 1500, clock.instant());
        doneJobs.put(jobId, report);
        event(EventType.RESULT, command.id(), verified ? "wiped" : "not verified", done != null, report);
    }

    private void handle(MqttMessage message) {
        Command command;
        try {
            command = Wire.decode(message.getPayload(), Command.class);
        } catch (Wire.MalformedMessage e) {
            refusals.add(e.getMessage());
            return;
        }
        if (check.check(command, clock.instant()) instanceof CommandCheck.Verdict.Refused refused) {
            refusals.add(refused.reason());
            event(EventType.REJECTED, command.id(), refused.reason(), false, null);
            return;
        }
        commands.add(command);
        if (command.type() != CommandType.WIPE) {
            event(EventType.ACK, command.id(), null, false, null);
            return;
        }
        switch (mode) {
            case VERIFIED -> answerWipe(command, true);
            case UNVERIFIED -> answerWipe(command, false);
            case ACK_ONLY -> event(EventType.ACK, command.id(), null, false, null);
            case SILENT -> {
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (client != null && client.isConnected()) {
                client.disconnect();
            }
            if (client != null) {
                client.close();
            }
        } catch (MqttException e) {
            // The test is over; the broker drops the session.
        }
    }

    private final class Callback extends IgnoringCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            worker.execute(() -> handle(message));
        }
    }
}
