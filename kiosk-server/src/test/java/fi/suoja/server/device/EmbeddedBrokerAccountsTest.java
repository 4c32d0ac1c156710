package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.MutableClock;
import fi.suoja.server.RecordingClient;
import fi.suoja.server.TestBroker;
import fi.suoja.server.broker.SharedGroup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one-box default's broker (embedded HiveMQ) takes only Suoja's accounts: the server's own and
 * each laptop's from its registration, with its device id as client id, and a laptop may use only
 * its own topics. A local program without an account cannot even read the WIPE.
 */
class EmbeddedBrokerAccountsTest {

    private static final String SERVER_USER = "suoja-server";
    private static final String SERVER_PASSWORD = "server-" + UUID.randomUUID();

    private EmbeddedServer server;
    private final List<RecordingClient> clients = new ArrayList<>();
    private final List<FakeAgent> agents = new ArrayList<>();

    @AfterEach
    void stop() {
        agents.forEach(FakeAgent::close);
        clients.forEach(RecordingClient::close);
        if (server != null) {
            server.close();
        }
    }

    private String url() {
        return server.getApplicationContext().getBean(fi.suoja.server.broker.BrokerAddress.class).url();
    }

    /** A client on the server's embedded broker, closed after the test. */
    private RecordingClient client(String clientId, String user, String password) throws MqttException {
        RecordingClient client = new RecordingClient(url(), clientId, user, password);
        clients.add(client);
        return client;
    }

    private static Properties properties(Api.Answer registered) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(registered.string("agentConfig")));
        return p;
    }

    @Test
    void the_embedded_broker_takes_only_suojas_accounts_and_gives_a_laptop_only_its_own_topics() throws Exception {
        String topicRoot = TestBroker.newTopicRoot();
        Topics topics = new Topics(topicRoot);
        Map<String, Object> properties = TestBroker.embeddedBrokerServer(topicRoot);
        properties.put("suoja.mqtt.username", SERVER_USER);
        properties.put("suoja.mqtt.password", SERVER_PASSWORD);
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        MutableClock clock = server.getApplicationContext().getBean(MutableClock.class);
        clock.set(Instant.now());
        Api api = new Api(server);
        String admin = api.loginAdmin();
        long site = api.createSite(admin, "Broker library", Api.rules());
        Properties a = properties(expect(201, api.post("/api/v1/devices", admin, Map.of("tag", "EMB-A", "kind", "LAPTOP", "siteId", site))));
        Properties b = properties(expect(201, api.post("/api/v1/devices", admin, Map.of("tag", "EMB-B", "kind", "LAPTOP", "siteId", site))));
        DeviceId idA = new DeviceId(a.getProperty("device.id"));
        DeviceId idB = new DeviceId(b.getProperty("device.id"));
        assertThat(a.getProperty("broker.url")).isEqualTo(url());

        // The attack of issue 13 starts with an anonymous client reading the WIPE: it cannot connect.
        assertThatThrownBy(() -> new Intruder(url(), topics.commands(idA))).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> client("someone", SERVER_USER, "not-the-password")).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> client(idA.value(), a.getProperty("broker.username"), b.getProperty("broker.password")))
                .isInstanceOf(MqttException.class);
        // A laptop's account with another client id (B's, to knock B off) is refused.
        assertThatThrownBy(() -> client(idB.value(), a.getProperty("broker.username"), a.getProperty("broker.password")))
                .isInstanceOf(MqttException.class);

        RecordingClient watcher = client("watcher-" + UUID.randomUUID(), SERVER_USER, SERVER_PASSWORD);
        assertThat(watcher.subscribe(topics.root() + "/devices/#")).isLessThan(0x80);
        RecordingClient deviceA = client(idA.value(), a.getProperty("broker.username"), a.getProperty("broker.password"));
        assertThat(deviceA.subscribe(topics.commands(idA))).isLessThan(0x80);
        deviceA.publish(topics.events(idA), "own-event");
        Eventually.until("A's own event at the watcher", () -> List.copyOf(watcher.received),
                r -> r.contains(topics.events(idA) + " own-event"));
        // No other device's topics, no wildcards over the fleet, no joining the server's shared subscription.
        assertThat(deviceA.subscribe(topics.commands(idB))).isGreaterThanOrEqualTo(0x80);
        assertThat(deviceA.subscribe(topics.root() + "/devices/+/commands")).isGreaterThanOrEqualTo(0x80);
        assertThat(deviceA.subscribe(topics.sharedEvents(server.getApplicationContext().getBean(SharedGroup.class).name())))
                .isGreaterThanOrEqualTo(0x80);
        assertThat(deviceA.subscribe(topics.sharedEvents("suoja-server"))).isGreaterThanOrEqualTo(0x80);
        assertThat(deviceA.subscribe("#")).isGreaterThanOrEqualTo(0x80);
        deviceA.publish(topics.events(idB), "forged-event");
        deviceA.publish(topics.status(idB), "forged-status");
        deviceA.publish(topics.commands(idB), "forged-command");

        // Laptop B's agent logs in with its account and is wiped to READY; none of A's forgeries reached anyone.
        FakeAgent agentB = new FakeAgent(bConfig(b), url(), clock);
        agents.add(agentB);
        agentB.connect(1);
        agentB.hello();
        Eventually.until("B READY", () -> expect(200, api.get("/api/v1/devices/" + idB.value(), admin)).string("state"),
                "READY"::equals);
        assertThat(agentB.commandsOf(CommandType.WIPE)).hasSize(1);
        assertThat(agentB.refusals).isEmpty();
        Eventually.until("B's status at the watcher", () -> List.copyOf(watcher.received),
                r -> r.stream().anyMatch(m -> m.startsWith(topics.status(idB) + " {")));
        assertThat(watcher.received).noneMatch(m -> m.contains("forged"));
    }

    private static String bConfig(Properties config) {
        StringBuilder text = new StringBuilder();
        config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }
}
