package fi.suoja.agent;

import fi.suoja.agent.config.AgentConfig;
import fi.suoja.agent.session.SessionSettings;
import fi.suoja.agent.session.SimulatedSessionControl;
import fi.suoja.agent.state.StateStore;
import fi.suoja.agent.transport.PahoTransport;
import fi.suoja.agent.transport.TransportException;
import fi.suoja.agent.wipe.Deleter;
import fi.suoja.agent.wipe.WipeArea;
import fi.suoja.agent.wipe.WipeEngine;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.Topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** One loan laptop in a test: a guest area and a state directory under a temp folder, the simulated session. */
final class TestDevice {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    final DeviceId id;
    final Path area;
    final Path stateDir;
    final SimulatedSessionControl session = new SimulatedSessionControl();

    TestDevice(String id, Path temp) throws IOException {
        this.id = new DeviceId(id);
        this.area = Files.createDirectories(temp.resolve(id + "/guest")).toRealPath();
        this.stateDir = Files.createDirectories(temp.resolve(id + "/state"));
    }

    AgentConfig config(String brokerUrl) {
        return new AgentConfig(id, brokerUrl, null, null, KEY, Topics.defaults(),
                List.of(WipeArea.empty("home", area)), stateDir, Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofMinutes(2), new SessionSettings.Simulated());
    }

    Agent agent(String brokerUrl) throws IOException {
        AgentConfig config = config(brokerUrl);
        Clock clock = Clock.systemUTC();
        return new Agent(config, new StateStore(stateDir), session, new WipeEngine(Deleter.FILES, clock), clock,
                listener -> {
                    try {
                        return new PahoTransport(brokerUrl, id.value(), null, null, config.keepAlive(), listener);
                    } catch (TransportException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    void guestLeaves(String relative, String content) throws IOException {
        Path file = area.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    long entriesInArea() throws IOException {
        try (Stream<Path> entries = Files.list(area)) {
            return entries.count();
        }
    }

    boolean dirtyFlag() {
        return Files.exists(stateDir.resolve("dirty"));
    }
}
