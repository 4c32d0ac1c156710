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

import static org.awaitility.Awaitility.await;
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

    @Test
    void a_code_used_on_the_keypad_is_reported_with_its_slot_in_both_ways_zigbee2mqtt_says_it() throws BrokerException {
        List<LockReport> reports = new CopyOnWriteArrayList<>();
        lock.onReport(reports::add);

        // a ZCL operation event, as Zigbee2MQTT publishes it: the device's whole state with the action
        fake.report("{\"action\":\"unlock\",\"action_source\":0,\"action_source_name\":\"keypad\",\"action_user\":3,"
                + "\"state\":\"UNLOCK\",\"lock_state\":\"unlocked\",\"battery\":64}", false);
        // a vendor converter that names the keypad in the action itself
        fake.report("{\"action\":\"keypad_unlock\",\"action_user\":7}", false);
        waitUntil(() -> reports.size() == 2);

        assertThat(reports).containsExactly(
                new LockReport(DOOR, LockState.UNLOCKED, java.util.OptionalInt.of(64), NOW, java.util.Optional.of(new CodeSlot(3))),
                new LockReport(DOOR, LockState.UNKNOWN, java.util.OptionalInt.empty(), NOW, java.util.Optional.of(new CodeSlot(7))));
    }

    @Test
    void an_opening_by_key_or_radio_or_without_a_slot_names_no_keypad_slot() throws BrokerException {
        List<LockReport> reports = new CopyOnWriteArrayList<>();
        lock.onReport(reports::add);

        fake.report("{\"action\":\"unlock\",\"action_source_name\":\"rf\",\"action_user\":3}", false);
        fake.report("{\"action\":\"manual_unlock\",\"action_source_name\":\"manual\",\"action_user\":0}", false);
        fake.report("{\"action\":\"unlock\",\"action_source_name\":\"keypad\"}", false);
        fake.report("{\"action\":\"unlock\",\"action_source_name\":\"keypad\",\"action_user\":900}", false);
        fake.report("{\"action\":\"unlock_failure_invalid_pin_or_id\",\"action_source_name\":\"keypad\",\"action_user\":3}", false);
        fake.report("{\"battery\":50}", false);
        waitUntil(() -> !reports.isEmpty());

        assertThat(reports).as("only the battery report").singleElement()
                .satisfies(report -> assertThat(report.keypadSlot()).isEmpty());
    }

    @Test
    void a_keypad_event_the_broker_kept_is_old_news() throws BrokerException {
        List<LockReport> reports = new CopyOnWriteArrayList<>();
        fake.report("{\"action\":\"keypad_unlock\",\"action_user\":4,\"battery\":40}", true);
        // the subscription starts once the listener is there, so the kept message is heard as a new adapter hears it
        BrokerConnection connection = open("late");
        List<Runnable> subscriptions = new ArrayList<>();
        BrokerConnection subscribingLater = new BrokerConnection() {
            @Override
            public void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException {
                connection.publish(topic, payload, qos, retained);
            }

            @Override
            public Registration subscribe(String filter, int qos, Handler handler) {
                subscriptions.add(() -> {
                    try {
                        connection.subscribe(filter, qos, handler);
                    } catch (BrokerException e) {
                        throw new IllegalStateException(e);
                    }
                });
                return () -> { };
            }

            @Override
            public void close() {
                connection.close();
            }
        };
        try (Zigbee2MqttLock late = new Zigbee2MqttLock(subscribingLater, new Zigbee2MqttLockConfig(base, answerTimeout(), 1), clock)) {
            late.onReport(reports::add);
            subscriptions.forEach(Runnable::run);
            waitUntil(() -> !reports.isEmpty());
            assertThat(reports).singleElement().satisfies(report -> {
                assertThat(report.batteryPercent()).hasValue(40);
                assertThat(report.keypadSlot()).isEmpty();
            });
        } finally {
            fake.report("", true);
        }
    }

    @Test
    void a_keypad_event_that_comes_again_with_the_same_last_seen_is_taken_once() throws BrokerException {
        List<LockReport> reports = new CopyOnWriteArrayList<>();
        lock.onReport(reports::add);
        String event = "{\"action\":\"unlock\",\"action_source_name\":\"keypad\",\"action_user\":5,\"battery\":40,"
                + "\"last_seen\":\"2026-11-25T13:59:58+02:00\"}";

        fake.report(event, false);
        fake.report(event, false);
        fake.report("{\"action\":\"unlock\",\"action_source_name\":\"keypad\",\"action_user\":5,\"battery\":40,"
                + "\"last_seen\":1795608000000}", false);
        waitUntil(() -> reports.size() == 3);

        assertThat(reports).extracting(LockReport::keypadSlot).containsExactly(
                java.util.Optional.of(new CodeSlot(5)), java.util.Optional.empty(), java.util.Optional.of(new CodeSlot(5)));
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(condition::getAsBoolean);
    }
}
