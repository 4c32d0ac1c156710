package fi.suoja.bench.scene;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real kiosk-server jar with the heap of its systemd unit, its schedules on (as in production),
 * the embedded MQTT broker on a free port of its own, no demo library and a known admin password.
 */
public record KioskServer(JavaProcess process, URI uri, String adminPassword) implements JarProcess {

    public static final Path JAR = Path.of("kiosk-server/target/kiosk-server.jar");

    /** A server on PostgreSQL, in that schema. */
    public static KioskServer onPostgres(PostgresSchema schema, Path workDir) {
        return start(Map.of(
                "SUOJA_DB_URL", schema.url(),
                "SUOJA_DB_USER", PostgresSchema.USER,
                "SUOJA_DB_PASSWORD", PostgresSchema.PASSWORD,
                "SUOJA_DB_DRIVER", "org.postgresql.Driver"), workDir);
    }

    /** A server on its default H2 database file, under {@code workDir/data}: the one-library box. */
    public static KioskServer onH2(Path workDir) {
        return start(Map.of(), workDir);
    }

    /** A server on the H2 database of this URL (a file under {@code workDir}, say, with settings of the caller's). */
    public static KioskServer onH2(Path workDir, String jdbcUrl) {
        return start(Map.of("SUOJA_DB_URL", jdbcUrl), workDir);
    }

    /**
     * A server on PostgreSQL with further settings: environment variables that override the ones
     * above (such as {@code SUOJA_MQTT_EMBEDDED=false} and {@code SUOJA_MQTT_URL} for an external
     * broker) and system properties ({@code -Dsuoja.fleet.wipe-areas=…}).
     */
    public static KioskServer onPostgres(PostgresSchema schema, Path workDir, Map<String, String> settings, List<String> properties) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SUOJA_DB_URL", schema.url(),
                "SUOJA_DB_USER", PostgresSchema.USER,
                "SUOJA_DB_PASSWORD", PostgresSchema.PASSWORD,
                "SUOJA_DB_DRIVER", "org.postgresql.Driver"));
        env.putAll(settings);
        return start(env, properties, workDir);
    }

    private static KioskServer start(Map<String, String> database, Path workDir) {
        return start(database, List.of(), workDir);
    }

    private static KioskServer start(Map<String, String> database, List<String> properties, Path workDir) {
        int port = JavaProcess.freePort();
        int broker = JavaProcess.freePort();
        String password = "bench-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put("SUOJA_SERVER_PORT", Integer.toString(port));
        env.put("SUOJA_ADMIN_PASSWORD", password);
        env.put("SUOJA_ADMIN_PASSWORD_FILE", workDir.resolve("initial-admin-password").toString());
        env.put("SUOJA_DEMO", "false");
        env.put("SUOJA_MQTT_EMBEDDED_PORT", Integer.toString(broker));
        env.put("SUOJA_MQTT_URL", "tcp://127.0.0.1:" + broker);
        env.putAll(database);
        URI uri = URI.create("http://127.0.0.1:" + port);
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        jvm.addAll(properties);
        // a profiler of the caller's for the server alone, e.g. -XX:StartFlightRecording=filename=server.jfr,settings=profile
        String extra = System.getenv("SUOJA_BENCH_SERVER_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        JavaProcess process = JavaProcess.start("kiosk-server", JAR, jvm, env, workDir)
                .awaitOk(uri.resolve("/health"), Duration.ofSeconds(120));
        return new KioskServer(process, uri, password);
    }
}
