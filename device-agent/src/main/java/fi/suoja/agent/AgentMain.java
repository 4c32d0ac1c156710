package fi.suoja.agent;

import fi.suoja.agent.config.AgentConfig;
import fi.suoja.agent.config.ConfigException;
import fi.suoja.agent.config.ConfigLoader;
import fi.suoja.agent.session.SessionSettings;
import fi.suoja.agent.state.StateStore;
import fi.suoja.agent.transport.PahoTransport;
import fi.suoja.agent.transport.TransportException;
import fi.suoja.agent.wipe.Deleter;
import fi.suoja.agent.wipe.WipeEngine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** {@code java -jar device-agent.jar /etc/suoja/agent.properties}: exit code 2 for a refused configuration. */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar device-agent.jar /etc/suoja/agent.properties");
            System.exit(2);
        }
        AgentConfig config;
        try {
            config = ConfigLoader.load(Path.of(args[0]), ownJar());
        } catch (ConfigException e) {
            System.err.println("suoja agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        Agent agent = create(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "suoja-agent-shutdown"));
        agent.start();
        agent.awaitStop();
    }

    /** The agent as the service runs it: Paho, the configured session control, the real file system. */
    public static Agent create(AgentConfig config, Clock clock) throws IOException {
        StateStore store = new StateStore(config.stateDir());
        return new Agent(config, store, SessionSettings.control(config.session()),
                new WipeEngine(Deleter.FILES, clock), clock, listener -> {
                    try {
                        return new PahoTransport(config.brokerUrl(), config.deviceId().value(),
                                config.brokerUsername(), config.brokerPassword(), config.keepAlive(), listener);
                    } catch (TransportException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                });
    }

    /** The jar this runs from, so that no wipe area may hold it; null when run from classes. */
    private static Path ownJar() {
        try {
            Path location = Path.of(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

}
