package fi.suoja.hardware.sign;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedRoomSignTest {

    private static final SignId SIGN = new SignId("room-2-sign");
    private static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");

    @Test
    void the_simulator_remembers_the_current_state_and_every_change_with_its_instant() {
        SimulatedRoomSign sign = new SimulatedRoomSign(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(sign.current(SIGN)).isEmpty();

        sign.show(SIGN, SignState.BUSY);
        sign.show(SIGN, SignState.ENDING_SOON);
        sign.show(SIGN, SignState.FREE);

        assertThat(sign.current(SIGN)).contains(SignState.FREE);
        assertThat(sign.history(SIGN)).containsExactly(SignState.BUSY, SignState.ENDING_SOON, SignState.FREE);
        assertThat(sign.history().get(0)).isEqualTo(new SimulatedRoomSign.Change(SIGN, SignState.BUSY, NOW));
    }

    @Test
    void an_unreachable_simulated_sign_keeps_its_old_state() {
        SimulatedRoomSign sign = new SimulatedRoomSign(Clock.fixed(NOW, ZoneOffset.UTC));
        sign.show(SIGN, SignState.BUSY);
        sign.setReachable(false);

        assertThat(sign.show(SIGN, SignState.FREE)).isInstanceOf(SignResult.NotShown.class);
        assertThat(sign.current(SIGN)).contains(SignState.BUSY);
    }
}
