package fi.suoja.server.booking;

import fi.suoja.hardware.door.DoorCode;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DoorCodesTest {

    @Test
    void a_bookings_code_has_six_digits_is_never_a_run_and_never_printed() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1_000; i++) {
            DoorCode code = DoorCodes.random(random);
            assertThat(code.digits()).matches("[0-9]{6}");
            assertThat(DoorCodes.isGuessable(code.digits())).isFalse();
            assertThat(code.toString()).doesNotContain(code.digits());
        }
    }

    @Test
    void runs_and_repeats_are_guessable() {
        assertThat(DoorCodes.isGuessable("123456")).isTrue();
        assertThat(DoorCodes.isGuessable("987654")).isTrue();
        assertThat(DoorCodes.isGuessable("111111")).isTrue();
        assertThat(DoorCodes.isGuessable("482915")).isFalse();
    }
}
