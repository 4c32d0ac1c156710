package fi.suoja.server.device;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle's guarantees, checked over every state, action and kind. */
class DeviceStateTest {

    @Test
    void a_laptop_becomes_ready_only_through_a_verified_wipe() {
        for (DeviceState state : DeviceState.values()) {
            for (DeviceAction action : DeviceAction.values()) {
                if (state.after(action, DeviceKind.LAPTOP).orElse(null) == DeviceState.READY) {
                    assertThat(action).as(state + " --" + action + "--> READY").isEqualTo(DeviceAction.WIPE_VERIFIED);
                }
            }
        }
    }

    @Test
    void a_device_without_an_agent_becomes_ready_only_through_a_staff_check() {
        for (DeviceKind kind : Set.of(DeviceKind.WEBCAM, DeviceKind.HEADSET)) {
            for (DeviceState state : DeviceState.values()) {
                for (DeviceAction action : DeviceAction.values()) {
                    if (state.after(action, kind).orElse(null) == DeviceState.READY) {
                        assertThat(action).as(kind + " " + state + " --" + action + "--> READY").isEqualTo(DeviceAction.STAFF_CHECKED);
                    }
                }
            }
        }
    }

    @Test
    void only_a_ready_device_can_be_handed_out() {
        for (DeviceState state : DeviceState.values()) {
            assertThat(state.after(DeviceAction.HAND_OUT, DeviceKind.LAPTOP).isPresent()).as(state.name())
                    .isEqualTo(state == DeviceState.READY);
        }
    }

    @Test
    void a_failed_wipe_is_left_only_by_repair_into_a_new_wipe_or_out_of_use() {
        Set<DeviceState> reachable = EnumSet.noneOf(DeviceState.class);
        for (DeviceAction action : DeviceAction.values()) {
            DeviceState.WIPE_FAILED.after(action, DeviceKind.LAPTOP).ifPresent(reachable::add);
        }
        assertThat(reachable).containsExactlyInAnyOrder(DeviceState.WIPE_PENDING, DeviceState.FAULTY, DeviceState.RETIRED);
        assertThat(DeviceState.WIPE_FAILED.after(DeviceAction.REPAIRED, DeviceKind.LAPTOP)).contains(DeviceState.WIPE_PENDING);
    }

    @Test
    void every_state_but_retired_can_be_marked_faulty_or_retired_and_retired_is_final() {
        for (DeviceState state : DeviceState.values()) {
            assertThat(state.after(DeviceAction.RETIRE, DeviceKind.LAPTOP)).as(state.name())
                    .isEqualTo(state == DeviceState.RETIRED ? java.util.Optional.empty() : java.util.Optional.of(DeviceState.RETIRED));
            if (state != DeviceState.RETIRED && state != DeviceState.FAULTY) {
                assertThat(state.after(DeviceAction.MARK_FAULTY, DeviceKind.LAPTOP)).contains(DeviceState.FAULTY);
            }
        }
        for (DeviceAction action : DeviceAction.values()) {
            assertThat(DeviceState.RETIRED.after(action, DeviceKind.LAPTOP)).isEmpty();
        }
    }
}
