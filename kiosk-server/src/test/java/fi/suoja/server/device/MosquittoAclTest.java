package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.RecordingClient;
import fi.suoja.server.TestBroker;
import fi.suoja.server.broker.SharedGroup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker entries the server produces, in a real Mosquitto started by this test from a
 * configuration built only from them and the listeners of {@code deploy/mosquitto/suoja.conf}: each
 * device may write its own status and events and read its own commands, and nothing of another
 * device; the server's entries allow its shared subscription and its commands. One laptop's
 * account cannot starve the fleet (take a share of the server's events) nor knock another laptop
 * off by using its client id.
 */
@Tag("mosquitto")
class MosquittoAclTest {

    private static final String SERVER_USER = "suoja-server";
    private static final String SERVER_PASSWORD = "server-" + UUID.randomUUID();

    @TempDir
    Path dir;

    private final String topicRoot = "acl" + UUID.randomUUID().toString().substring(0, 8) + "/v1";
    private final Topics topics = new Topics(topicRoot);
    private Process mosquitto;
    /** The laptops' listener (client ids replaced by user names) and the servers' listener. */
    private int port;
    private int serverPort;
    private final List<RecordingClient> clients = new CopyOnWriteArrayList<>();

    record Broker(Properties a, Properties b, String group) {
    }

    @BeforeEach
    void startMosquittoWithTheGeneratedFiles() throws Exception {
        Broker files;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "suoja.mqtt.topic-root", topicRoot,
                "suoja.mqtt.username", SERVER_USER,
                "suoja.mqtt.password", SERVER_PASSWORD), "test")) {
            Api api = new Api(server);
            String admin = api.loginAdmin();
            long site = api.createSite(admin, "ACL library", Api.rules());
            Properties a = properties(expect(201, api.post("/api/v1/devices", admin, Map.of("tag", "LAP-A", "kind", "LAPTOP", "siteId", site))));
            Properties b = properties(expect(201, api.post("/api/v1/devices", admin, Map.of("tag", "LAP-B", "kind", "LAPTOP", "siteId", site))));
            Api.Answer brokerFiles = expect(200, api.get("/api/v1/devices/broker-files", admin));
            Files.writeString(dir.resolve("passwd"), brokerFiles.string("passwordFile"));
            Files.writeString(dir.resolve("acl"), brokerFiles.string("aclFile"));
            // The group the server subscribes its instances with, from its own derivation (no group configured).
            files = new Broker(a, b, server.getApplicationContext().getBean(SharedGroup.class).name());
        }
        port = TestBroker.freePort();
        serverPort = TestBroker.freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "per_listener_settings false",
                "allow_anonymous false",
                "password_file " + dir.resolve("passwd"),
                "acl_file " + dir.resolve("acl"),
                "listener " + port + " 127.0.0.1",
                "use_username_as_clientid true",
                "max_topic_alias 0",
                "listener " + serverPort + " 127.0.0.1",
                "max_topic_alias 0",
                "persistence false",
                "log_dest stdout") + "\n");
        // Mosquitto started as root drops to its own user, which must be able to read the files.
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String file : List.of("passwd", "acl", "mosquitto.conf")) {
            Files.setPosixFilePermissions(dir.resolve(file), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        mosquitto = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Eventually.until("mosquitto to listen on " + port, () -> listening(port) && listening(serverPort), Boolean::booleanValue);
        this.a = files.a();
        this.b = files.b();
        this.group = files.group();
    }

    private Properties a;
    private Properties b;
    /** The servers' shared-subscription group, as the server derived it. */
    private String group;

    @AfterEach
    void stopMosquitto() {
        clients.forEach(RecordingClient::close);
        if (mosquitto != null) {
            mosquitto.destroy();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties properties(Api.Answer registered) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(registered.string("agentConfig")));
        return p;
    }

    /** A client on one of the broker's listeners, closed after the test. */
    private RecordingClient client(int listener, String clientId, String user, String password) throws MqttException {
        RecordingClient client = new RecordingClient("tcp://127.0.0.1:" + listener, clientId, user, password);
        clients.add(client);
        return client;
    }

    /** A client on the laptops' listener with a client id of its own. */
    private RecordingClient client(String user, String password) throws MqttException {
        return client(port, user + "-" + UUID.randomUUID().toString().substring(0, 6), user, password);
    }

    private RecordingClient server() throws MqttException {
        return client(serverPort, "server-" + UUID.randomUUID().toString().substring(0, 6), SERVER_USER, SERVER_PASSWORD);
    }

    private RecordingClient device(Properties config) throws MqttException {
        return client(config.getProperty("broker.username"), config.getProperty("broker.password"));
    }

    private static DeviceId id(Properties config) {
        return new DeviceId(config.getProperty("device.id"));
    }

    @Test
    void a_device_may_use_only_its_own_topics_and_the_server_may_use_all_of_them() throws Exception {
        RecordingClient server = server();
        assertThat(server.subscribe(topics.allStatus())).isLessThan(0x80);
        assertThat(server.subscribe(topics.sharedEvents(group))).isLessThan(0x80);
        RecordingClient deviceA = device(a);
        RecordingClient deviceB = device(b);
        assertThat(deviceA.subscribe(topics.commands(id(a)))).isLessThan(0x80);
        assertThat(deviceB.subscribe(topics.commands(id(b)))).isLessThan(0x80);

        // Its own status and events reach the server.
        deviceA.publish(topics.status(id(a)), "A-status");
        deviceA.publish(topics.events(id(a)), "A-event");
        Eventually.until("A's own messages at the server", () -> List.copyOf(server.received),
                r -> r.contains(topics.status(id(a)) + " A-status") && r.contains(topics.events(id(a)) + " A-event"));

        // Another device's status, events and commands cannot be written by A.
        deviceA.publish(topics.status(id(b)), "forged-status");
        deviceA.publish(topics.events(id(b)), "forged-event");
        deviceA.publish(topics.commands(id(b)), "forged-command");
        // Nor read: Mosquitto 2.0 may grant such a subscription, but it delivers nothing the ACL forbids.
        deviceA.subscribe(topics.commands(id(b)));
        deviceA.subscribe(topics.status(id(b)));
        deviceA.subscribe(topics.events(id(b)));
        deviceA.subscribe(topics.root() + "/devices/+/commands");
        deviceA.subscribe(topics.root() + "/#");

        // The server commands both; each device receives only its own command.
        server.publish(topics.commands(id(a)), "command-for-A");
        server.publish(topics.commands(id(b)), "command-for-B");
        Eventually.until("the commands", () -> deviceA.received.size() + deviceB.received.size(), n -> n >= 2);
        deviceB.publish(topics.status(id(b)), "B-status");
        deviceB.publish(topics.events(id(b)), "B-event");
        Eventually.until("B's own status at the server", () -> List.copyOf(server.received), r -> r.contains(topics.status(id(b)) + " B-status") && r.contains(topics.events(id(b)) + " B-event"));

        // Overlapping subscriptions may each deliver A's own command; nothing else arrives.
        assertThat(deviceA.received).containsOnly(topics.commands(id(a)) + " command-for-A");
        assertThat(deviceB.received).containsExactly(topics.commands(id(b)) + " command-for-B");
        assertThat(server.received).noneMatch(m -> m.contains("forged"));
    }

    /**
     * Issue 13: with laptop A's password, joining the server's shared subscription made Mosquitto
     * hand A a share of every laptop's events and drop it (A may not read them), and connecting
     * with laptop B's client id knocked B off. Mosquitto 2.0 grants any subscription (its ACL file
     * checks reads only on delivery), so the server's group name is one no laptop can know
     * ({@link SharedGroup}); the laptops' listener replaces client ids by user names.
     */
    @Test
    void one_laptop_account_can_neither_take_a_share_of_the_fleets_events_nor_knock_another_laptop_off() throws Exception {
        assertThat(group).as("derived from the server's secret, not the name the contract once documented")
                .matches("suoja-[a-z0-9]{16}");
        RecordingClient server = server();
        assertThat(server.subscribe(topics.sharedEvents(group))).isLessThan(0x80);
        RecordingClient deviceB = client(port, id(b).value(), b.getProperty("broker.username"), b.getProperty("broker.password"));
        assertThat(deviceB.subscribe(topics.commands(id(b)))).isLessThan(0x80);

        // A joins the group under the name the contract once documented, and tries wildcards.
        RecordingClient deviceA = device(a);
        deviceA.subscribe(topics.sharedEvents("suoja-server"));
        deviceA.subscribe("$share/" + group.substring(0, 8) + "/" + topics.allEvents());
        deviceA.subscribe(topics.allEvents());
        deviceA.subscribe("#");
        for (int i = 1; i <= 20; i++) {
            deviceB.publish(topics.events(id(b)), "B-event-" + i);
        }
        Eventually.until("all 20 of B's events at the server", () -> server.received.size(), n -> n >= 20);
        assertThat(server.received).hasSize(20).allMatch(m -> m.startsWith(topics.events(id(b)) + " B-event-"));
        assertThat(deviceA.received).isEmpty();

        // A's account with B's client id: it is given A's own id instead, and B stays connected.
        RecordingClient impostor = client(port, id(b).value(), a.getProperty("broker.username"), a.getProperty("broker.password"));
        impostor.publish(topics.events(id(a)), "A-as-B");
        server.publish(topics.commands(id(b)), "command-for-B");
        Eventually.until("B's command", () -> List.copyOf(deviceB.received), r -> r.contains(topics.commands(id(b)) + " command-for-B"));
        assertThat(deviceB.mqtt.isConnected()).isTrue();
        assertThat(deviceB.disconnects).isEmpty();
        // The impostor's connection took over A's own session: A's first client was the one knocked off.
        Eventually.until("A's first connection to be replaced", () -> List.copyOf(deviceA.disconnects), d -> !d.isEmpty());
    }

    @Test
    void a_wrong_password_or_an_unknown_user_is_refused() {
        assertThatThrownBy(() -> client(a.getProperty("broker.username"), "not-the-password")).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> client("lap-nobody", b.getProperty("broker.password"))).isInstanceOf(MqttException.class);
    }
}
