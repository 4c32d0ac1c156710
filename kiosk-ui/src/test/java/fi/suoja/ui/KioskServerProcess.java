package fi.suoja.ui;

import fi.suoja.hardware.TempDirs;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The real kiosk-server, started once per test JVM from its built jar as a child process with an
 * in-memory H2 database. A child process keeps Micronaut's classpath apart from Vaadin's.
 */
public final class KioskServerProcess {

    public static final String ADMIN_PASSWORD = "ui-test-admin-password";

    private static KioskServerProcess running;

    private final Process process;
    private final URI uri;
    private final Path log;
    private final String brokerUrl;

    private KioskServerProcess(Process process, URI uri, Path log, String brokerUrl) {
        this.process = process;
        this.uri = uri;
        this.log = log;
        this.brokerUrl = brokerUrl;
    }

    /** The server's embedded MQTT broker, for simulated agents. */
    public String brokerUrl() {
        return brokerUrl;
    }

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized KioskServerProcess get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running.process::destroy));
        }
        return running;
    }

    /**
     * A server of the caller's own on a given port with its H2 database file in {@code dataDir}, so
     * that it can be stopped and started again with its data, as a real server restarts.
     */
    public static KioskServerProcess startOwn(int port, Path dataDir, String... settings) {
        return start(port, fileDatabase(dataDir), false, settings);
    }

    /**
     * As {@link #startOwn}, with a clock that a test moves forward ({@code TestScene#advanceServerClock}):
     * the server's test classes go on its class path for their {@code OffsetClock}.
     */
    public static KioskServerProcess startOwnWithOffsetClock(int port, Path dataDir, String... settings) {
        return start(port, fileDatabase(dataDir), true, settings);
    }

    private static String fileDatabase(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("suoja").toAbsolutePath() + ";DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000";
    }

    public void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public URI uri() {
        return uri;
    }

    private static KioskServerProcess start() {
        try {
            return start(freePort(), "jdbc:h2:mem:ui-" + UUID.randomUUID()
                    + ";DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1", false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code settings}: further server settings as {@code name=value}. */
    private static KioskServerProcess start(int port, String databaseUrl, boolean offsetClock, String... settings) {
        String jarPath = System.getProperty("suoja.test.server-jar", "../kiosk-server/target/kiosk-server.jar");
        File jar = new File(jarPath);
        if (!jar.isFile()) {
            throw new IllegalStateException("kiosk-server's jar is missing at " + jar.getAbsolutePath()
                    + ": build it first (./mvnw -pl kiosk-ui -am verify builds it before these tests).");
        }
        File testClasses = new File(System.getProperty("suoja.test.server-test-classes", "../kiosk-server/target/test-classes"));
        if (offsetClock && !new File(testClasses, "fi/suoja/server/OffsetClock.class").isFile()) {
            throw new IllegalStateException("kiosk-server's test classes are missing at " + testClasses.getAbsolutePath()
                    + ": build them first (./mvnw -pl kiosk-ui -am verify compiles them before these tests).");
        }
        try {
            Path dir = TempDirs.create("suoja-ui-test-server");
            Path log = dir.resolve("server.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", // the embedded broker lives in this process too; a tight heap paused it long enough to drop clients
                    // the server's own schedules run, with a wipe re-sent within seconds when a laptop's
                    // answer is lost (as in production, where the first re-send comes after a minute)
                    "-Dsuoja.jobs.fleet-interval=1s",
                    "-Dsuoja.fleet.wipe-retry-first=2s",
                    "-Dsuoja.fleet.wipe-retry-ceiling=4s",
                    "-Dsuoja.fleet.wipe-max-attempts=30"));
            for (String setting : settings) {
                command.add("-D" + setting);
            }
            if (offsetClock) {
                command.addAll(List.of("-Dsuoja.test.offset-clock=true",
                        "-cp", jar.getAbsolutePath() + File.pathSeparator + testClasses.getAbsolutePath(), "fi.suoja.server.Application"));
            } else {
                command.addAll(List.of("-jar", jar.getAbsolutePath()));
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("SUOJA_SERVER_PORT", Integer.toString(port));
            builder.environment().put("SUOJA_DB_URL", databaseUrl);
            builder.environment().put("SUOJA_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("SUOJA_ADMIN_PASSWORD_FILE", dir.resolve("admin-password").toString());
            builder.environment().put("SUOJA_DEMO", "false");
            builder.environment().remove("SUOJA_KIOSK_TOKEN");
            // never the default 1884: a developer's ./run or another test JVM may hold it
            int broker = freePort();
            builder.environment().put("SUOJA_MQTT_EMBEDDED_PORT", Integer.toString(broker));
            builder.environment().put("SUOJA_MQTT_URL", "tcp://127.0.0.1:" + broker);
            Process process = builder.start();
            URI uri = URI.create("http://localhost:" + port);
            waitUntilHealthy(process, uri, log);
            return new KioskServerProcess(process, uri, log, "tcp://127.0.0.1:" + broker);
        } catch (IOException e) {
            throw new IllegalStateException("could not start kiosk-server", e);
        }
    }

    private static void waitUntilHealthy(Process process, URI uri, Path log) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        try {
            await("kiosk-server to be healthy").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IOException.class) // still starting
                    .failFast("kiosk-server stopped while starting", () -> !process.isAlive())
                    .until(() -> http.send(HttpRequest.newBuilder(uri.resolve("/health")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            process.destroy();
            throw new IllegalStateException(e.getMessage() + ":\n" + Files.readString(log), e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
