package fi.suoja.hardware.door;

import fi.suoja.hardware.Registration;
import fi.suoja.hardware.broker.BrokerConnection;
import fi.suoja.hardware.broker.BrokerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Zigbee2MQTT lock adapter against a fake lock that speaks Zigbee2MQTT's protocol. The same
 * scenarios run on an in-memory broker in the default build and on the real Mosquitto in the
 * integration profile.
 */
abstract class Zigbee2MqttLockScenarios {

    static final LockId DOOR = new LockId("room-2-door");
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final CodeGrant GRANT = new CodeGrant(DOOR, new CodeSlot(3), "K7M-4PX-ZQ2", new DoorCode("482913"),
            NOW, NOW.plus(Duration.ofMinutes(90)));

    final String base = "test-" + UUID.randomUUID() + "/zigbee2mqtt";
    final List<BrokerConnection> connections = new ArrayList<>();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    FakeZigbeeLock fake;
    Zigbee2MqttLock lock;

    /** A new connection to the broker under test. */
    abstract BrokerConnection connect(String clientId) throws BrokerException;

    /** How long one attempt waits: longer on a real broker. */
    abstract Duration answerTimeout();

    @BeforeEach
    void start() throws BrokerException {
        fake = new FakeZigbeeLock(open("fake-lock"), base, DOOR.value());
        lock = new Zigbee2MqttLock(open("adapter"), new Zigbee2MqttLockConfig(base, answerTimeout(), 3), clock);
    }

    @AfterEach
    void stop() {
        lock.close();
        connections.forEach(BrokerConnection::close);
    }

    BrokerConnection open(String role) throws BrokerException {
        BrokerConnection connection = connect("suoja-test-" + role + "-" + UUID.randomUUID().toString().substring(0, 8));
        connections.add(connection);
        return connection;
    }

    @Test
    void setting_a_code_sends_zigbee2mqtts_pin_code_message_and_is_done_when_the_lock_reports_the_slot_enabled() {
        assertThat(lock.setCode(GRANT)).isEqualTo(new LockResult.Done());

        assertThat(fake.received()).containsExactly(
                "{\"pin_code\":{\"user\":3,\"user_type\":\"unrestricted\",\"user_enabled\":true,\"pin_code\":\"482913\"}}");
    }

    @Test
    void revoking_sends_a_null_pin_code_and_is_done_when_the_slot_is_available_again() {
        assertThat(lock.revokeCode(DOOR, new CodeSlot(3))).isEqualTo(new LockResult.Done());

        assertThat(fake.received()).containsExactly("{\"pin_code\":{\"user\":3,\"pin_code\":null}}");
    }

    @Test
    void unlocking_sends_state_unlock_and_is_done_when_the_lock_reports_unlocked() {
        assertThat(lock.unlock(DOOR)).isEqualTo(new LockResult.Done());

        assertThat(fake.received()).containsExactly("{\"state\":\"UNLOCK\"}");
    }

    @Test
    void a_lock_silent_at_first_is_asked_again_and_the_second_answer_counts() {
        fake.staySilentFor(1);

        assertThat(lock.setCode(GRANT)).isEqualTo(new LockResult.Done());
        assertThat(fake.received()).hasSize(2);
    }

    @Test
    void a_lock_that_stays_silent_is_asked_as_often_as_configured_then_the_answer_is_no_answer() {
        fake.staySilentFor(Integer.MAX_VALUE);
        long start = System.nanoTime();

        LockResult result = lock.unlock(DOOR);

        assertThat(result).isInstanceOfSatisfying(LockResult.NoAnswer.class, noAnswer -> {
            assertThat(noAnswer.attempts()).isEqualTo(3);
            assertThat(noAnswer.reason()).contains("no confirmation");
        });
        assertThat(fake.received()).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(answerTimeout().multipliedBy(3));
    }

    @Test
    void a_failure_zigbee2mqtt_logs_for_the_lock_is_a_refusal_with_its_reason() {
        fake.refuse();

        assertThat(lock.setCode(GRANT)).isInstanceOfSatisfying(LockResult.Refused.class,
                refused -> assertThat(refused.reason()).contains("failed"));
        assertThat(fake.received()).hasSize(1);
    }

    @Test
    void an_old_retained_state_confirms_nothing() throws BrokerException {
        fake.report("{\"state\":\"UNLOCK\",\"lock_state\":\"unlocked\"}", true);
        fake.staySilentFor(Integer.MAX_VALUE);
        try (Zigbee2MqttLock late = new Zigbee2MqttLock(open("late"),
                new Zigbee2MqttLockConfig(base, answerTimeout(), 1), clock)) {
            assertThat(late.unlock(DOOR)).isInstanceOf(LockResult.NoAnswer.class);
        } finally {
            fake.report("", true);
        }
    }

    @Test
    void state_and_battery_reports_reach_the_listeners_until_they_are_removed() throws BrokerException {
        List<LockReport> reports = new CopyOnWriteArrayList<>();
        Registration registration = lock.onReport(reports::add);

        fake.report("{\"state\":\"LOCK\",\"lock_state\":\"locked\",\"battery\":64,\"linkquality\":87}", false);
        waitUntil(() -> !reports.isEmpty());
        registration.remove();
        fake.report("{\"battery\":63}", false);

        assertThat(reports.get(0)).isEqualTo(new LockReport(DOOR, LockState.LOCKED, java.util.OptionalInt.of(64), NOW));
        assertThat(reports).hasSize(1);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
