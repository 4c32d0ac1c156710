package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.AgentState;
import fi.suoja.hardware.mqtt.DeviceStatus;
import fi.suoja.hardware.mqtt.Wire;
import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.LibraryScene;
import fi.suoja.server.ServerDatabase;
import fi.suoja.server.TestBroker;
import fi.suoja.server.db.Tx;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeats that change nothing but the last-seen time are batched ({@link LastSeenBatch}), and
 * the status rules hold as before: read from the device's row in the database, not from the server's
 * word. Run on H2 (which also counts the row's writes with a trigger) and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HeartbeatScenarios extends LibraryScene implements TestPropertyProvider, ServerDatabase {

    /** Long enough that ten heartbeats sent at once fall into at most two flushes. */
    static final Duration FLUSH = Duration.ofSeconds(2);

    final String topicRoot = TestBroker.newTopicRoot();
    final List<FakeAgent> agents = new ArrayList<>();

    @Inject
    Tx tx;

    @Inject
    LastSeenBatch lastSeen;

    @Inject
    AgentInbox inbox;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.putAll(TestBroker.serverProperties(topicRoot));
        properties.put("suoja.fleet.last-seen-flush", FLUSH.toMillis() + "ms");
        return properties;
    }

    @AfterEach
    void stopAgents() {
        agents.forEach(FakeAgent::close);
        agents.clear();
    }

    /** Writes of the device's row so far, where the database can count them. */
    abstract OptionalInt updatesOf(String deviceId);

    @Test
    @Order(1)
    void a_heartbeat_moves_last_seen_within_the_flush_interval_without_a_write_of_its_own() {
        FakeAgent agent = readyLaptop(1);
        String id = agent.id.value();
        Row before = drain(agent, 50);
        OptionalInt writesBefore = updatesOf(id);

        clock.set(before.lastSeen().plusSeconds(300));
        Instant heard = clock.instant();
        long sent = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            agent.publish(agent.topics.status(agent.id), Wire.encode(agent.status(true, AgentState.IDLE, 50)), true);
        }
        Row after = Eventually.until("last seen to move", () -> row(id), r -> r.lastSeen().equals(heard),
                FLUSH.plusSeconds(8));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("within the flush interval and the broker's way")
                .isLessThan(FLUSH.plusSeconds(8));
        // A status written on its own moves agent_state_at with last_seen_at; the batch only the latter.
        assertThat(after.stateAt()).isEqualTo(before.stateAt());
        assertThat(after.online()).isTrue();
        assertThat(after.session()).isEqualTo(1);
        OptionalInt writesAfter = updatesOf(id);
        if (writesBefore.isPresent()) {
            assertThat(writesAfter.getAsInt() - writesBefore.getAsInt())
                    .as("ten heartbeats: at most two batched writes, not ten").isBetween(1, 2);
        }
    }

    @Test
    @Order(2)
    void an_online_status_of_an_earlier_session_is_still_refused_while_heartbeats_wait() {
        FakeAgent agent = readyLaptop(5);
        String id = agent.id.value();
        drain(agent, 51);
        agent.publish(agent.topics.status(agent.id), Wire.encode(agent.status(true, AgentState.IDLE, 51)), true);
        DeviceStatus earlier = agent.signer.sign(new DeviceStatus(id, true, agent.epoch, 3, AgentState.IDLE, 51,
                10_000_000_000L, "fake-1.0", "Linux", clock.instant(), null));
        agent.publish(agent.topics.status(agent.id), Wire.encode(earlier), true);

        Api.Answer refused = Eventually.until("the stale session's refusal", () -> device(id),
                d -> "STALE_SESSION".equals(DeviceScenarios.hearing(d).get("lastRefusalKind")));
        assertThat((String) DeviceScenarios.hearing(refused).get("lastRefusal")).contains("earlier session (3");
        lastSeen.flush();
        Row row = row(id);
        assertThat(row.session()).isEqualTo(5);
        assertThat(row.online()).isTrue();
    }

    @Test
    @Order(3)
    void a_goodbye_after_a_waiting_heartbeat_is_written_at_once_and_the_heartbeat_does_not_undo_it() {
        FakeAgent agent = readyLaptop(1);
        String id = agent.id.value();
        Row before = drain(agent, 52);
        clock.set(before.lastSeen().plusSeconds(60));
        agent.publish(agent.topics.status(agent.id), Wire.encode(agent.status(true, AgentState.IDLE, 52)), true);
        clock.set(before.lastSeen().plusSeconds(61));
        Instant goodbye = clock.instant();
        agent.publish(agent.topics.status(agent.id), Wire.encode(agent.status(false, AgentState.IDLE, 52)), true);

        Eventually.until("the goodbye", () -> row(id), r -> !r.online());
        lastSeen.flush();
        Row after = row(id);
        assertThat(after.online()).isFalse();
        assertThat(after.lastSeen()).as("the earlier heartbeat does not move it back").isEqualTo(goodbye);
        awaitOnline(id, false);

        // A new connection is written at once too.
        agent.crash();
        agent.connect(2);
        awaitOnline(id, true);
        assertThat(row(id).session()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void a_status_of_an_unknown_device_is_refused() {
        FakeAgent agent = readyLaptop(1);
        drain(agent, 53);
        int devices = tx.read(c -> count(c, "SELECT COUNT(*) FROM device"));
        // Signed with a real key but naming a device the server does not know, as the inbox gets it.
        String stranger = "laptop-" + UUID.randomUUID().toString().substring(0, 8);
        inbox.statusArrived(agent.signer.sign(new DeviceStatus(stranger, true, agent.epoch, 1, AgentState.IDLE, 53, 1L,
                "fake-1.0", "Linux", clock.instant(), null)));
        lastSeen.flush();
        int after = tx.read(c -> count(c, "SELECT COUNT(*) FROM device"));
        assertThat(after).isEqualTo(devices);
    }

    /** Last, as it stops the batch's schedule (later heartbeats are then written at once). */
    @Test
    @Order(99)
    void heartbeats_waiting_at_shutdown_are_written() {
        FakeAgent agent = readyLaptop(1);
        String id = agent.id.value();
        Row before = drain(agent, 55);
        Instant later = before.lastSeen().plusSeconds(30);
        lastSeen.heard(id, agent.epoch, 1, later);
        lastSeen.close();
        assertThat(row(id).lastSeen()).isEqualTo(later);
    }

    // ---- helpers ----

    record Row(boolean online, long session, Instant lastSeen, Instant stateAt, Integer battery) {
    }

    Row row(String id) {
        return tx.read(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT online, session_counter, last_seen_at, agent_state_at, battery_percent FROM device WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet r = q.executeQuery()) {
                    assertThat(r.next()).as("device " + id).isTrue();
                    return new Row(r.getBoolean(1), r.getLong(2), instant(r, 3), instant(r, 4), (Integer) r.getObject(5));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static int count(java.sql.Connection c, String sql) {
        try (PreparedStatement q = c.prepareStatement(sql); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A laptop with its first verified wipe, connected as this session. */
    FakeAgent readyLaptop(long session) {
        String tag = "TAG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Answer registered = expect(201, api.post("/api/v1/devices", admin,
                Map.of("tag", tag, "kind", "LAPTOP", "siteId", siteId)));
        FakeAgent agent = new FakeAgent(registered.string("agentConfig"), TestBroker.url(), clock);
        agents.add(agent);
        agent.connect(session);
        awaitOnline(agent.id.value(), true);
        agent.hello();
        Eventually.until("device " + agent.id + " READY", () -> device(agent.id.value()), d -> "READY".equals(d.string("state")));
        return agent;
    }

    /** A status with a new battery level (a change, written at once), once the row says so. */
    Row drain(FakeAgent agent, int battery) {
        agent.publish(agent.topics.status(agent.id), Wire.encode(agent.status(true, AgentState.IDLE, battery)), true);
        return Eventually.until("the marker status", () -> row(agent.id.value()),
                r -> r.battery() != null && r.battery() == battery);
    }

    Api.Answer device(String id) {
        return expect(200, api.get("/api/v1/devices/" + id, staff));
    }

    void awaitOnline(String id, boolean online) {
        Eventually.until("device " + id + " online=" + online, () -> device(id),
                d -> Boolean.valueOf(online).equals(d.get("online")));
    }
}
