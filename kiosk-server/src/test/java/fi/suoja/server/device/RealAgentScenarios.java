package fi.suoja.server.device;

import fi.suoja.hardware.TempDirs;
import fi.suoja.hardware.mqtt.AgentConfigKeys;
import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.MutableClock;
import fi.suoja.server.TestBroker;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wipe guarantee end to end with the real parts: the server, a real MQTT broker and the real
 * device agent running as its own process from its jar, configured by the file the server's
 * provisioning wrote. The laptop loses power in the middle of a loan (the process is killed)
 * and must still come back clean before it can be lent again. Run over the embedded broker by
 * {@link RealAgentOnEmbeddedBrokerTest} and over Mosquitto with passwords and ACLs by
 * {@link RealAgentOnMosquittoTest}.
 */
abstract class RealAgentScenarios {

    static final Path AGENT_JAR = Path.of("..", "device-agent", "target", "device-agent.jar").toAbsolutePath().normalize();

    final String topicRoot = TestBroker.newTopicRoot();
    final List<Process> agents = new ArrayList<>();

    EmbeddedServer server;

    /** A server connected to the broker under test, with {@link #topicRoot}. */
    abstract EmbeddedServer startServer() throws Exception;

    /** Called once the device is registered: a broker with accounts may need the new entries now. */
    abstract void deviceRegistered(Api api, String admin) throws Exception;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (Process agent : agents) {
            agent.destroy();
            if (!agent.waitFor(10, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
        agents.clear();
    }

    @Test
    void a_laptop_that_loses_power_during_a_loan_comes_back_wiped_before_it_can_be_lent_again() throws Exception {
        assertThat(AGENT_JAR).as("the agent's jar; build it first with ./mvnw verify from the project root").exists();
        Library library = startLibrary();
        Api api = library.api();
        String admin = library.admin();
        String staff = library.staff();
        long siteId = library.siteId();

        Path home = TempDirs.create("suoja-real-agent");
        Path guest = Files.createDirectories(home.resolve("guest"));
        Path state = Files.createDirectories(home.resolve("state"));
        Path outside = Files.writeString(home.resolve("not-the-guests.txt"), "keep me");

        String tag = "LAP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api.Answer registered = expect(201, api.post("/api/v1/devices", admin, Map.of("tag", tag, "kind", "LAPTOP", "siteId", siteId)));
        Path config = home.resolve("agent.properties");
        Files.writeString(config, forThisMachine(registered.string("agentConfig"), guest, state));
        String id = ((Map<?, ?>) registered.get("device")).get("id").toString();
        deviceRegistered(api, admin);

        Process agent = startAgent(config, home.resolve("agent-1.log"));
        Api.Answer ready = awaitDevice(api, staff, id, d -> "READY".equals(d.string("state")), home.resolve("agent-1.log"));
        assertThat(ready.get("online")).isEqualTo(true);
        assertThat(reports(api, staff, id)).hasSize(1).allMatch(r -> Boolean.TRUE.equals(r.get("verified")));

        Api.Answer lent = expect(200, api.post("/api/v1/devices/hand-out", staff,
                Map.of("tag", tag, "walkInUntil", Instant.now().plus(Duration.ofHours(1)).toString())));
        assertThat(lent.string("state")).isEqualTo("ON_LOAN");
        Eventually.until("the agent's dirty flag (the guest session started)", () -> Files.exists(state.resolve("dirty")), d -> d);

        // The guest uses the laptop.
        Files.createDirectories(guest.resolve("Downloads"));
        Files.writeString(guest.resolve("Downloads/benefit-decision.pdf"), "personal data");
        Files.createDirectories(guest.resolve(".config/chromium/Default"));
        Files.writeString(guest.resolve(".config/chromium/Default/Cookies"), "session cookies");
        Files.createSymbolicLink(guest.resolve("link-out"), outside);

        // Power cut: no goodbye, the broker sends the agent's Last Will.
        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        awaitDevice(api, staff, id, d -> Boolean.FALSE.equals(d.get("online")), home.resolve("agent-1.log"));

        Api.Answer returned = expect(200, api.post("/api/v1/devices/return", staff, Map.of("tag", tag)));
        assertThat(returned.string("state")).isEqualTo("WIPE_PENDING");
        assertThat(api.post("/api/v1/devices/hand-out", staff,
                Map.of("tag", tag, "walkInUntil", Instant.now().plus(Duration.ofHours(1)).toString())).problem())
                .isEqualTo("urn:suoja:problem:device-not-ready");
        assertThat(guest.resolve("Downloads/benefit-decision.pdf")).exists();

        // Power is back: the agent wipes first (its dirty flag), then the server's open wipe job is done.
        startAgent(config, home.resolve("agent-2.log"));
        Api.Answer clean = awaitDevice(api, staff, id, d -> "READY".equals(d.string("state")), home.resolve("agent-2.log"));
        assertThat(clean.get("online")).isEqualTo(true);
        try (Stream<Path> left = Files.list(guest)) {
            assertThat(left).isEmpty();
        }
        assertThat(Files.readString(outside)).isEqualTo("keep me");
        assertThat(state.resolve("dirty")).doesNotExist();
        List<Map<String, Object>> reports = reports(api, staff, id);
        assertThat(reports).hasSizeGreaterThanOrEqualTo(2).allMatch(r -> Boolean.TRUE.equals(r.get("verified")));

        expect(200, api.post("/api/v1/devices/hand-out", staff,
                Map.of("tag", tag, "walkInUntil", Instant.now().plus(Duration.ofHours(1)).toString())));
    }

    /** The server under test with a library, an admin's and a desk's sessions. */
    record Library(Api api, String admin, String staff, long siteId) {
    }

    Library startLibrary() throws Exception {
        server = startServer();
        // The agent checks command expiry against the real time, so the server's clock must be real too.
        server.getApplicationContext().getBean(MutableClock.class).set(Instant.now());
        Api api = new Api(server);
        String admin = api.loginAdmin();
        String staff = api.staffToken(admin, "desk-" + UUID.randomUUID().toString().substring(0, 6));
        long siteId = api.createSite(admin, "Library " + UUID.randomUUID().toString().substring(0, 6), Api.rules());
        return new Library(api, admin, staff, siteId);
    }

    /** A laptop registered and its agent started from the server's file; READY after its first wipe. */
    record Laptop(String id, String tag, Path home, Path guest, Path state, Path config) {
    }

    Laptop readyLaptop(Library library, int keepAliveSeconds) throws Exception {
        Api api = library.api();
        String admin = library.admin();
        Path home = TempDirs.create("suoja-real-agent");
        Path guest = Files.createDirectories(home.resolve("guest"));
        Path state = Files.createDirectories(home.resolve("state"));
        String tag = "LAP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api.Answer registered = expect(201, api.post("/api/v1/devices", admin,
                Map.of("tag", tag, "kind", "LAPTOP", "siteId", library.siteId())));
        Path config = home.resolve("agent.properties");
        Files.writeString(config, forThisMachine(registered.string("agentConfig"), guest, state)
                + AgentConfigKeys.KEEPALIVE_SECONDS + "=" + keepAliveSeconds + "\n");
        String id = ((Map<?, ?>) registered.get("device")).get("id").toString();
        deviceRegistered(api, admin);
        startAgent(config, home.resolve("agent.log"));
        awaitDevice(api, library.staff(), id, d -> "READY".equals(d.string("state")), home.resolve("agent.log"));
        return new Laptop(id, tag, home, guest, state, config);
    }

    @Test
    void a_laptop_whose_agent_lost_its_state_folder_is_heard_again_and_wiped_before_it_is_lent() throws Exception {
        Library library = startLibrary();
        Api api = library.api();
        String staff = library.staff();
        Laptop laptop = readyLaptop(library, 30);
        String epoch = (String) hearingOf(api, staff, laptop.id()).get("epoch");
        // Connections counted up in this epoch: the reimaged agent will count from 1 again, far below.
        expect(200, api.post("/api/v1/devices/hand-out", staff,
                Map.of("tag", laptop.tag(), "walkInUntil", Instant.now().plus(Duration.ofHours(1)).toString())));
        Eventually.until("the guest session", () -> Files.exists(laptop.state().resolve("dirty")), d -> d);
        Files.writeString(laptop.guest().resolve("letter.txt"), "personal data");

        // The laptop is reimaged while it is off: the agent's state folder is gone, guest files stay.
        for (Process agent : agents) {
            agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        awaitDevice(api, staff, laptop.id(), d -> Boolean.FALSE.equals(d.get("online")), laptop.home().resolve("agent.log"));
        expect(200, api.post("/api/v1/devices/return", staff, Map.of("tag", laptop.tag())));
        try (Stream<Path> files = Files.walk(laptop.state())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }

        startAgent(laptop.config(), laptop.home().resolve("agent-reimaged.log"));
        Api.Answer ready = awaitDevice(api, staff, laptop.id(), d -> "READY".equals(d.string("state")),
                laptop.home().resolve("agent-reimaged.log"));
        assertThat(ready.get("online")).isEqualTo(true);
        Map<?, ?> hearing = (Map<?, ?>) ready.get("hearing");
        assertThat(hearing.get("epoch")).isNotNull().isNotEqualTo(epoch);
        assertThat(hearing.get("unheard")).isEqualTo(false);
        assertThat(laptop.guest().resolve("letter.txt")).doesNotExist();
        assertThat(reports(api, staff, laptop.id())).hasSizeGreaterThanOrEqualTo(2).allMatch(r -> Boolean.TRUE.equals(r.get("verified")));
    }

    /**
     * A laptop whose lid is closed, or that is suspended, freezes its agent past the keep-alive
     * while a WIPE is on its way: the broker drops the connection and publishes the Last Will. On
     * waking, the agent must reconnect, wipe and report, every time (it used to be disconnected
     * for a protocol error on every reconnect, until restarted). Three freezes in a row.
     */
    @Test
    void an_agent_frozen_past_its_keep_alive_reconnects_wipes_and_reports_after_each_thaw() throws Exception {
        Library library = startLibrary();
        Api api = library.api();
        String staff = library.staff();
        Laptop laptop = readyLaptop(library, 2);
        Process agent = agents.get(agents.size() - 1);
        Path log = laptop.home().resolve("agent.log");
        for (int thaw = 1; thaw <= 3; thaw++) {
            int reportsBefore = reports(api, staff, laptop.id()).size();
            signal(agent, "STOP");
            try {
                expect(200, api.post("/api/v1/devices/" + laptop.id() + "/wipe", staff, null));
                // Past the keep-alive (the broker waits 1.5 times it) the broker drops the link: the Last Will arrives.
                awaitDevice(api, staff, laptop.id(), d -> Boolean.FALSE.equals(d.get("online")), log);
            } finally {
                signal(agent, "CONT");
            }
            Api.Answer ready = awaitDevice(api, staff, laptop.id(), d -> "READY".equals(d.string("state"))
                    && Boolean.TRUE.equals(d.get("online")), log);
            assertThat(ready.get("wipe")).as("thaw %d", thaw).isNull();
            assertThat(reports(api, staff, laptop.id())).as("thaw %d", thaw).hasSize(reportsBefore + 1);
        }
        assertThat(agent.isAlive()).isTrue();
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
    }

    private static Map<?, ?> hearingOf(Api api, String staff, String id) {
        return (Map<?, ?>) expect(200, api.get("/api/v1/devices/" + id, staff)).get("hearing");
    }

    /** The provisioned file with this machine's guest folder and state folder, and a simulated session. */
    static String forThisMachine(String provisioned, Path guest, Path state) throws IOException {
        Properties config = new Properties();
        config.load(new StringReader(provisioned));
        assertThat(config.stringPropertyNames()).anyMatch(k -> k.startsWith(AgentConfigKeys.WIPE_AREA_PREFIX));
        config.stringPropertyNames().stream().filter(k -> k.startsWith(AgentConfigKeys.WIPE_AREA_PREFIX)).toList()
                .forEach(config::remove);
        config.remove(AgentConfigKeys.SESSION_LINUX_USER);
        config.setProperty(AgentConfigKeys.WIPE_AREA_PREFIX + "home", guest.toString());
        config.setProperty(AgentConfigKeys.STATE_DIR, state.toString());
        config.setProperty(AgentConfigKeys.SESSION_KIND, "simulated");
        config.setProperty(AgentConfigKeys.HEARTBEAT_SECONDS, "5");
        StringWriter text = new StringWriter();
        config.store(text, "provisioned by the server, adjusted to this test machine");
        return text.toString();
    }

    Process startAgent(Path config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process agent = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-jar", AGENT_JAR.toString(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        agents.add(agent);
        return agent;
    }

    static Api.Answer awaitDevice(Api api, String staff, String id, java.util.function.Predicate<Api.Answer> done, Path agentLog) {
        try {
            return Eventually.until("device " + id, () -> expect(200, api.get("/api/v1/devices/" + id, staff)), done,
                    Duration.ofSeconds(40));
        } catch (AssertionError e) {
            String log;
            try {
                log = Files.readString(agentLog);
            } catch (IOException unreadable) {
                log = "(no agent log: " + unreadable.getMessage() + ")";
            }
            throw new AssertionError(e.getMessage() + "\nThe agent said:\n" + log, e);
        }
    }

    static List<Map<String, Object>> reports(Api api, String staff, String id) {
        return expect(200, api.get("/api/v1/devices/" + id + "/wipe-reports", staff)).list();
    }
}
