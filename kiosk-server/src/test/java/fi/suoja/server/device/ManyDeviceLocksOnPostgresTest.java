package fi.suoja.server.device;

import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.LibraryScene;
import fi.suoja.server.OnPostgres;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writers of many devices at once lock their rows in the order of the ids: a "wipe now" of
 * many and the last-seen flush of the fleet's heartbeats. PostgreSQL locked a wipe's rows in the
 * order it found them and the flush in its own, and each wipe now that met a flush waited a second
 * for the deadlock to be found (bench/fleet). Here another transaction holds the device with the
 * greatest id; the writer must then be waiting for it while it holds every other one already.
 */
@MicronautTest(transactional = false)
class ManyDeviceLocksOnPostgresTest extends LibraryScene implements OnPostgres {

    @Inject
    LastSeenBatch lastSeen;

    /** Only this test's own flush writes last-seen times: the scheduled one would take part of them. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.put("suoja.fleet.last-seen-flush", "1h");
        return properties;
    }

    @Value("${datasources.default.url}")
    String url;

    @Value("${datasources.default.username}")
    String user;

    @Value("${datasources.default.password:}")
    String password;

    /** Ready webcams with an agent's epoch, so that the last-seen flush's guard lets its writes through. */
    List<String> ids;

    @BeforeEach
    void devices() throws SQLException {
        List<String> tags = new ArrayList<>();
        ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String tag = "LOCK-" + System.nanoTime() % 1_000_000_000 + "-" + i;
            Map<?, ?> device = (Map<?, ?>) expect(201, api.post("/api/v1/devices", admin,
                    Map.of("tag", tag, "kind", "WEBCAM", "siteId", siteId))).get("device");
            expect(200, api.post("/api/v1/devices/return", staff, Map.of("tag", tag))); // checked by staff: READY
            tags.add(tag);
            ids.add((String) device.get("id"));
        }
        try (Connection c = connection(); PreparedStatement epoch = c.prepareStatement(
                "UPDATE device SET agent_epoch = 'e1', session_counter = 1 WHERE id = ?")) {
            for (String id : ids) {
                epoch.setString(1, id);
                epoch.executeUpdate();
            }
        }
        ids.sort(Comparator.naturalOrder());
    }

    @Test
    void a_wipe_of_many_holds_every_device_before_the_one_it_waits_for() throws Exception {
        try (Connection holder = connection()) {
            holder.setAutoCommit(false);
            lock(holder, greatest());
            assertThat(held()).containsExactly(greatest());
            CompletableFuture<Api.Answer> wipe = CompletableFuture.supplyAsync(() ->
                    api.post("/api/v1/devices/wipe", staff, Map.of("devices", reversed())));
            Eventually.until("the wipe to hold every device but the greatest", this::held, ids::equals);
            assertThat(wipe).isNotDone();
            holder.rollback();
            assertThat(wipe.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(held()).isEmpty();
    }

    @Test
    void the_last_seen_flush_holds_every_device_before_the_one_it_waits_for() throws Exception {
        Instant at = Instant.now();
        for (String id : reversed()) {
            lastSeen.heard(id, "e1", 1, at);
        }
        try (Connection holder = connection()) {
            holder.setAutoCommit(false);
            lock(holder, greatest());
            assertThat(held()).containsExactly(greatest());
            CompletableFuture<Integer> flush = CompletableFuture.supplyAsync(lastSeen::flush);
            Eventually.until("the flush to hold every device but the greatest", this::held, ids::equals);
            assertThat(flush).isNotDone();
            holder.rollback();
            assertThat(flush.get(30, TimeUnit.SECONDS)).as("every device's last-seen time written").isEqualTo(ids.size());
        }
    }

    /** Named from the greatest id down, so that locking them as named would be the wrong order. */
    private List<String> reversed() {
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        return reversed;
    }

    private String greatest() {
        return ids.get(ids.size() - 1);
    }

    /** The devices of this test whose rows a transaction holds now: the holder the greatest, the writer the rest. */
    private List<String> held() {
        List<String> held = new ArrayList<>();
        try (Connection probe = connection(); PreparedStatement lock = probe.prepareStatement(
                "SELECT id FROM device WHERE id = ? FOR UPDATE NOWAIT")) {
            for (String id : ids) {
                lock.setString(1, id);
                try {
                    lock.executeQuery().close();
                } catch (SQLException e) {
                    if (!"55P03".equals(e.getSQLState())) { // lock_not_available
                        throw e;
                    }
                    held.add(id);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return held;
    }

    private static void lock(Connection holder, String id) throws SQLException {
        try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM device WHERE id = ? FOR UPDATE")) {
            lock.setString(1, id);
            lock.executeQuery().close();
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
