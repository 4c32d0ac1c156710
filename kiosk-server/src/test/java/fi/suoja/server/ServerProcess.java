package fi.suoja.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The real kiosk-server as a child process ({@code java fi.suoja.server.Application}) on the main
 * class path of this build (the test JVM's class path without test classes or test resources, so
 * that its own application.yml and logback.xml apply), in a working folder of the caller's, so that
 * it can be killed and started again on the same data. Its output goes to {@code server-N.log}.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "process-test-admin-password";

    private final Process process;
    private final URI uri;
    private final Path log;

    private ServerProcess(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /** An H2 file database in {@code dir}, as the one-library default keeps it. */
    public static Map<String, String> h2File(Path dir) {
        return Map.of("SUOJA_DB_URL", "jdbc:h2:file:" + dir.resolve("data/suoja").toAbsolutePath()
                + ";DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE");
    }

    /** A fresh schema of the machine's PostgreSQL ({@link PostgresSchema}). */
    public static Map<String, String> postgres(String purpose) {
        Map<String, String> db = PostgresSchema.fresh(purpose);
        return Map.of("SUOJA_DB_URL", db.get("datasources.default.url"),
                "SUOJA_DB_USER", db.get("datasources.default.username"),
                "SUOJA_DB_PASSWORD", db.get("datasources.default.password"),
                "SUOJA_DB_DRIVER", db.get("datasources.default.driver-class-name"));
    }

    /** Starts a server in {@code dir} with these environment settings and waits until it is healthy. */
    public static ServerProcess start(Path dir, Map<String, String> settings) {
        try {
            Files.createDirectories(dir);
            int port = TestBroker.freePort();
            int broker = TestBroker.freePort();
            Path log;
            int n = 1;
            while (Files.exists(log = dir.resolve("server-" + n + ".log"))) {
                n++;
            }
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", mainClassPath(), "fi.suoja.server.Application")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("SUOJA_"));
            env.put("SUOJA_SERVER_PORT", Integer.toString(port));
            env.put("SUOJA_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("SUOJA_ADMIN_PASSWORD_FILE", dir.resolve("admin-password").toString());
            env.put("SUOJA_DEMO", "false");
            env.put("SUOJA_MQTT_EMBEDDED_PORT", Integer.toString(broker));
            env.put("SUOJA_MQTT_URL", "tcp://127.0.0.1:" + broker);
            env.putAll(settings);
            ServerProcess server = new ServerProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mainClassPath() {
        List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/")
                        && !entry.endsWith("-tests.jar"))
                .toList();
        if (entries.stream().noneMatch(e -> e.replace('\\', '/').endsWith("kiosk-server/target/classes"))) {
            throw new IllegalStateException("kiosk-server's classes are not on this JVM's class path: " + entries);
        }
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            await("kiosk-server at " + uri + " to be healthy (log " + log + ")")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .failFast("kiosk-server stopped while starting", () -> !process.isAlive())
                    .until(() -> http.send(HttpRequest.newBuilder(uri.resolve("/health")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (RuntimeException | Error e) {
            process.destroyForcibly();
            throw new AssertionError(e.getMessage() + "\n" + logText(), e);
        }
    }

    public URI uri() {
        return uri;
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, as {@code kill -9}: the process gets no chance to write anything more. */
    public void kill9() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, as {@code kill} or systemd's stop; returns the exit code. */
    public int terminate(Duration within) {
        process.destroy();
        return waitForExit(within);
    }

    private int waitForExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kiosk-server " + process.pid() + " did not stop within " + within);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    /** Extra environment on top of {@code base}. */
    public static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> all = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            all.put(pairs[i], pairs[i + 1]);
        }
        return all;
    }
}
