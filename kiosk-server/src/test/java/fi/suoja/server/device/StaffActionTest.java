package fi.suoja.server.device;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fi.suoja.server.device.StaffAction.FAULTY;
import static fi.suoja.server.device.StaffAction.HAND_OUT;
import static fi.suoja.server.device.StaffAction.HEAR_AGAIN;
import static fi.suoja.server.device.StaffAction.REPAIRED;
import static fi.suoja.server.device.StaffAction.RETIRE;
import static fi.suoja.server.device.StaffAction.RETURN;
import static fi.suoja.server.device.StaffAction.WIPE;
import static org.assertj.core.api.Assertions.assertThat;

/** The actions a device's view offers staff, per state and kind: the desk shows exactly these buttons. */
class StaffActionTest {

    @Test
    void a_laptop_offers_by_its_state() {
        assertThat(laptop(DeviceState.PROVISIONED)).containsExactly(WIPE, FAULTY, RETIRE);
        assertThat(laptop(DeviceState.READY)).containsExactly(HAND_OUT, WIPE, FAULTY, RETIRE);
        assertThat(laptop(DeviceState.ON_LOAN)).containsExactly(RETURN, FAULTY, RETIRE);
        assertThat(laptop(DeviceState.WIPE_PENDING)).containsExactly(WIPE, FAULTY, RETIRE);
        assertThat(laptop(DeviceState.WIPING)).containsExactly(WIPE, FAULTY, RETIRE);
        assertThat(laptop(DeviceState.WIPE_FAILED)).containsExactly(FAULTY, REPAIRED, RETIRE);
        assertThat(laptop(DeviceState.FAULTY)).containsExactly(REPAIRED, RETIRE);
        assertThat(laptop(DeviceState.RETIRED)).isEmpty();
    }

    @Test
    void a_webcam_waiting_for_its_check_is_returned_by_staff() {
        for (DeviceKind kind : List.of(DeviceKind.WEBCAM, DeviceKind.HEADSET)) {
            assertThat(StaffAction.allowed(DeviceState.PROVISIONED, kind, false)).as(kind.name())
                    .containsExactly(RETURN, WIPE, FAULTY, RETIRE);
            assertThat(StaffAction.allowed(DeviceState.WIPE_PENDING, kind, false)).as(kind.name())
                    .containsExactly(RETURN, WIPE, FAULTY, RETIRE);
            assertThat(StaffAction.allowed(DeviceState.ON_LOAN, kind, false)).as(kind.name())
                    .containsExactly(RETURN, FAULTY, RETIRE);
            assertThat(StaffAction.allowed(DeviceState.READY, kind, false)).as(kind.name())
                    .containsExactly(HAND_OUT, WIPE, FAULTY, RETIRE);
        }
    }

    @Test
    void hearing_again_is_offered_only_for_an_unheard_agent() {
        for (DeviceState state : DeviceState.values()) {
            assertThat(StaffAction.allowed(state, DeviceKind.LAPTOP, true).contains(HEAR_AGAIN)).as(state.name()).isTrue();
            assertThat(StaffAction.allowed(state, DeviceKind.LAPTOP, false).contains(HEAR_AGAIN)).as(state.name()).isFalse();
            assertThat(StaffAction.allowed(state, DeviceKind.WEBCAM, true).contains(HEAR_AGAIN)).as(state.name()).isFalse();
        }
    }

    @Test
    void the_offered_moves_are_the_lifecycles_own() {
        for (DeviceKind kind : DeviceKind.values()) {
            for (DeviceState state : DeviceState.values()) {
                List<StaffAction> offered = StaffAction.allowed(state, kind, false);
                assertThat(offered.contains(HAND_OUT)).as(kind + " " + state).isEqualTo(state.after(DeviceAction.HAND_OUT, kind).isPresent());
                assertThat(offered.contains(FAULTY)).as(kind + " " + state).isEqualTo(state.after(DeviceAction.MARK_FAULTY, kind).isPresent());
                assertThat(offered.contains(REPAIRED)).as(kind + " " + state).isEqualTo(state.after(DeviceAction.REPAIRED, kind).isPresent());
                assertThat(offered.contains(RETIRE)).as(kind + " " + state).isEqualTo(state.after(DeviceAction.RETIRE, kind).isPresent());
                if (offered.contains(RETURN) && state == DeviceState.ON_LOAN) {
                    assertThat(state.after(DeviceAction.LOAN_ENDED, kind)).as(kind + " " + state).isPresent();
                }
            }
        }
    }

    private static List<StaffAction> laptop(DeviceState state) {
        return StaffAction.allowed(state, DeviceKind.LAPTOP, false);
    }
}
