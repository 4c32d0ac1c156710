package fi.suoja.hardware.door;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatedDoorLockTest {

    private static final LockId DOOR = new LockId("room-2-door");
    private static final Instant FROM = Instant.parse("2026-11-25T14:00:00Z");
    private static final Instant UNTIL = FROM.plus(Duration.ofMinutes(90));
    private static final CodeGrant GRANT = new CodeGrant(DOOR, new CodeSlot(3), "K7M-4PX-ZQ2", new DoorCode("482913"), FROM, UNTIL);

    private final Clock clock = Clock.fixed(FROM, ZoneOffset.UTC);

    @Test
    void a_code_opens_the_door_only_inside_its_window() {
        SimulatedDoorLock lock = new SimulatedDoorLock(clock);
        lock.setCode(GRANT);

        assertThat(lock.accepts(DOOR, "482913", FROM.minusSeconds(1))).isFalse();
        assertThat(lock.accepts(DOOR, "482913", FROM)).isTrue();
        assertThat(lock.accepts("482913", UNTIL.minusSeconds(1))).isTrue();
        assertThat(lock.accepts(DOOR, "482913", UNTIL)).isFalse();
        assertThat(lock.accepts(DOOR, "111111", FROM)).isFalse();
        assertThat(lock.accepts(new LockId("other-door"), "482913", FROM)).isFalse();
    }

    @Test
    void a_revoked_code_opens_nothing() {
        SimulatedDoorLock lock = new SimulatedDoorLock(clock);
        lock.setCode(GRANT);

        assertThat(lock.revokeCode(DOOR, new CodeSlot(3))).isEqualTo(new LockResult.Done());
        assertThat(lock.accepts(DOOR, "482913", FROM.plusSeconds(60))).isFalse();
        assertThat(lock.codeIn(DOOR, new CodeSlot(3))).isEmpty();
    }

    @Test
    void like_a_zigbee_lock_it_ignores_the_window_until_the_code_is_revoked() {
        SimulatedDoorLock lock = SimulatedDoorLock.likeZigbee(clock);
        lock.setCode(GRANT);

        assertThat(lock.accepts(DOOR, "482913", UNTIL.plus(Duration.ofDays(1)))).isTrue();
        lock.revokeCode(DOOR, new CodeSlot(3));
        assertThat(lock.accepts(DOOR, "482913", FROM)).isFalse();
    }

    @Test
    void a_silent_lock_answers_no_answer_and_keeps_what_it_had() {
        SimulatedDoorLock lock = new SimulatedDoorLock(clock);
        lock.setState(SimulatedDoorLock.State.SILENT);

        assertThat(lock.setCode(GRANT)).isInstanceOf(LockResult.NoAnswer.class);
        assertThat(lock.unlock(DOOR)).isInstanceOf(LockResult.NoAnswer.class);
        assertThat(lock.accepts(DOOR, "482913", FROM)).isFalse();
        assertThat(lock.unlocks(DOOR)).isEmpty();
        assertThat(lock.commandsReceived()).isEqualTo(2);

        lock.setState(SimulatedDoorLock.State.REFUSING);
        assertThat(lock.setCode(GRANT)).isInstanceOf(LockResult.Refused.class);
    }

    @Test
    void unlocks_and_battery_are_reported_to_listeners() {
        SimulatedDoorLock lock = new SimulatedDoorLock(clock);
        List<LockReport> reports = new ArrayList<>();
        lock.onReport(reports::add);

        lock.unlock(DOOR);
        lock.reportBattery(DOOR, 12);

        assertThat(lock.unlocks(DOOR)).containsExactly(FROM);
        assertThat(reports).containsExactly(
                new LockReport(DOOR, LockState.UNLOCKED, OptionalInt.of(100), FROM),
                new LockReport(DOOR, LockState.UNKNOWN, OptionalInt.of(12), FROM));
    }

    @Test
    void a_code_typed_on_the_keypad_opens_the_door_and_the_lock_tells_which_slot_opened_it() {
        SimulatedDoorLock lock = new SimulatedDoorLock(clock);
        List<LockReport> reports = new ArrayList<>();
        lock.onReport(reports::add);
        lock.setCode(GRANT);

        assertThat(lock.typeOnKeypad(DOOR, "111111")).as("a wrong code").isFalse();
        assertThat(lock.typeOnKeypad(new LockId("other-door"), "482913")).as("another door's keypad").isFalse();
        assertThat(reports).isEmpty();
        assertThat(lock.typeOnKeypad(DOOR, "482913")).isTrue();

        assertThat(reports).containsExactly(
                new LockReport(DOOR, LockState.UNLOCKED, OptionalInt.of(100), FROM, java.util.Optional.of(new CodeSlot(3))));
    }

    @Test
    void a_silent_lock_opens_for_its_code_but_its_report_never_comes() {
        SimulatedDoorLock lock = new SimulatedDoorLock(clock);
        List<LockReport> reports = new ArrayList<>();
        lock.onReport(reports::add);
        lock.setCode(GRANT);
        lock.setState(SimulatedDoorLock.State.SILENT);

        assertThat(lock.typeOnKeypad(DOOR, "482913")).isTrue();
        assertThat(reports).isEmpty();
    }

    @Test
    void a_code_outside_its_window_does_not_open_a_lock_that_keeps_windows() {
        SimulatedDoorLock lock = new SimulatedDoorLock(Clock.fixed(UNTIL, ZoneOffset.UTC));
        lock.setCode(GRANT);

        assertThat(lock.typeOnKeypad(DOOR, "482913")).isFalse();
    }

    @Test
    void grants_and_codes_say_what_is_wrong_and_codes_stay_out_of_logs() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DoorCode("12a4")).withMessageContaining("digits");
        assertThatIllegalArgumentException().isThrownBy(() -> new CodeGrant(DOOR, new CodeSlot(1), "x",
                new DoorCode("1234"), UNTIL, FROM)).withMessageContaining("ends after it starts");
        assertThatIllegalArgumentException().isThrownBy(() -> new LockId("doors/#")).withMessageContaining("wildcards");
        assertThat(new DoorCode("482913").toString()).doesNotContain("482913");
        assertThatIllegalArgumentException().isThrownBy(() -> new Zigbee2MqttLockConfig("zigbee2mqtt", Duration.ofSeconds(5), 0))
                .withMessageContaining("1 to 10 times");
    }
}
