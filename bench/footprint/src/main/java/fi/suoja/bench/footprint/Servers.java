package fi.suoja.bench.footprint;

import com.fasterxml.jackson.databind.JsonNode;
import fi.suoja.bench.scene.JavaProcess;
import fi.suoja.bench.scene.Pause;
import fi.suoja.bench.scene.PostgresSchema;
import fi.suoja.bench.scene.SuojaApi;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * kiosk-server's jar as its systemd unit runs it ({@code java -Xmx512m -jar}), the production
 * defaults (schedules on, embedded MQTT broker, here on a free port), no demo library; on a fresh H2
 * file in its own working directory, or on a fresh PostgreSQL schema dropped after the round; each
 * started twice: on the empty database, then again on what the first start left.
 */
final class Servers {

    enum Db { H2, POSTGRES }

    private Servers() {
    }

    static Kind server(Jdk jdk, Db db, Path jar, Path work, String floor, String runId, int reads) {
        String name = "server-" + db.name().toLowerCase().replace("postgres", "pg") + "-" + jdk.label();
        return new Kind() {
            public String name() {
                return name;
            }

            public String floor() {
                return floor;
            }

            public List<String> names() {
                return List.of(name, name + "-restart");
            }

            public Sample measure(int round) {
                throw new UnsupportedOperationException("gives two figures: measureAll");
            }

            /** A first start on an empty database (migrations), then a restart on what it left, as after every boot. */
            public Map<String, Sample> measureAll(int round) {
                Path dir = work.resolve("round-" + round).resolve(name);
                Map<String, String> env = new HashMap<>();
                PostgresSchema schema = null;
                if (db == Db.POSTGRES) {
                    schema = PostgresSchema.fresh("footprint_" + runId + "_" + round);
                    env.put("SUOJA_DB_URL", schema.url());
                    env.put("SUOJA_DB_USER", PostgresSchema.USER);
                    env.put("SUOJA_DB_PASSWORD", PostgresSchema.PASSWORD);
                    env.put("SUOJA_DB_DRIVER", "org.postgresql.Driver");
                }
                String password = "footprint-" + UUID.randomUUID();
                env.put("SUOJA_ADMIN_PASSWORD", password);
                env.put("SUOJA_ADMIN_PASSWORD_FILE", dir.resolve("initial-admin-password").toString());
                env.put("SUOJA_DEMO", "false");
                try {
                    Map<String, Sample> samples = new LinkedHashMap<>();
                    samples.put(name, once(name, dir, env, password, "first"));
                    samples.put(name + "-restart", once(name + "-restart", dir, env, password, "restart"));
                    return samples;
                } finally {
                    if (schema != null) {
                        schema.close();
                    }
                }
            }

            private Sample once(String label, Path dir, Map<String, String> database, String password, String library) {
                Map<String, String> env = new HashMap<>(database);
                int port = JavaProcess.freePort();
                int broker = JavaProcess.freePort();
                env.put("SUOJA_SERVER_PORT", Integer.toString(port));
                env.put("SUOJA_MQTT_EMBEDDED_PORT", Integer.toString(broker));
                env.put("SUOJA_MQTT_URL", "tcp://127.0.0.1:" + broker);
                URI uri = URI.create("http://127.0.0.1:" + port);
                try (Launched p = Launched.start(label, List.of(jdk.java(), "-Xmx512m", "-jar", jar.toString()), env, dir, jdk.home())) {
                    double health = p.awaitOk(uri.resolve("/health"), Duration.ofSeconds(300));
                    SuojaApi api = new SuojaApi(uri);
                    String admin = api.login("admin", password);
                    api.call("GET", "/api/v1/sites", admin, null, 200);
                    double firstApi = p.millisSinceStart();
                    Pause.millis(FootprintBench.SETTLE_MILLIS);
                    double rss = p.rssMiB();
                    Launched.Heap heap = p.heapAfterGc();
                    standardLoad(api, admin, reads, library);
                    double rssLoad = p.rssMiB();
                    Launched.Heap afterLoad = p.heapAfterGc();
                    return new Sample(health, firstApi, rss, heap.usedMiB(), heap.metaspaceMiB(), rssLoad, afterLoad.usedMiB(), p.stop());
                }
            }
        };
    }

    /**
     * A library set up through the API (one site, three rooms with opening hours, a kiosk), then
     * {@code reads} GETs as the kiosk makes them, in turn: what is free now, rooms free for 15 minutes,
     * today's availability, the room list.
     */
    static void standardLoad(SuojaApi api, String admin, int reads, String library) {
        long site = api.createSite(admin, "Footprint Library " + library, "UTC", SuojaApi.defaultRules());
        for (int i = 1; i <= 3; i++) {
            api.createRoom(admin, site, "Room " + i, "00:00", "23:55");
        }
        String kiosk = api.createKiosk(admin, site, "Footprint kiosk").token();
        String base = "/api/v1/sites/" + site;
        List<String> paths = List.of(base + "/now", base + "/free-now",
                base + "/availability?date=" + LocalDate.now(ZoneOffset.UTC), base + "/rooms");
        for (int i = 0; i < reads; i++) {
            JsonNode answer = api.call("GET", paths.get(i % paths.size()), kiosk, null, 200);
            if (answer.isNull()) {
                throw new IllegalStateException("empty answer to " + paths.get(i % paths.size()));
            }
        }
    }
}
