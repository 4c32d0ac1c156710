package fi.suoja.ui;

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
import fi.suoja.hardware.mqtt.WipeReport;
import fi.suoja.hardware.mqtt.Wire;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import static org.awaitility.Awaitility.await;

/**
 * A loan laptop's agent reduced to what the staff desk's tests need, on the test server's
 * embedded broker: it logs in with the broker account of its registration, reports itself online,
 * says HELLO, acknowledges every command, and answers a WIPE with a verified report for the job it
 * was given, everything signed with the device key (the server believes nothing else). It does not
 * check the commands' signatures; the server's own tests and the real agent do that.
 */
public final class FakeLaptop implements AutoCloseable {

    private final MqttClient client;
    private final DeviceId device;
    private final Topics topics = Topics.defaults();
    private final long session = 1;
    private final String epoch = Long.toHexString(System.nanoTime() | (1L << 60));
    private final CommandSigner signer;
    /** Publishing from Paho's callback thread can wait on itself, so answers go out from here. */
    private final ExecutorService out = Executors.newSingleThreadExecutor();
    private volatile AgentState state = AgentState.IDLE;
    /** What its wipes cannot remove, as report lines; none: every wipe is verified. */
    private volatile List<String> wipeFailures = List.of();
    /** Whether WIPE commands wait, unanswered, for the test to let them go step by step. */
    private volatile boolean holdWipes;
    private final List<Command> heldWipes = new java.util.concurrent.CopyOnWriteArrayList<>();

    private FakeLaptop(MqttClient client, DeviceId device, CommandSigner signer) {
        this.client = client;
        this.device = device;
        this.signer = signer;
    }

    /** Connects as the laptop whose agent configuration (from its registration) is given. */
    public static FakeLaptop connect(String brokerUrl, String agentConfig) {
        Properties config = new Properties();
        try {
            config.load(new StringReader(agentConfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            DeviceId device = new DeviceId(config.getProperty(AgentConfigKeys.DEVICE_ID));
            // The client id is the device id: the broker takes a laptop's account with no other.
            MqttClient client = new MqttClient(brokerUrl, device.value(), new MemoryPersistence());
            FakeLaptop laptop = new FakeLaptop(client, device,
                    CommandSigner.ofBase64(config.getProperty(AgentConfigKeys.DEVICE_KEY)));
            client.setCallback(laptop.new Commands());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(config.getProperty(AgentConfigKeys.BROKER_USERNAME));
            options.setPassword(config.getProperty(AgentConfigKeys.BROKER_PASSWORD).getBytes(StandardCharsets.UTF_8));
            options.setCleanStart(true);
            // as the real agent: back by itself after a dropped connection, subscribed again in connectComplete
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, 2);
            client.connect(options);
            client.subscribe(laptop.topics.commands(device), 1);
            laptop.out.submit(() -> {
                laptop.status();
                laptop.event(EventType.HELLO, null, null, null);
            });
            return laptop;
        } catch (MqttException e) {
            throw new IllegalStateException("the fake laptop could not connect to " + brokerUrl, e);
        }
    }

    /** A status as an agent older than signed reports sends it: without a signature. */
    public void unsignedStatus() {
        publish(topics.status(device), new DeviceStatus(device.value(), true, epoch, session, state, 87, 50_000_000_000L,
                "old-agent", "Test Linux", Instant.now(), null), true);
    }

    /** From now on the laptop says it is in {@code newState} (a signed status), as a real agent would after a lost write. */
    public void report(AgentState newState) {
        out.submit(() -> {
            state = newState;
            status();
        });
    }

    private void status() {
        publish(topics.status(device), signer.sign(new DeviceStatus(device.value(), true, epoch, session, state, 87,
                50_000_000_000L, "fake-1", "Test Linux", Instant.now(), null)), true);
    }

    private void event(EventType type, String commandId, String detail, WipeReport wipe) {
        publish(topics.events(device), signer.sign(new Event(device.value(), type, epoch, session, commandId, state, detail,
                false, wipe, Instant.now(), null)), false);
    }

    /**
     * Publishes, waiting while Paho has too many messages in flight (on a loaded machine the
     * broker's acknowledgements come late, and Paho refuses a publish instead of queueing it).
     */
    private void publish(String topic, Object message, boolean retained) {
        MqttMessage mqtt = new MqttMessage(Wire.encode(message));
        mqtt.setQos(1);
        mqtt.setRetained(retained);
        await("room in Paho's in-flight window for " + topic).atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).pollInSameThread().until(() -> {
                    try {
                        client.publish(topic, mqtt);
                        return true;
                    } catch (MqttException e) {
                        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                            throw new IllegalStateException("the fake laptop could not publish on " + topic, e);
                        }
                        return false;
                    }
                });
    }

    private void obey(Command command) {
        if (command.type() == CommandType.WIPE && holdWipes) {
            heldWipes.add(command);
            return;
        }
        event(EventType.ACK, command.id(), null, null);
        if (command.type() == CommandType.START_SESSION) {
            state = AgentState.IN_SESSION;
            status();
        } else if (command.type() == CommandType.WIPE) {
            wiped(command);
        } else if (command.type() == CommandType.END_SESSION) {
            state = AgentState.DIRTY;
            status();
        }
    }

    private void wiped(Command command) {
        state = AgentState.IDLE;
        List<String> failures = wipeFailures;
        event(EventType.RESULT, command.id(), failures.isEmpty() ? "wiped" : "not verified",
                new WipeReport(command.param("jobId"), failures.isEmpty(), 12, 3, 4096, failures, 250, Instant.now()));
        status();
    }

    /** From now on a WIPE is kept unanswered, not even acknowledged, until the test lets it go step by step. */
    public void holdWipes() {
        holdWipes = true;
    }

    /** Whether a WIPE has come and is held. */
    public boolean holdsAWipe() {
        return !heldWipes.isEmpty();
    }

    /** Acknowledges the held WIPE: the laptop has begun it. */
    public void acknowledgeHeldWipe() {
        Command held = heldWipes.get(0);
        out.submit(() -> event(EventType.ACK, held.id(), null, null));
    }

    /** Finishes the held WIPE as its own wipe would, and answers the next ones at once again. */
    public void finishHeldWipe() {
        Command held = heldWipes.remove(0);
        holdWipes = false;
        out.submit(() -> wiped(held));
    }

    /** From now on its wipes leave these report lines and are not verified ({@code "home/x: access-denied"}). */
    public void failWipes(List<String> failures) {
        wipeFailures = List.copyOf(failures);
    }

    @Override
    public void close() {
        out.shutdownNow();
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            // the test is over either way
        }
    }

    private final class Commands implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // an exception thrown here makes Paho drop the connection without a word: say it instead
            Command command;
            try {
                command = Wire.decode(message.getPayload(), Command.class);
            } catch (Wire.MalformedMessage | RuntimeException e) {
                System.err.println("fake laptop " + device + " could not read a command on " + topic + ": " + e);
                return;
            }
            out.submit(() -> {
                try {
                    obey(command);
                } catch (RuntimeException e) {
                    // the test waiting for the answer fails with a timeout; this says why
                    System.err.println("fake laptop " + device + " could not answer " + command.id() + ": " + e);
                    e.printStackTrace();
                }
            });
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            System.err.println("fake laptop " + device + " lost its broker: " + response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            System.err.println("fake laptop " + device + ": MQTT error " + exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                System.err.println("fake laptop " + device + " is back on " + serverUri);
                out.submit(() -> {
                    try {
                        client.subscribe(topics.commands(device), 1);
                        status();
                        event(EventType.HELLO, null, null, null);
                    } catch (MqttException | RuntimeException e) {
                        System.err.println("fake laptop " + device + " could not subscribe again: " + e);
                    }
                });
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
