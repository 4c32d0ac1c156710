package fi.suoja.server.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A HiveMQ Community Edition broker in this process (MQTT 5, shared subscriptions, persistent
 * sessions), with Suoja's accounts ({@link EmbeddedAuthentication}) or, for tests, anonymous. Its configuration is written to {@code <dataDir>/conf/config.xml} on every start, so
 * the port and address always follow the server's configuration.
 */
public final class HiveBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HiveBroker.class);

    private final EmbeddedHiveMQ hive;
    private final int port;

    private HiveBroker(EmbeddedHiveMQ hive, int port) {
        this.hive = hive;
        this.port = port;
    }

    /**
     * Starts a broker and waits until it listens.
     *
     * @param portSetting the configuration key of the port, named in the error when the port is taken
     */
    public static HiveBroker start(String bindAddress, int port, Path dataDir, boolean persistent, String portSetting) {
        return start(bindAddress, port, dataDir, persistent, portSetting, null);
    }

    /**
     * Starts a broker that takes only the accounts {@code accounts} accepts (null: anyone, as a
     * test broker standing in for a broker without ACLs) and waits until it listens.
     */
    static HiveBroker start(String bindAddress, int port, Path dataDir, boolean persistent, String portSetting,
                            EmbeddedExtension accounts) {
        requireFree(bindAddress, port, portSetting);
        Path conf = dataDir.resolve("conf");
        Path data = dataDir.resolve("data");
        Path extensions = dataDir.resolve("extensions");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(data);
            Files.createDirectories(extensions);
            Files.writeString(conf.resolve("config.xml"), configXml(bindAddress, port, persistent));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded broker's folder " + dataDir.toAbsolutePath(), e);
        }
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap();
        if (accounts != null) {
            builder.withEmbeddedExtension(accounts);
        }
        EmbeddedHiveMQ hive = builder.build();
        try {
            hive.start().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The embedded MQTT broker did not start on " + bindAddress + ":" + port, e);
        }
        LOG.info("Embedded MQTT broker ({}, {} only) listens on port {}",
                accounts == null ? "anonymous" : "Suoja's accounts only", bindAddress, port);
        return new HiveBroker(hive, port);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            hive.stop().get(30, TimeUnit.SECONDS);
            hive.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The embedded MQTT broker did not stop cleanly", e);
        }
    }

    /** Fails with the port and the setting to change, instead of HiveMQ's own bind error deep in its log. */
    private static void requireFree(String bindAddress, int port, String portSetting) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on " + bindAddress + " is already in use, so the embedded MQTT broker "
                    + "cannot start. Choose another port with " + portSetting + " (environment SUOJA_MQTT_EMBEDDED_PORT), "
                    + "or use an external broker with suoja.mqtt.embedded.enabled=false and suoja.mqtt.url.", e);
        }
    }

    private static String configXml(String bindAddress, int port, boolean persistent) {
        return """
                <?xml version="1.0"?>
                <!-- Written by kiosk-server on every start; edit the server's configuration instead. -->
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <persistence>
                        <mode>%s</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, bindAddress, persistent ? "file" : "in-memory");
    }
}
