package fi.suoja.agent;

import com.hivemq.embedded.EmbeddedHiveMQ;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real MQTT 5 broker (HiveMQ CE, embedded) on a free port; port 1883 belongs to this machine's
 * Mosquitto. Sessions live in memory, so a restart forgets every session and subscription.
 */
final class TestBroker implements AutoCloseable {

    private final Path home;
    private final int port;
    private EmbeddedHiveMQ hivemq;

    TestBroker(Path home) throws Exception {
        this.home = home;
        this.port = freePort();
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        start();
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    void start() throws Exception {
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(Files.createDirectories(home.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().get(60, TimeUnit.SECONDS);
    }

    void stop() throws Exception {
        hivemq.stop().get(60, TimeUnit.SECONDS);
        hivemq.close();
        hivemq = null;
    }

    @Override
    public void close() {
        if (hivemq != null) {
            try {
                stop();
            } catch (Exception e) {
                throw new IllegalStateException("the test broker did not stop", e);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
