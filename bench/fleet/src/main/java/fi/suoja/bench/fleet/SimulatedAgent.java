package fi.suoja.bench.fleet;

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

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One laptop's agent as the server sees it over MQTT, without the laptop: configured from the very
 * file the server hands out at registration (device id, signing key, topic root, heartbeat), it
 * connects with a persistent session and a Last Will, subscribes to its commands, publishes its
 * retained status on connect, on every change and every heartbeat, and says HELLO. Each command is
 * decoded and checked with the contract's {@link CommandCheck} (addressed to it, signed with its
 * key, not expired, not from the future); a WIPE is answered as the real agent answers it: ACK,
 * status WIPING, PROGRESS for each step, status, a RESULT with a verified report, status. A job
 * already done is answered with the stored report and {@code duplicate: true}.
 *
 * <p>It does no disk work: its report removes nothing and is verified because there is nothing
 * to remove. The wipe engine's own cost is measured by bench/wipe. A wipe takes as long as it is
 * told (at random from half to one and a half times that), its steps reported in between, as a
 * real one takes seconds (15 s for a realistic guest profile in bench/turnaround): answered at
 * once, a thousand wipes put ten thousand answers on two cores in the very second their commands
 * were going out. All methods run on the loop.
 */
final class SimulatedAgent implements MqttLoop.Handler {

    /** What every agent counts, summed over the fleet by the benchmark. */
    static final class Counters {
        long connects;
        long connectionsLost;
        long statuses;
        long commands;
        long acks;
        long results;
        long duplicates;
        long rejected;
        final List<String> rejections = new java.util.ArrayList<>();
        /** When each agent got its first WIPE since last forgotten and acknowledged it; read from other threads. */
        final Answers wipeAcks = new Answers();
    }

    private static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(30).toSeconds();
    private static final int KEEP_ALIVE_SECONDS = 30;
    /** The steps the real agent reports for a wipe of the server's two default guest areas. */
    private static final List<String> WIPE_STEPS = List.of("ending the guest session", "wiping area1", "verifying area1",
            "wiping area2", "verifying area2");

    private final MqttLoop loop;
    private final InetSocketAddress broker;
    private final DeviceId device;
    private final Topics topics;
    private final CommandCheck check;
    /** Signs every status and event with the device key, as the real agent: the server believes nothing else. */
    private final CommandSigner signer;
    private final String epoch = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8)
            .putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong()).array());
    private final long heartbeatNanos;
    private final Counters counters;
    /** How long a wipe takes, about; 0: done at once. */
    private final long wipeNanos;
    private final Map<String, WipeReport> doneJobs = new HashMap<>();
    /** The job being wiped now, if any. */
    private String wipingJob;
    private final Set<String> doneCommands = new HashSet<>();
    private MqttLoop.Connection connection;
    private long session;
    private AgentState state = AgentState.IDLE;
    private boolean stopped;
    private int heartbeatGeneration;

    private SimulatedAgent(MqttLoop loop, InetSocketAddress broker, DeviceId device, Topics topics, CommandSigner signer,
                           long heartbeatNanos, long wipeNanos, Counters counters) {
        this.loop = loop;
        this.broker = broker;
        this.device = device;
        this.topics = topics;
        this.check = new CommandCheck(device, signer, Duration.ofMinutes(2));
        this.signer = signer;
        this.heartbeatNanos = heartbeatNanos;
        this.wipeNanos = wipeNanos;
        this.counters = counters;
    }

    /**
     * An agent configured from the server's agent configuration file, whose wipes take about
     * {@code wipeMillis} (0: done at once).
     */
    static SimulatedAgent fromConfig(String agentConfig, MqttLoop loop, InetSocketAddress broker, long wipeMillis,
                                     Counters counters) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(agentConfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeviceId device = new DeviceId(required(p, AgentConfigKeys.DEVICE_ID));
        Topics topics = new Topics(required(p, AgentConfigKeys.TOPIC_ROOT));
        CommandSigner signer = CommandSigner.ofBase64(required(p, AgentConfigKeys.DEVICE_KEY));
        long heartbeat = TimeUnit.SECONDS.toNanos(Long.parseLong(required(p, AgentConfigKeys.HEARTBEAT_SECONDS)));
        return new SimulatedAgent(loop, broker, device, topics, signer, heartbeat, TimeUnit.MILLISECONDS.toNanos(wipeMillis),
                counters);
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the agent configuration has no " + key);
        }
        return value.strip();
    }

    DeviceId device() {
        return device;
    }

    boolean isUp() {
        return connection != null && connection.isUp();
    }

    /** Connects (again); every attempt is a new session number, as on the real agent. Loop thread only. */
    void start() {
        stopped = false;
        session++;
        byte[] lastWords = Wire.encode(status(false));
        connection = loop.open(broker, device.value(), false, SESSION_EXPIRY_SECONDS, KEEP_ALIVE_SECONDS,
                new Mqtt5.Will(topics.status(device), lastWords, 1, true), this);
    }

    /**
     * Leaves for good: optionally clears its retained status (on a shared broker), then a normal
     * DISCONNECT that also ends the broker's session. Loop thread only.
     */
    void stop(boolean clearRetained) {
        stopped = true;
        heartbeatGeneration++;
        if (connection != null && connection.isUp()) {
            if (clearRetained) {
                connection.publish(topics.status(device), new byte[0], 0, true);
            }
            connection.disconnect(true);
        }
    }

    @Override
    public void connected(MqttLoop.Connection c, Mqtt5.ConnAck ack) {
        counters.connects++;
        c.subscribe(topics.commands(device), 1);
    }

    @Override
    public void subscribed(MqttLoop.Connection c, int packetId, int reasonCode) {
        if (reasonCode >= 0x80) {
            c.disconnect(false);
            closed(c, "the broker refused the command subscription (reason " + reasonCode + ")");
            return;
        }
        publishStatus();
        emit(EventType.HELLO, null, "connected, session " + session, false, null);
        // A fleet's laptops were switched on at all hours: each heartbeat phase is its own.
        int generation = ++heartbeatGeneration;
        loop.schedule(ThreadLocalRandom.current().nextLong(heartbeatNanos), () -> heartbeat(generation));
    }

    private void heartbeat(int generation) {
        if (generation != heartbeatGeneration || stopped || !isUp()) {
            return;
        }
        publishStatus();
        loop.schedule(heartbeatNanos, () -> heartbeat(generation));
    }

    @Override
    public void message(MqttLoop.Connection c, Mqtt5.Publish message) {
        if (!message.topic().equals(topics.commands(device))) {
            return;
        }
        long arrived = c.readAt();
        counters.commands++;
        Command command;
        try {
            command = Wire.decode(message.payload(), Command.class);
        } catch (Wire.MalformedMessage e) {
            reject(null, e.getMessage());
            return;
        }
        if (check.check(command, Instant.now()) instanceof CommandCheck.Verdict.Refused refused) {
            reject(command.id(), refused.reason());
            return;
        }
        if (command.type() == CommandType.WIPE) {
            wipe(command, arrived);
        } else if (!doneCommands.add(command.id())) {
            counters.duplicates++;
            emit(EventType.ACK, command.id(), "already done as " + command.id(), true, null);
        } else {
            emit(EventType.ACK, command.id(), command.type().name(), false, null);
            emit(EventType.RESULT, command.id(), command.type() == CommandType.PING ? "pong" : "done", false, null);
            publishStatus();
        }
    }

    private void wipe(Command command, long arrived) {
        String jobId;
        try {
            jobId = command.param("jobId");
        } catch (IllegalArgumentException e) {
            reject(command.id(), e.getMessage());
            return;
        }
        WipeReport done = doneJobs.get(jobId);
        if (done != null) {
            counters.duplicates++;
            emit(EventType.ACK, command.id(), "already done as " + jobId, true, null);
            emit(EventType.RESULT, command.id(), "wiped and verified", true, done);
            return;
        }
        if (jobId.equals(wipingJob)) {
            counters.duplicates++;
            emit(EventType.ACK, command.id(), "already under way", true, null);
            return;
        }
        long started = System.nanoTime();
        emit(EventType.ACK, command.id(), command.type().name(), false, null);
        counters.wipeAcks.note(device.value(), arrived);
        state = AgentState.WIPING;
        wipingJob = jobId;
        publishStatus();
        if (wipeNanos == 0) {
            WIPE_STEPS.forEach(step -> emit(EventType.PROGRESS, command.id(), step, false, null));
            finishWipe(command.id(), jobId, started);
            return;
        }
        long takes = wipeNanos / 2 + ThreadLocalRandom.current().nextLong(wipeNanos);
        for (int i = 0; i < WIPE_STEPS.size(); i++) {
            String step = WIPE_STEPS.get(i);
            loop.schedule(takes * i / WIPE_STEPS.size(), () -> emit(EventType.PROGRESS, command.id(), step, false, null));
        }
        loop.schedule(takes, () -> finishWipe(command.id(), jobId, started));
    }

    private void finishWipe(String commandId, String jobId, long started) {
        WipeReport report = new WipeReport(jobId, true, 0, 0, 0, List.of(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Instant.now());
        doneJobs.put(jobId, report);
        wipingJob = null;
        state = AgentState.IDLE;
        publishStatus();
        emit(EventType.RESULT, commandId, "wiped and verified", false, report);
        publishStatus();
    }

    private void reject(String commandId, String reason) {
        counters.rejected++;
        if (counters.rejections.size() < 10) {
            counters.rejections.add(device + ": " + reason);
        }
        emit(EventType.REJECTED, commandId, reason, false, null);
    }

    @Override
    public void closed(MqttLoop.Connection c, String reason) {
        if (c != connection || stopped) {
            return;
        }
        counters.connectionsLost++;
        // The real agent backs off from one second; a simulated one tries again after one to two.
        loop.schedule(TimeUnit.MILLISECONDS.toNanos(1_000 + ThreadLocalRandom.current().nextInt(1_000)), () -> {
            if (!stopped) {
                start();
            }
        });
    }

    private DeviceStatus status(boolean online) {
        return signer.sign(new DeviceStatus(device.value(), online, epoch, session, state, 80, 50_000_000_000L,
                "bench-0.1.0", "Linux (simulated)", Instant.now(), null));
    }

    private void publishStatus() {
        if (!isUp()) {
            return;
        }
        counters.statuses++;
        connection.publish(topics.status(device), Wire.encode(status(true)), 1, true);
    }

    private void emit(EventType type, String commandId, String detail, boolean duplicate, WipeReport report) {
        if (!isUp()) {
            return;
        }
        if (type == EventType.ACK) {
            counters.acks++;
        } else if (type == EventType.RESULT) {
            counters.results++;
        }
        Event event = signer.sign(new Event(device.value(), type, epoch, session, commandId, state, detail, duplicate, report,
                Instant.now(), null));
        connection.publish(topics.events(device), Wire.encode(event), 1, false);
    }
}
